package kspec.manifold.dimension;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import java.util.LinkedHashMap;
import java.util.Map;
import kspec.data.DataException;
import kspec.manifold.knn.NeighborTable;

/**
 * The Levina–Bickel maximum-likelihood intrinsic dimension (Levina &amp; Bickel, NeurIPS 2005),
 * aggregated over points as MacKay &amp; Ghahramani (2005) proposed: average the <b>inverse</b>
 * local estimates, then invert.
 *
 * <p>For each point and neighbour count k, with T_j the distance to the j-th neighbour,
 * \[ u_k(x) = \frac{1}{k-1}\sum_{j=1}^{k-1}\log\frac{T_k(x)}{T_j(x)}, \qquad
 * \hat m_k = \Big[\frac1N\sum_i u_k(x_i)\Big]^{-1}, \qquad \hat d = \frac{1}{K}\sum_{k=k_1}^{k_2}\hat m_k. \]
 * Under the local Poisson model \((k-1)\,u_k(x)\) is a sum of k − 1 independent Exp(d) variables,
 * so \(u_k\) is unbiased for 1/d and the harmonic form is safe at every k ≥ 2. The arithmetic mean
 * of the local estimates \(1/u_k(x)\) is <b>not offered</b>: at k = 2 its expectation is infinite
 * (it gave ≥ 5× the true dimension on uniform cubes, docs/intrinsic-dimension.md §3). At k = 2 the harmonic form is
 * exactly the N-normalised TwoNN maximum likelihood N/Σ log μ.
 *
 * <p>Defaults: the small-k recipe k = 2, 3, 4 (as used by Bahri et al. 2021, arXiv 2102.06701, after
 * Sharma &amp; Kaplan 2020, arXiv 2004.10802); Levina–Bickel's own range is k = 10..20.
 *
 * <p>Standard error: the delta method applied to the per-point influence
 * \(\psi_i = -\frac1K\sum_k (u_k(x_i) - \bar u_k)/\bar u_k^2\) (which accounts for the correlation
 * between different k at one point), se = √Var(ψ̄) with the neighbourhood HAC variance of
 * {@link NeighbourhoodVariance} (window 2·kMax, capped at the table's k), which accounts for the correlation between
 * neighbouring points; the interval is d̂ ± 1.96 se.
 * Points with T₁ = 0 (exact repeats) are dropped.
 */
public final class LevinaBickel {

    /**
     * @param kMin smallest neighbour count, ≥ 2 (default 2)
     * @param kMax largest neighbour count, ≥ kMin (default 4)
     */
    public record Options(int kMin, int kMax) {
        public Options {
            if (kMin < 2 || kMax < kMin) {
                throw new IllegalArgumentException("need 2 <= kMin <= kMax, got kMin = " + kMin + ", kMax = " + kMax);
            }
        }

        /** @return the small-k recipe k = 2..4 */
        public static Options smallK() {
            return new Options(2, 4);
        }

        /** @return Levina and Bickel's range k = 10..20 */
        public static Options levinaBickel() {
            return new Options(10, 20);
        }
    }

    private LevinaBickel() {
    }

    /** {@link #estimate(NeighborTable, Options)} with the small-k recipe. */
    public static IdEstimate estimate(NeighborTable table) {
        return estimate(table, Options.smallK());
    }

    /**
     * @param table   neighbour table with k ≥ options.kMax
     * @param options neighbour-count range
     * @return the harmonic (MacKay–Ghahramani) MLE; scale = median of T_kMax over the points used
     */
    public static IdEstimate estimate(NeighborTable table, Options options) {
        if (table.k() < options.kMax()) {
            throw new IllegalArgumentException("the MLE over k = " + options.kMin() + ".." + options.kMax()
                    + " needs a neighbour table with k >= " + options.kMax() + "; it has k = " + table.k());
        }
        int n = table.n();
        int ks = options.kMax() - options.kMin() + 1;
        double[][] u = new double[ks][n];
        double[] tk = new double[n];
        boolean[] usable = new boolean[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (!(table.distance(i, 0) > 0)) {
                continue;
            }
            usable[i] = true;
            // prefix sums of log T_j give every k's sum in O(kMax)
            double sumLog = 0;
            for (int j = 1; j <= options.kMax(); j++) {
                double logTj = Math.log(table.distance(i, j - 1));
                if (j >= options.kMin()) {
                    // Σ_{j'<j} log(T_j/T_j') = (j−1)·log T_j − Σ_{j'<j} log T_j'
                    u[j - options.kMin()][i] = ((j - 1) * logTj - sumLog) / (j - 1);
                }
                sumLog += logTj;
            }
            tk[used] = table.distance(i, options.kMax() - 1);
            used++;
        }
        if (used < 3) {
            throw new DataException("MLE: only " + used + " of " + n
                    + " points have a non-zero nearest-neighbour distance; supply more distinct points");
        }
        double[] mean = new double[ks];
        double d = 0;
        for (int q = 0; q < ks; q++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += usable[i] ? u[q][i] : 0;
            }
            mean[q] = s / used;
            if (!(mean[q] > 0)) {
                throw new DataException("MLE: all neighbour distances up to k = " + (q + options.kMin())
                        + " are tied, so they carry no dimension information; add distinct points or raise k");
            }
            d += 1 / mean[q];
        }
        d /= ks;
        double[] influence = new double[n];
        for (int i = 0; i < n; i++) {
            double psi = 0;
            for (int q = 0; q < ks; q++) {
                psi -= (u[q][i] - mean[q]) / (mean[q] * mean[q]);
            }
            influence[i] = usable[i] ? psi / ks : Double.NaN;
        }
        double se = Math.sqrt(NeighbourhoodVariance.ofMean(table, influence, 2 * options.kMax()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kMin", options.kMin());
        params.put("kMax", options.kMax());
        params.put("aggregation", "harmonic");
        return new IdEstimate(IntrinsicDimension.Method.MLE, Estimate.normal(d, se, IntervalMethod.DELTA_METHOD),
                Stats.median(tk, used), params, table.inputRows() - used, used);
    }
}
