package kspec.kernels;

/** φ(x) = x: Φ = c, Σ̇ = 1 (a linear network). */
final class Identity implements Activation {

    @Override
    public double apply(double x) {
        return x;
    }

    @Override
    public double slope(double x) {
        return 1.0;
    }

    @Override
    public double dual(double q1, double q2, double c) {
        return c;
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return 1.0;
    }

    @Override
    public double dualDiagonal(double q) {
        return q;
    }

    @Override
    public void applyTile(double[] qRow, int row0, int rows, double[] qCol, int col0, int cols,
                          double[] nngp, double[] ntk) {
        // Φ = c and Σ̇ = 1: nothing changes
    }

    @Override
    public String toString() {
        return "Identity";
    }
}
