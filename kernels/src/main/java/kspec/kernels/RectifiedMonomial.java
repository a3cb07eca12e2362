package kspec.kernels;

/**
 * φ(x) = max(x, 0)ⁿ for n = 0…3 (n = 0: the Heaviside step; n = 1: ReLU). The duals are the
 * arc-cosine kernels of Cho &amp; Saul 2009 ("Kernel Methods for Deep Learning", NeurIPS):
 * \[ \mathbb E[\varphi_n(u)\varphi_n(v)] = \frac{(q_1q_2)^{n/2}}{2\pi} J_n(\theta), \qquad
 *    \mathbb E[\varphi_n'(u)\varphi_n'(v)] = n^2 \frac{(q_1q_2)^{(n-1)/2}}{2\pi} J_{n-1}(\theta), \]
 * with θ = arccos(c/√(q₁q₂)) and
 * J₀ = π − θ, J₁ = sin θ + (π − θ)cos θ, J₂ = 3 sin θ cos θ + (π − θ)(1 + 2cos²θ),
 * J₃ = 15 sin θ − 11 sin³θ + (π − θ)(9 sin²θ cos θ + 15 cos³θ); J_n(0) = π(2n − 1)!!, so
 * Φ(q,q,q) = qⁿ(2n − 1)!!/2. For n = 0 the derivative is a Dirac delta, dropped as NT does for
 * {@code Sign}: Σ̇ = 0.
 */
final class RectifiedMonomial implements Activation {

    private final int degree;

    RectifiedMonomial(int degree) {
        if (degree < 0 || degree > 3) {
            throw new IllegalArgumentException("RectifiedMonomial degree must be 0, 1, 2 or 3 (got " + degree + ")");
        }
        this.degree = degree;
    }

    @Override
    public double apply(double x) {
        return x > 0 ? Math.pow(x, degree) : 0.0;
    }

    @Override
    public double slope(double x) {
        return degree > 0 && x > 0 ? degree * Math.pow(x, degree - 1) : 0.0;
    }

    @Override
    public double dual(double q1, double q2, double c) {
        double theta = FastTrig.acos(DualMath.correlation(q1, q2, c));
        return Math.pow(q1 * q2, degree / 2.0) * j(degree, theta) / DualMath.TWO_PI;
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        if (degree == 0) {
            return 0.0;
        }
        double theta = FastTrig.acos(DualMath.correlation(q1, q2, c));
        return degree * degree * Math.pow(q1 * q2, (degree - 1) / 2.0) * j(degree - 1, theta) / DualMath.TWO_PI;
    }

    @Override
    public double dualDiagonal(double q) {
        return Math.pow(q, degree) * doubleFactorial(2 * degree - 1) / 2;
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return degree == 0 ? 0.0 : degree * degree * Math.pow(q, degree - 1) * doubleFactorial(2 * degree - 3) / 2;
    }

    private static double doubleFactorial(int m) {
        double f = 1;
        for (int k = m; k > 1; k -= 2) {
            f *= k;
        }
        return f;
    }

    /** The Cho–Saul angular factor J_n(θ). */
    private static double j(int n, double theta) {
        double s = Math.sin(theta);
        double co = Math.cos(theta);
        double rest = Math.PI - theta;
        return switch (n) {
            case 0 -> rest;
            case 1 -> s + rest * co;
            case 2 -> 3 * s * co + rest * (1 + 2 * co * co);
            default -> 15 * s - 11 * s * s * s + rest * (9 * s * s * co + 15 * co * co * co);
        };
    }

    @Override
    public String toString() {
        return "RectifiedMonomial(" + degree + ")";
    }
}
