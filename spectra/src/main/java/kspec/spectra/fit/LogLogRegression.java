package kspec.spectra.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Weighted straight-line and quadratic regression of y = log value on x = log rank, the engine
 * behind every fit in this package.
 *
 * <p>Line: slope = S<sub>xy</sub>/S<sub>xx</sub> with weighted centred sums. Two readings of the
 * weights w<sub>i</sub>:
 * <ul>
 *   <li><b>design weights</b> (e.g. 1/i, to give every decade equal say): the errors are taken to be
 *       homoscedastic, Var(slope) = σ̂² Σ w<sub>i</sub>²(x<sub>i</sub>−x̄)² / S<sub>xx</sub>², with
 *       σ̂² = Σ r<sub>i</sub>²/(m−2) from unweighted residuals (reduces to σ̂²/S<sub>xx</sub> for w ≡ 1);</li>
 *   <li><b>inverse-variance weights</b> (e.g. bin counts): Var(slope) = σ̂<sub>w</sub>²/S<sub>xx</sub>,
 *       σ̂<sub>w</sub>² = Σ w<sub>i</sub> r<sub>i</sub>²/(m−2) (textbook weighted least squares).</li>
 * </ul>
 * Both assume independent errors; see {@link SpectrumBootstrap} for why eigenvalue noise is not.
 *
 * <p>Drift: y = c₀ + c₁u + c₂u², u = x − x̄, fitted with the same weights; the local slope
 * d y/d x = c₁ + 2c₂u changes by Δs = 2c₂(x<sub>max</sub> − x<sub>min</sub>) across the window. Its
 * standard error comes from the same covariance formulas with m − 3 degrees of freedom
 * (sandwich (XᵀWX)⁻¹XᵀW²X(XᵀWX)⁻¹σ̂² for design weights).
 *
 * <p>Segment drift: the difference of the straight-line slopes fitted separately to the first and
 * last thirds of the window's log-rank range (each widened to ≥ 3 points), with SE √(SE₁² + SE₃²); it catches a kink or a bend at
 * a window end that a quadratic absorbs into its residuals.
 */
final class LogLogRegression {

    /** Points fitted: x = log rank, y = log value, and the rank range each point stands for. */
    record Points(double[] x, double[] y, double[] w, int[] firstRank, int[] lastRank,
                  boolean inverseVarianceWeights) {
        int size() {
            return x.length;
        }
    }

    /** Straight-line fit plus the drift of the local slope across the window. */
    record Line(double slope, double slopeStandardError, double r2, SlopeDrift drift, int points) {
    }

    private LogLogRegression() {
    }

    /**
     * Fits points {@code from..to} (0-based, inclusive, ascending in x; at least 3). The quadratic
     * drift needs at least 5 points, the segment drift 6 (each outer third is widened to at least 3
     * points, without overlap); each is NaN otherwise.
     */
    static Line fit(Points p, int from, int to) {
        double[] line = line(p, from, to);
        double[] drift = to - from + 1 >= 5 ? drift(p, from, to, line[3]) : new double[] {Double.NaN, Double.NaN};
        double[] segments = segmentDrift(p, from, to);
        return new Line(line[0], line[1], line[2], new SlopeDrift(drift[0], drift[1], segments[0], segments[1]),
                to - from + 1);
    }

    /** @return {slope, SE(slope), R², x̄} of the weighted straight line */
    private static double[] line(Points p, int from, int to) {
        int m = to - from + 1;
        double[] x = p.x();
        double[] y = p.y();
        double[] w = p.w();
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = from; i <= to; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        double xBar = sx / sw;
        double yBar = sy / sw;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = from; i <= to; i++) {
            double u = x[i] - xBar;
            double v = y[i] - yBar;
            sxx += w[i] * u * u;
            sxy += w[i] * u * v;
            syy += w[i] * v * v;
        }
        double slope = sxy / sxx;
        double rssW = 0;
        double rss = 0;
        double sw2u2 = 0;
        for (int i = from; i <= to; i++) {
            double u = x[i] - xBar;
            double r = y[i] - yBar - slope * u;
            rssW += w[i] * r * r;
            rss += r * r;
            sw2u2 += w[i] * w[i] * u * u;
        }
        double var = p.inverseVarianceWeights()
                ? rssW / (m - 2) / sxx
                : rss / (m - 2) * sw2u2 / (sxx * sxx);
        double r2 = syy > 0 ? 1.0 - rssW / syy : 1.0;
        return new double[] {slope, Math.sqrt(var), r2, xBar};
    }

    /**
     * @return {s<sub>last</sub> − s<sub>first</sub>, its SE}: straight-line slopes fitted separately
     *         to the first and last thirds of the window's x-range (independent point sets, so the
     *         variances add). Unlike the quadratic, this sees a kink or bend near a window end.
     */
    private static double[] segmentDrift(Points p, int from, int to) {
        double[] x = p.x();
        double third = (x[to] - x[from]) / 3.0;
        int firstEnd = from;
        while (firstEnd + 1 <= to && x[firstEnd + 1] <= x[from] + third) {
            firstEnd++;
        }
        int lastStart = to;
        while (lastStart - 1 >= from && x[lastStart - 1] >= x[to] - third) {
            lastStart--;
        }
        // at least 3 points per segment (a slope with an error), without overlap
        firstEnd = Math.max(firstEnd, from + 2);
        lastStart = Math.min(lastStart, to - 2);
        if (firstEnd >= lastStart) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] first = line(p, from, firstEnd);
        double[] last = line(p, lastStart, to);
        return new double[] {last[0] - first[0], Math.hypot(first[1], last[1])};
    }

    /** @return {Δs, SE(Δs)} from the weighted quadratic fit about xBar */
    private static double[] drift(Points p, int from, int to, double xBar) {
        double[] x = p.x();
        double[] y = p.y();
        double[] w = p.w();
        DMatrixRMaj xtwx = new DMatrixRMaj(3, 3);
        DMatrixRMaj xtw2x = new DMatrixRMaj(3, 3);
        DMatrixRMaj xtwy = new DMatrixRMaj(3, 1);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            double u = x[i] - xBar;
            double[] basis = {1.0, u, u * u};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    xtwx.add(a, b, w[i] * basis[a] * basis[b]);
                    xtw2x.add(a, b, w[i] * w[i] * basis[a] * basis[b]);
                }
                xtwy.add(a, 0, w[i] * basis[a] * y[i]);
            }
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
        }
        DMatrixRMaj inv = new DMatrixRMaj(3, 3);
        if (!CommonOps_DDRM.invert(xtwx, inv)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        DMatrixRMaj c = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.mult(inv, xtwy, c);
        double rssW = 0;
        double rss = 0;
        for (int i = from; i <= to; i++) {
            double u = x[i] - xBar;
            double r = y[i] - c.get(0) - c.get(1) * u - c.get(2) * u * u;
            rssW += w[i] * r * r;
            rss += r * r;
        }
        int dof = to - from + 1 - 3;
        double varC2;
        if (p.inverseVarianceWeights()) {
            varC2 = rssW / dof * inv.get(2, 2);
        } else {
            DMatrixRMaj tmp = new DMatrixRMaj(3, 3);
            DMatrixRMaj cov = new DMatrixRMaj(3, 3);
            CommonOps_DDRM.mult(inv, xtw2x, tmp);
            CommonOps_DDRM.mult(tmp, inv, cov);
            varC2 = rss / dof * cov.get(2, 2);
        }
        double span = xMax - xMin;
        return new double[] {2.0 * c.get(2) * span, 2.0 * span * Math.sqrt(Math.max(varC2, 0.0))};
    }
}
