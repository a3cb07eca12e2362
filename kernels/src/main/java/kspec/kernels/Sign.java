package kspec.kernels;

/**
 * φ(x) = sign(x) (NT {@code Sign}): \( \Phi = 1 - 2\theta/\pi \), θ = arccos(c/√(q₁q₂)); φ′ = 0 almost
 * everywhere, so \( \dot\Sigma = 0 \) and the NTK contribution of the layers below is dropped (as in
 * NT). \( \Phi(q,q,q) = 1 \) for q &gt; 0 and 0 for q = 0.
 */
final class Sign implements Activation {

    @Override
    public double apply(double x) {
        return Math.signum(x);
    }

    @Override
    public double slope(double x) {
        return 0.0;
    }

    @Override
    public double dual(double q1, double q2, double c) {
        if (!(q1 > 0 && q2 > 0)) {
            return 0.0;
        }
        return 1 - 2 * FastTrig.acos(DualMath.correlation(q1, q2, c)) / Math.PI;
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return 0.0;
    }

    @Override
    public double dualDiagonal(double q) {
        return q > 0 ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
        return "Sign";
    }
}
