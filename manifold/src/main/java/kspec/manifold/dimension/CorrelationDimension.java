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
import kspec.manifold.knn.DuplicateRows;
import kspec.manifold.knn.PairwiseDistances;
import org.ejml.data.DMatrixRMaj;

/**
 * The correlation dimension of Grassberger &amp; Procaccia (1983), Phys. Rev. Lett. 50:346.
 *
 * <p>On m points (a seeded random subsample of at most {@code maxPoints}) the correlation sum is
 * \( C(r) = \frac{2}{m(m-1)}\#\{i &lt; j : \lVert x_i - x_j\rVert &lt; r\} \propto r^{d} \) for small r;
 * d is the least-squares slope of log C against log r over {@code radii} log-spaced radii between
 * the {@code pairQuantileLow} and {@code pairQuantileHigh} quantiles of the pair distances. Exactly
 * repeated rows are dropped (one copy kept) before subsampling and counted as dropped, so no pair
 * sits at distance 0 and the quantiles describe distinct points.
 *
 * <p>Error bars: bootstrap over points with multinomial weights w (the replicate's correlation sum
 * is \(\sum_{i&lt;j} w_i w_j 1[d_{ij} &lt; r] / \sum_{i&lt;j} w_i w_j\) at the same radii), percentile
 * interval. Known bias: with m points the usable radii stay large, so at d ≳ 5 the estimate is
 * low; it is a cross-check, not the headline estimator.
 */
public final class CorrelationDimension {

    private static final int BLOCK = 512;

    /**
     * @param maxPoints        subsample size cap, in [50, 10000] (default 3000)
     * @param pairQuantileLow  pair-distance quantile of the smallest radius (default 1e-3)
     * @param pairQuantileHigh pair-distance quantile of the largest radius (default 0.05)
     * @param radii            number of log-spaced radii, ≥ 3 (default 12)
     * @param bootstrap        bootstrap replicates, ≥ 20 (default 100)
     * @param seed             subsample and bootstrap seed
     */
    public record Options(int maxPoints, double pairQuantileLow, double pairQuantileHigh, int radii, int bootstrap,
                          long seed) {
        public Options {
            if (maxPoints < 50 || maxPoints > 10_000) {
                throw new IllegalArgumentException("maxPoints must be in [50, 10000] (all pairs are held in memory), got "
                        + maxPoints);
            }
            if (!(pairQuantileLow > 0 && pairQuantileLow < pairQuantileHigh && pairQuantileHigh < 1)) {
                throw new IllegalArgumentException("need 0 < pairQuantileLow < pairQuantileHigh < 1, got "
                        + pairQuantileLow + ", " + pairQuantileHigh);
            }
            if (radii < 3 || bootstrap < 20) {
                throw new IllegalArgumentException("need radii >= 3 and bootstrap >= 20, got " + radii + ", " + bootstrap);
            }
        }

        /** @return 3000 points, quantiles 1e-3..0.05, 12 radii, 100 replicates, seed 0 */
        public static Options defaults() {
            return new Options(3000, 1e-3, 0.05, 12, 100, 0L);
        }
    }

    private CorrelationDimension() {
    }

    /** {@link #estimate(DMatrixRMaj, Options)} with {@link Options#defaults()}. */
    public static IdEstimate estimate(DMatrixRMaj points) {
        return estimate(points, Options.defaults());
    }

