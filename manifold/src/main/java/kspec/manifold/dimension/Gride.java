package kspec.manifold.dimension;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import java.util.LinkedHashMap;
import java.util.Map;
import kspec.data.DataException;
import kspec.manifold.knn.NeighborTable;

/**
 * GRIDE, the generalised-ratios intrinsic dimension estimator of Denti, Doimo, Laio and Mira (2022),
 * Sci. Rep. 12:20005 (arXiv 2104.13832).
 *
 * <p>For neighbour ranks n₁ &lt; n₂ the ratio \(\mu = T_{n_2}/T_{n_1}\) of a locally uniform
 * d-dimensional sample has density
 * \[ f(\mu) = \frac{d\,(\mu^d - 1)^{n_2-n_1-1}}{B(n_2-n_1,\,n_1)\,\mu^{d(n_2-1)+1}},\quad \mu > 1. \]
 * The maximum-likelihood d solves
 * \[ \frac{N}{d} + (n_2-n_1-1)\sum_i\frac{\log\mu_i}{1-\mu_i^{-d}} - (n_2-1)\sum_i\log\mu_i = 0, \]
 * whose left side decreases strictly in d (unique root, found by bisection on log d). The authors'
 * error bar (DADApy) is the Cramér–Rao bound 1/√I from the observed information
 * \( I = N/d^2 + (n_2-n_1-1)\sum_i(\log\mu_i)^2\mu_i^{-d}/(1-\mu_i^{-d})^2 \), reported as
 * {@code stderrCramerRao}; it assumes independent points. The reported stderr is the sandwich
 * \(\sqrt{\widehat{\mathrm{Var}}(\sum_i s_i)}/I\) with the per-point scores s_i and the neighbourhood
 * HAC variance of {@link NeighbourhoodVariance} (window n₂), since neighbouring points share neighbours. With (n₁, n₂) = (1, 2) GRIDE is the N-normalised TwoNN maximum likelihood.
 * Larger ranks probe larger scales and average out noise ({@link ScaleCurve#gride}).
 * Points with T_{n₁} = 0 or μ = 1 are dropped.
 */
public final class Gride {

    /** Default first rank of {@link IntrinsicDimension}: (n₁, n₂) = (4, 8). */
    public static final int DEFAULT_N1 = 4;

    private Gride() {
    }

    /**
     * @param table neighbour table with k ≥ n2
     * @param n1    first rank, ≥ 1
     * @param n2    second rank, &gt; n1
     * @return the GRIDE estimate; scale = median T_{n₂} of the points used
     */
    public static IdEstimate estimate(NeighborTable table, int n1, int n2) {
        if (n1 < 1 || n2 <= n1) {
            throw new IllegalArgumentException("GRIDE needs ranks 1 <= n1 < n2, got n1 = " + n1 + ", n2 = " + n2);
        }
        if (table.k() < n2) {
            throw new IllegalArgumentException("GRIDE with n2 = " + n2 + " needs a neighbour table with k >= " + n2
                    + "; it has k = " + table.k());
        }
        int n = table.n();
        double[] logMu = new double[n];
        double[] scales = new double[n];
        double[] perRow = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            double a = table.distance(i, n1 - 1);
            double b = table.distance(i, n2 - 1);
            perRow[i] = Double.NaN;
            if (a > 0 && b > a) {
                perRow[i] = Math.log(b / a);
                logMu[used] = perRow[i];
                scales[used] = b;
                used++;
            }
        }
        if (used < 3) {
            throw new DataException("GRIDE: only " + used + " of " + n + " points have T_" + n2 + " > T_" + n1
                    + " > 0; supply more distinct points");
        }
        double d = solve(logMu, used, n1, n2);
        double info = used / (d * d);
        int m = n2 - n1 - 1;
        if (m > 0) {
            for (int i = 0; i < used; i++) {
                double l = logMu[i];
                double e = Math.exp(-d * l);
                double denom = -Math.expm1(-d * l);
                info += m * l * l * e / (denom * denom);
            }
        }
        // sandwich: Var(d̂) = Var(Σ score_i) / info², the score variance with the neighbourhood HAC estimator
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double l = perRow[i];
            score[i] = Double.isNaN(l) ? Double.NaN
                    : 1 / d + (m > 0 ? m * l / -Math.expm1(-d * l) : 0) - (n2 - 1) * l;
        }
        double se = used * Math.sqrt(NeighbourhoodVariance.ofMean(table, score, n2)) / info;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n1", n1);
        params.put("n2", n2);
        params.put("stderrCramerRao", 1 / Math.sqrt(info));
        return new IdEstimate(IntrinsicDimension.Method.GRIDE, Estimate.normal(d, se, IntervalMethod.WALD),
                Stats.median(scales, used), params, table.inputRows() - used, used);
    }

    private static double score(double d, double[] logMu, int used, int n1, int n2) {
        int m = n2 - n1 - 1;
        double s = used / d;
        for (int i = 0; i < used; i++) {
            double l = logMu[i];
            if (m > 0) {
                s += m * l / -Math.expm1(-d * l);
            }
            s -= (n2 - 1) * l;
        }
        return s;
    }

    /** Bisection on log d of the strictly decreasing score, to relative precision 1e-12. */
    private static double solve(double[] logMu, int used, int n1, int n2) {
        double lo = 1e-3;
        double hi = 1.0;
        while (score(hi, logMu, used, n1, n2) > 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                throw new DataException("GRIDE: the likelihood has no maximum below d = 1e6; the ratios T_" + n2
                        + "/T_" + n1 + " are all too close to 1 (near-tied neighbour distances)");
            }
        }
        while (score(lo, logMu, used, n1, n2) < 0) {
            hi = lo;
            lo /= 2;
        }
        while (hi / lo > 1 + 1e-12) {
            double mid = Math.sqrt(lo * hi);
            if (score(mid, logMu, used, n1, n2) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }
}
