package kspec.kernels;

/**
 * φ(x) = a·erf(b·x) + c (Williams 1997; NT {@code Erf}). With the variances scaled by b²
 * (q̃ = b²q, c̃ = b²c):
 * \[ \Phi = a^2 \frac{2}{\pi} \arcsin\frac{2\tilde c}{\sqrt{(1+2\tilde q_1)(1+2\tilde q_2)}} + c^2, \qquad
 *    \dot\Sigma = a^2 b^2 \frac{4}{\pi} \frac{1}{\sqrt{(1+2\tilde q_1)(1+2\tilde q_2) - 4\tilde c^2}}, \]
 * and on the diagonal Φ = a²(2/π) arcsin(2q̃/(1+2q̃)) + c² (the shift c enters as c² since E[erf] = 0).
 */
final class Erf implements Activation {

    private final double a;
    private final double b;
    private final double c;
    private final String label;
    private final double b2;

    Erf(double a, double b, double c, String label) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.label = label;
        this.b2 = b * b;
    }

    @Override
    public double apply(double x) {
        return a * org.apache.commons.math3.special.Erf.erf(b * x) + c;
    }

    @Override
    public double slope(double x) {
        double bx = b * x;
        return a * b * 2 / Math.sqrt(Math.PI) * Math.exp(-bx * bx);
    }

    @Override
    public double dual(double q1, double q2, double cov) {
        double d = Math.sqrt((1 + 2 * b2 * q1) * (1 + 2 * b2 * q2));
        return a * a * (2 / Math.PI) * FastTrig.asin(clip(2 * b2 * cov / d)) + c * c;
    }

    @Override
    public double dualSlope(double q1, double q2, double cov) {
        double s = b2 * cov;
        double det = (1 + 2 * b2 * q1) * (1 + 2 * b2 * q2) - 4 * s * s;
        return a * a * b2 * (4 / Math.PI) / Math.sqrt(positive(det));
    }

    @Override
    public double dualDiagonal(double q) {
        double s = b2 * q;
        return a * a * (2 / Math.PI) * FastTrig.asin(2 * s / (1 + 2 * s)) + c * c;
    }

    @Override
    public void applyTile(double[] qRow, int row0, int rows, double[] qCol, int col0, int cols,
                          double[] nngp, double[] ntk) {
        double a2 = a * a;
        double c2 = c * c;
        // per column: 1 + 2b²q and its inverse square root, so each entry needs one sqrt at most
        double[] dCol = new double[cols];
        double[] invRootCol = new double[cols];
        for (int k = 0; k < cols; k++) {
            dCol[k] = 1 + 2 * b2 * qCol[col0 + k];
            invRootCol[k] = 1 / Math.sqrt(dCol[k]);
        }
        for (int r = 0; r < rows; r++) {
            double d1 = 1 + 2 * b2 * qRow[row0 + r];
            double invRoot1 = 1 / Math.sqrt(d1);
            int base = r * cols;
            for (int k = 0; k < cols; k++) {
                double s = b2 * nngp[base + k];
                nngp[base + k] = a2 * (2 / Math.PI) * FastTrig.asin(clip(2 * s * invRoot1 * invRootCol[k])) + c2;
                if (ntk != null) {
                    ntk[base + k] *= a2 * b2 * (4 / Math.PI) / Math.sqrt(positive(d1 * dCol[k] - 4 * s * s));
                }
            }
        }
    }

    /** arcsin argument: |2c̃| ≤ √(4q̃₁q̃₂) &lt; √((1+2q̃₁)(1+2q̃₂)) exactly, so clipping only guards rounding. */
    private static double clip(double x) {
        return x > 1 ? 1 : (x < -1 ? -1 : x);
    }

    /**
     * (1+2q̃₁)(1+2q̃₂) − 4c̃² ≥ 1 + 2q̃₁ + 2q̃₂ &gt; 0 in exact arithmetic; the floor at the smallest
     * normal double only guards against a cancelled negative value.
     */
    private static double positive(double x) {
        return Math.max(x, Double.MIN_NORMAL);
    }

    @Override
    public String toString() {
        return label;
    }
}