    /**
     * @param points  n × dim, finite. Not modified.
     * @param options subsample, radius range, bootstrap
     * @return the correlation-dimension estimate; scale = geometric mean of the smallest and largest radius
     */
    public static IdEstimate estimate(DMatrixRMaj points, Options options) {
        int n = points.numRows;
        for (int e = 0; e < points.data.length && e < n * points.numCols; e++) {
            if (!Double.isFinite(points.data[e])) {
                throw new DataException("row " + e / points.numCols + ", column " + e % points.numCols + " is "
                        + points.data[e] + "; drop or impute rows with non-finite values");
            }
        }
        DMatrixRMaj distinct = distinctRows(points);
        int m = Math.min(distinct.numRows, options.maxPoints());
        if (m < 10) {
            throw new DataException("the correlation dimension needs at least 10 distinct points, got " + distinct.numRows
                    + " (of " + n + " rows); supply more distinct points");
        }
        DMatrixRMaj x = subsample(distinct, m, new SplittableRandom(options.seed()));
        double[] norms = PairwiseDistances.squaredNorms(x);
        long pairCount = (long) m * (m - 1) / 2;
        double[] d2 = new double[(int) pairCount];
        DMatrixRMaj tile = new DMatrixRMaj(1, 1);
        int p = 0;
        for (int i0 = 0; i0 < m; i0 += BLOCK) {
            int i1 = Math.min(m, i0 + BLOCK);
            DMatrixRMaj a = PairwiseDistances.rows(x, i0, i1);
            PairwiseDistances.squared(a, Arrays.copyOfRange(norms, i0, i1), x, norms, tile);
            for (int i = i0; i < i1; i++) {
                System.arraycopy(tile.data, (i - i0) * m + i + 1, d2, p, m - i - 1);
                p += m - i - 1;
            }
        }
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        double rHigh2 = Stats.quantileSorted(sorted, options.pairQuantileHigh());
        // pairs below the largest radius, with directly recomputed distances (no GEMM cancellation)
        int close = 0;
        for (double v : d2) {
            if (v <= rHigh2 * (1 + 1e-9)) {
                close++;
            }
        }
        int[] pi = new int[close];
        int[] pj = new int[close];
        double[] pd = new double[close];
        int c = 0;
        p = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++, p++) {
                if (d2[p] <= rHigh2 * (1 + 1e-9)) {
                    pi[c] = i;
                    pj[c] = j;
                    pd[c] = PairwiseDistances.distance(x, i, j);
                    c++;
                }
            }
        }
        double rLow = Math.sqrt(Math.max(Stats.quantileSorted(sorted, options.pairQuantileLow()), 0));
        double rHigh = Math.sqrt(rHigh2);
        if (!(rLow > 0) || !(rHigh > rLow)) {
            throw new DataException("correlation dimension: the pair-distance quantiles " + options.pairQuantileLow()
                    + " and " + options.pairQuantileHigh() + " give radii " + rLow + " and " + rHigh
                    + "; too many repeated points — drop duplicates or raise the quantiles");
        }
        Integer[] order = new Integer[close];
        for (int q = 0; q < close; q++) {
            order[q] = q;
        }
        Arrays.sort(order, (u, v) -> Double.compare(pd[u], pd[v]));
        double[] logR = new double[options.radii()];
        double[] radius = new double[options.radii()];
        for (int t = 0; t < radius.length; t++) {
            logR[t] = Math.log(rLow) + (Math.log(rHigh) - Math.log(rLow)) * t / (radius.length - 1);
            radius[t] = Math.exp(logR[t]);
        }
        double[] ones = new double[m];
        Arrays.fill(ones, 1);
        double d = slope(logR, radius, order, pi, pj, pd, ones);
        SplittableRandom master = new SplittableRandom(options.seed() + 1);
        long[] seeds = new long[options.bootstrap()];
        for (int b = 0; b < seeds.length; b++) {
            seeds[b] = master.nextLong();
        }
        double[] replicates = IntStream.range(0, seeds.length).parallel().mapToDouble(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            double[] w = new double[m];
            for (int q = 0; q < m; q++) {
                w[r.nextInt(m)] += 1;
            }
            return slope(logR, radius, order, pi, pj, pd, w);
        }).toArray();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("subsample", m);
        params.put("rMin", rLow);
        params.put("rMax", rHigh);
        params.put("radii", options.radii());
        params.put("bootstrap", options.bootstrap());
        params.put("seed", options.seed());
        params.put("duplicateRows", n - distinct.numRows);
        return new IdEstimate(IntrinsicDimension.Method.CORRINT, Estimate.of(d, Stats.sd(replicates),
                Stats.percentileInterval(replicates, d), IntervalMethod.BOOTSTRAP_POINTS), Math.sqrt(rLow * rHigh), params,
                n - m, m);
    }

    /** Slope of log C_w(r) on log r for point weights w (all ones: the plain correlation sum). */
    private static double slope(double[] logR, double[] radius, Integer[] order, int[] pi, int[] pj, double[] pd,
                                double[] w) {
        double total = 0;
        double sumSq = 0;
        for (double v : w) {
            total += v;
            sumSq += v * v;
        }
        double allPairs = (total * total - sumSq) / 2;
        double[] logC = new double[radius.length];
        double cumulative = 0;
        int q = 0;
        for (int t = 0; t < radius.length; t++) {
            while (q < order.length && pd[order[q]] < radius[t]) {
                int e = order[q];
                if (pd[e] > 0) {
                    cumulative += w[pi[e]] * w[pj[e]];
                }
                q++;
            }
            logC[t] = Math.log(Math.max(cumulative, 0.5) / allPairs);
        }
        double mx = 0;
        double my = 0;
        for (int t = 0; t < logR.length; t++) {
            mx += logR[t];
            my += logC[t];
        }
        mx /= logR.length;
        my /= logR.length;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < logR.length; t++) {
            sxy += (logR[t] - mx) * (logC[t] - my);
            sxx += (logR[t] - mx) * (logR[t] - mx);
        }
        return sxy / sxx;
    }

    /** @return the first copy of every row, in row order: repeated rows would put pairs at distance 0 */
    private static DMatrixRMaj distinctRows(DMatrixRMaj points) {
        int[] first = DuplicateRows.firstCopies(points);
        int[] keep = IntStream.range(0, first.length).filter(i -> first[i] == i).toArray();
        if (keep.length == first.length) {
            return points;
        }
        int dim = points.numCols;
        DMatrixRMaj out = new DMatrixRMaj(keep.length, dim);
        for (int r = 0; r < keep.length; r++) {
            System.arraycopy(points.data, keep[r] * dim, out.data, r * dim, dim);
        }
        return out;
    }

    private static DMatrixRMaj subsample(DMatrixRMaj points, int m, SplittableRandom random) {
        int n = points.numRows;
        if (m == n) {
            return points;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < m; i++) { // partial Fisher–Yates
            int j = i + random.nextInt(n - i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int dim = points.numCols;
        DMatrixRMaj out = new DMatrixRMaj(m, dim);
        for (int i = 0; i < m; i++) {
            System.arraycopy(points.data, perm[i] * dim, out.data, i * dim, dim);
        }
        return out;
    }
}
