package kspec.kernels;

/**
 * φ(x) = a·min(x, 0) + b·max(x, 0) (ReLU = (0, 1), LeakyReLU(α) = (α, 1), Abs = (−1, 1)).
 *
 * <p>With θ = arccos(c/√(q₁q₂)) (Cho &amp; Saul 2009; NT {@code ABRelu}, leaky derivation in
 * Tsuchida, Roosta, Gallagher 2018, arXiv 1711.09090):
 * \[ \dot\Sigma = \frac{a^2+b^2}{2} - \frac{(a-b)^2\,\theta}{2\pi}, \qquad
 *    \Phi = \frac{(a-b)^2}{2\pi}\sqrt{q_1q_2 - c^2} + \dot\Sigma\, c, \qquad
 *    \Phi(q,q,q) = \frac{a^2+b^2}{2} q. \]
 */
final class ABRelu implements Activation {

    private final double a;
    private final double b;
    private final String label;
    private final double half;   // (a² + b²)/2
    private final double factor; // (a − b)²/(2π)

    ABRelu(double a, double b, String label) {
        this.a = a;
        this.b = b;
        this.label = label;
        this.half = (a * a + b * b) / 2;
        this.factor = (a - b) * (a - b) / DualMath.TWO_PI;
    }

    @Override
    public double apply(double x) {
        return x < 0 ? a * x : b * x;
    }

    @Override
    public double slope(double x) {
        return x < 0 ? a : b;
    }

    @Override
    public double dual(double q1, double q2, double c) {
        double rho = DualMath.correlation(q1, q2, c);
        double theta = FastTrig.acos(rho);
        return factor * Math.sqrt(q1 * q2) * DualMath.sqrtClipped(1 - rho * rho) + (half - factor * theta) * c;
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return half - factor * FastTrig.acos(DualMath.correlation(q1, q2, c));
    }

    @Override
    public double dualDiagonal(double q) {
        return half * q;
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return half;
    }

    @Override
    public void applyTile(double[] qRow, int row0, int rows, double[] qCol, int col0, int cols,
                          double[] nngp, double[] ntk) {
        // √q and 1/√q once per point: per entry ρ = c·(1/√q₁)(1/√q₂) and √(q₁q₂ − c²) = √q₁√q₂·√(1 − ρ²);
        // a zero-variance point gets 1/√q = 0, i.e. ρ = 0 (NT's fill_zero: θ = π/2)
        double[] rootCol = new double[cols];
        double[] invCol = new double[cols];
        for (int k = 0; k < cols; k++) {
            rootCol[k] = Math.sqrt(qCol[col0 + k]);
            invCol[k] = rootCol[k] > 0 ? 1 / rootCol[k] : 0.0;
        }
        for (int r = 0; r < rows; r++) {
            double root1 = Math.sqrt(qRow[row0 + r]);
            double inv1 = root1 > 0 ? 1 / root1 : 0.0;
            int base = r * cols;
            for (int k = 0; k < cols; k++) {
                double c = nngp[base + k];
                double rho = c * inv1 * invCol[k];
                // |ρ| ≤ 1 holds exactly (Cauchy–Schwarz) but not after rounding; arccos needs [−1, 1]
                rho = rho > 1 ? 1 : (rho < -1 ? -1 : rho);
                double dot = half - factor * FastTrig.acos(rho);
                nngp[base + k] = factor * root1 * rootCol[k] * DualMath.sqrtClipped(1 - rho * rho) + dot * c;
                if (ntk != null) {
                    ntk[base + k] *= dot;
                }
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
