package kspec.kernels;

/** Small numerical helpers shared by the closed-form dual activations. */
final class DualMath {

    static final double TWO_PI = 2 * Math.PI;

    private DualMath() {
    }

    /**
     * The correlation ρ = c/√(q₁q₂) clipped to [−1, 1]: rounding can push |c| a few ulps above
     * √(q₁q₂) (Cauchy–Schwarz holds exactly only in exact arithmetic), and arccos/arcsin are NaN
     * outside [−1, 1]. A zero-variance point is uncorrelated with everything (ρ = 0, θ = π/2, NT's
     * {@code fill_zero}).
     */
    static double correlation(double q1, double q2, double c) {
        double norm = Math.sqrt(q1 * q2);
        if (!(norm > 0)) {
            return 0.0;
        }
        double rho = c / norm;
        return rho > 1 ? 1 : (rho < -1 ? -1 : rho);
    }

    /** √max(x, 0): the argument is a difference that is ≥ 0 in exact arithmetic but may round below 0. */
    static double sqrtClipped(double x) {
        return x > 0 ? Math.sqrt(x) : 0.0;
    }

    /** Formats a parameter for the canonical string form (shortest round-trip decimal). */
    static String fmt(double v) {
        return Double.toString(v);
    }
}
