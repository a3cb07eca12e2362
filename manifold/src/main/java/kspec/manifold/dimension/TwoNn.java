package kspec.manifold.dimension;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kspec.data.DataException;
import kspec.manifold.knn.NeighborTable;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * The TwoNN intrinsic-dimension estimator of Facco, d'Errico, Rodriguez and Laio (2017), Sci. Rep.
 * 7:12140 (arXiv 1803.06992).
 *
 * <p>With T₁, T₂ the distances to the first and second neighbour, the ratio
 * \(\mu_i = T_2(x_i)/T_1(x_i)\) of a locally uniform d-dimensional sample is Pareto:
 * \(F(\mu) = 1 - \mu^{-d}\), μ ≥ 1. Points with T₁ = 0 (repeats) or T₁ = T₂ (ties) are dropped, as
 * in the authors' group code (ansuini/IntrinsicDimDeep).
 * <ul>
 * <li>{@link Fit#LINEAR} (the paper's estimator): sort μ, set \(F_{emp}(\mu_{(i)}) = i/N\), discard the
 * largest fraction (default 0.1) and regress \(-\log(1 - F_{emp})\) on \(\log\mu\) <b>through the
 * origin</b>; the slope is d. Error bars: nonparametric bootstrap over points (percentile interval).</li>
 * <li>{@link Fit#MAXIMUM_LIKELIHOOD}: \(\hat d = (N - 1)/\sum_i \log\mu_i\), unbiased when the μ are
 * independent. Since \(d\sum\log\mu_i \sim \mathrm{Gamma}(N, 1)\) the interval is exact:
 * \([g_{0.025}, g_{0.975}]/\sum\log\mu_i\), and \(\mathrm{se} = \hat d/\sqrt{N - 2}\).</li>
 * </ul>
 * Both assume independent μ, but neighbouring points share neighbours (mutual nearest neighbours
 * share T₁), so both intervals are widened about d̂ by the design effect
 * \(f = \sqrt{\widehat{\mathrm{Var}}_{HAC}(\overline{\log\mu}) / \widehat{\mathrm{Var}}_{iid}(\overline{\log\mu})}\)
 * of {@link NeighbourhoodVariance} (reported as {@code designEffect}; about 1.2–1.4 on flat tori).
 * The finite-sample bias at d ≳ 6 (docs/intrinsic-dimension.md §4) is not in the intervals at all.
 */
public final class TwoNn {

    /** How d is read off the ratios. */
    public enum Fit {
        /** Least-squares line through the origin on the empirical CDF (Facco et al. 2017). */
        LINEAR,
        /** Pareto maximum likelihood, (N − 1)/Σ log μ. */
        MAXIMUM_LIKELIHOOD
    }

    /**
     * @param fit             LINEAR (default) or MAXIMUM_LIKELIHOOD
     * @param discardFraction fraction of the largest ratios left out of the LINEAR fit, in [0, 1), default 0.1
     * @param bootstrap       bootstrap replicates for the LINEAR fit's error bars, ≥ 20, default 200
     * @param seed            bootstrap seed
     */
    public record Options(Fit fit, double discardFraction, int bootstrap, long seed) {
        public Options {
            if (fit == null) {
                throw new IllegalArgumentException("fit must not be null");
            }
            if (!(discardFraction >= 0 && discardFraction < 1)) {
                throw new IllegalArgumentException("discardFraction must be in [0, 1), got " + discardFraction);
            }
            if (bootstrap < 20) {
                throw new IllegalArgumentException("bootstrap needs >= 20 replicates, got " + bootstrap);
            }
        }

        /** @return LINEAR fit, discard 0.1, 200 bootstrap replicates, seed 0 */
        public static Options defaults() {
            return new Options(Fit.LINEAR, 0.1, 200, 0L);
        }

        /** @return these options with another fit */
        public Options withFit(Fit other) {
            return new Options(other, discardFraction, bootstrap, seed);
        }
    }

    private TwoNn() {
    }

    /** {@link #estimate(NeighborTable, Options)} with {@link Options#defaults()}. */
    public static IdEstimate estimate(NeighborTable table) {
        return estimate(table, Options.defaults());
    }

    /**
     * @param table   neighbour table with k ≥ 2
     * @param options fit, discard fraction, bootstrap
     * @return the TwoNN estimate; scale = median T₂ of the points used
     * @throws DataException when fewer than 3 points have a usable ratio
     */
    public static IdEstimate estimate(NeighborTable table, Options options) {
        if (table.k() < 2) {
            throw new IllegalArgumentException("TwoNN needs the 2 nearest neighbours; the table has k = " + table.k());
        }
        int n = table.n();
        double[] perRow = new double[n];
        double[] logMu = new double[n];
        double[] t2 = new double[n];
        int used = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r1 = table.distance(i, 0);
            double r2 = table.distance(i, 1);
            perRow[i] = Double.NaN;
            if (r1 > 0 && r2 > r1) {
                perRow[i] = Math.log(r2 / r1);
                logMu[used] = perRow[i];
                sum += perRow[i];
                t2[used] = r2;
                used++;
            }
        }
        if (used < 3) {
            throw new DataException("TwoNN: only " + used + " of " + n
                    + " points have distinct first and second neighbour distances; supply more distinct points");
        }
        logMu = Arrays.copyOf(logMu, used);
        // design effect of the correlation between neighbouring points, from the ML form's sufficient statistic
        double iidVariance = Stats.sd(logMu) * Stats.sd(logMu) / used;
        double designEffect = Math.sqrt(NeighbourhoodVariance.ofMean(table, perRow, 2) / iidVariance);
        int dropped = table.inputRows() - used;
        double scale = Stats.median(t2, used);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fit", options.fit() == Fit.LINEAR ? "linear" : "ml");
        params.put("designEffect", designEffect);
        if (options.fit() == Fit.MAXIMUM_LIKELIHOOD) {
            double d = (used - 1) / sum;
            GammaDistribution g = new GammaDistribution(null, used, 1.0);
            double[] ci = widen(d, new double[] {g.inverseCumulativeProbability(0.025) / sum,
                g.inverseCumulativeProbability(0.975) / sum}, designEffect);
            return new IdEstimate(IntrinsicDimension.Method.TWONN, Estimate.of(d,
                    designEffect * d / Math.sqrt(Math.max(1, used - 2)), ci, IntervalMethod.EXACT), scale, params,
                    dropped, used);
        }
        params.put("discardFraction", options.discardFraction());
        params.put("bootstrap", options.bootstrap());
        params.put("seed", options.seed());
        double[] sorted = logMu.clone();
        Arrays.sort(sorted);
        double d = linearFit(sorted, options.discardFraction());
        SplittableRandom master = new SplittableRandom(options.seed());
        long[] seeds = new long[options.bootstrap()];
        for (int b = 0; b < seeds.length; b++) {
            seeds[b] = master.nextLong();
        }
        double[] finalLogMu = logMu;
        double[] replicates = IntStream.range(0, seeds.length).parallel().mapToDouble(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            double[] resampled = new double[finalLogMu.length];
            for (int i = 0; i < resampled.length; i++) {
                resampled[i] = finalLogMu[r.nextInt(finalLogMu.length)];
            }
            Arrays.sort(resampled);
            return linearFit(resampled, options.discardFraction());
        }).toArray();
        return new IdEstimate(IntrinsicDimension.Method.TWONN, Estimate.of(d, designEffect * Stats.sd(replicates),
                widen(d, Stats.percentileInterval(replicates, d), designEffect), IntervalMethod.BOOTSTRAP_POINTS), scale,
                params, dropped, used);
    }

    /** @return {d − f·(d − lo), d + f·(hi − d)} */
    private static double[] widen(double d, double[] ci, double f) {
        return new double[] {d - f * (d - ci[0]), d + f * (ci[1] - d)};
    }

    /**
     * Slope through the origin of y_i = −log(1 − i/N) against x_i = log μ_(i), i = 1..⌊N(1 − discard)⌋.
     *
     * @param sortedLogMu ascending log-ratios. Not modified.
     */
    static double linearFit(double[] sortedLogMu, double discardFraction) {
        int total = sortedLogMu.length;
        int kept = Math.min(total - 1, Math.max(2, (int) Math.floor(total * (1 - discardFraction))));
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < kept; i++) {
            double x = sortedLogMu[i];
            double y = -Math.log1p(-(i + 1.0) / total);
            sxy += x * y;
            sxx += x * x;
        }
        return sxy / sxx;
    }
}
