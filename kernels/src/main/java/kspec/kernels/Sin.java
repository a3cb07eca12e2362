package kspec.kernels;

/**
 * φ(x) = a·sin(b·x + c) (NT {@code Sin}; {@code Cos(a,b,c)} = {@code Sin(a,b,c+π/2)}). With
 * s = q₁ + q₂:
 * \[ \Phi = \frac{a^2}{2}\Big(e^{b^2(c_{12} - s/2)} - e^{-b^2(c_{12} + s/2)}\cos 2c\Big), \qquad
 *    \dot\Sigma = \frac{a^2 b^2}{2}\Big(e^{b^2(c_{12} - s/2)} + e^{-b^2(c_{12} + s/2)}\cos 2c\Big), \]
 * \( \Phi(q,q,q) = \tfrac{a^2}{2}(1 - e^{-2b^2q}\cos 2c) \).
 */
final class Sin implements Activation {

    private final double a;
    private final double b;
    private final double phase;
    private final String label;
    private final double halfA2;
    private final double b2;
    private final double cos2c;

    Sin(double a, double b, double phase, String label) {
        this.a = a;
        this.b = b;
        this.phase = phase;
        this.label = label;
        this.halfA2 = a * a / 2;
        this.b2 = b * b;
        this.cos2c = Math.cos(2 * phase);
    }

    @Override
    public double apply(double x) {
        return a * Math.sin(b * x + phase);
    }

    @Override
    public double slope(double x) {
        return a * b * Math.cos(b * x + phase);
    }

    @Override
    public double dual(double q1, double q2, double c) {
        double half = (q1 + q2) / 2;
        return halfA2 * (Math.exp(b2 * (c - half)) - Math.exp(-b2 * (c + half)) * cos2c);
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        double half = (q1 + q2) / 2;
        return halfA2 * b2 * (Math.exp(b2 * (c - half)) + Math.exp(-b2 * (c + half)) * cos2c);
    }

    @Override
    public double dualDiagonal(double q) {
        return halfA2 * (1 - Math.exp(-2 * b2 * q) * cos2c);
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return halfA2 * b2 * (1 + Math.exp(-2 * b2 * q) * cos2c);
    }

    @Override
    public String toString() {
        return label;
    }
}
