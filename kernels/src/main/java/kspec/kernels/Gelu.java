package kspec.kernels;

import org.apache.commons.math3.special.Erf;

/**
 * GELU, φ(x) = x·Φ_N(x) with Φ_N the standard normal CDF (Hendrycks &amp; Gimpel 2016, arXiv 1606.08415).
 * Dual from Tsuchida, Pearce, van der Heide, Roosta, Gallagher 2021 (arXiv 2002.08517), as in NT
 * {@code stax.Gelu}: with P = q₁q₂, P₊ = (q₁+1)(q₂+1), δ = √(P₊ − c²), α = atan2(c, δ),
 * \[ \Phi = \frac{c}{4} + \frac{1}{2\pi}\Big(\frac{c^2 + P\,\delta^2}{P_+\,\delta} + c\,\alpha\Big), \qquad
 *    \dot\Sigma = \frac14 + \frac{\alpha}{2\pi} + \frac{c}{2\pi\delta}\Big(\frac{1}{\delta^2} + \frac{1-P}{P_+} + 1\Big), \]
 * \[ \Phi(q,q,q) = q\Big(\frac14 + \frac1\pi\Big[\frac{q}{(q+1)\sqrt{1+2q}} + \frac12 \arctan\frac{q}{\sqrt{1+2q}}\Big]\Big). \]
 */
final class Gelu implements Activation {

    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public double apply(double x) {
        return x * 0.5 * (1 + Erf.erf(x * INV_SQRT2));
    }

    @Override
    public double slope(double x) {
        return 0.5 * (1 + Erf.erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    @Override
    public double dual(double q1, double q2, double c) {
        double prodPlus1 = (q1 + 1) * (q2 + 1);
        double delta2 = deltaSquared(prodPlus1, c);
        double delta = Math.sqrt(delta2);
        double angle = Math.atan2(c, delta);
        return c / 4 + ((c * c + q1 * q2 * delta2) / (prodPlus1 * delta) + c * angle) / DualMath.TWO_PI;
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        double prodPlus1 = (q1 + 1) * (q2 + 1);
        double delta2 = deltaSquared(prodPlus1, c);
        double delta = Math.sqrt(delta2);
        double angle = Math.atan2(c, delta);
        return 0.25 + angle / DualMath.TWO_PI
                + c / (delta * DualMath.TWO_PI) * (1 / delta2 + (1 - q1 * q2) / prodPlus1 + 1);
    }

    @Override
    public double dualDiagonal(double q) {
        double root = Math.sqrt(1 + 2 * q);
        return q * (0.25 + (q / ((q + 1) * root) + Math.atan2(q, root) / 2) / Math.PI);
    }

    /**
     * δ² = (q₁+1)(q₂+1) − c² ≥ 1 + q₁ + q₂ &gt; 0 in exact arithmetic (Cauchy–Schwarz); the floor only
     * guards a rounding cancellation.
     */
    private static double deltaSquared(double prodPlus1, double c) {
        return Math.max(prodPlus1 - c * c, Double.MIN_NORMAL);
    }

    @Override
    public String toString() {
        return "Gelu";
    }
}
