package kspec.kernels;

/**
 * φ(x) = a·exp(b·x) (NT {@code Exp}): \( \Phi = a^2 e^{b^2((q_1+q_2)/2 + c)} \),
 * \( \dot\Sigma = b^2 \Phi \), \( \Phi(q,q,q) = a^2 e^{2b^2 q} \).
 */
final class Exp implements Activation {

    private final double a;
    private final double b;
    private final String label;

    Exp(double a, double b, String label) {
        this.a = a;
        this.b = b;
        this.label = label;
    }

    @Override
    public double apply(double x) {
        return a * Math.exp(b * x);
    }

    @Override
    public double slope(double x) {
        return a * b * Math.exp(b * x);
    }

    @Override
    public double dual(double q1, double q2, double c) {
        return a * a * Math.exp(b * b * ((q1 + q2) / 2 + c));
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return b * b * dual(q1, q2, c);
    }

    @Override
    public double dualDiagonal(double q) {
        return a * a * Math.exp(2 * b * b * q);
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return b * b * dualDiagonal(q);
    }

    @Override
    public String toString() {
        return label;
    }
}
