package kspec.kernels;

/**
 * The activation φ(x) = √2·sin(√(2γ)·x + π/4) whose dual is the normalized RBF kernel (NT {@code Rbf}):
 * \( \Phi = e^{-\gamma(q_1 + q_2 - 2c)} \), \( \dot\Sigma = 2\gamma\,\Phi \), \( \Phi(q,q,q) = 1 \).
 * On inputs Σ⁰ = x·x′/d this gives exp(−γ‖x − x′‖²/d).
 */
final class Rbf implements Activation {

    private final double gamma;
    private final String label;

    Rbf(double gamma, String label) {
        this.gamma = gamma;
        this.label = label;
    }

    @Override
    public double apply(double x) {
        return Math.sqrt(2) * Math.sin(Math.sqrt(2 * gamma) * x + Math.PI / 4);
    }

    @Override
    public double slope(double x) {
        return Math.sqrt(2) * Math.sqrt(2 * gamma) * Math.cos(Math.sqrt(2 * gamma) * x + Math.PI / 4);
    }

    @Override
    public double dual(double q1, double q2, double c) {
        return Math.exp(gamma * (2 * c - q1 - q2));
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return 2 * gamma * dual(q1, q2, c);
    }

    @Override
    public double dualDiagonal(double q) {
        return 1.0;
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return 2 * gamma;
    }

    @Override
    public String toString() {
        return label;
    }
}
