package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.Estimate;
import kspec.core.stats.Resampling;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The shared frame of Approaches 1 and 2: an estimator maps a multiset of runs to points
 * (C, N<sub>opt</sub>); a least-squares line of log N<sub>opt</sub> on log C gives a and the allocation at the
 * budget; a bootstrap over runs (seeded, the estimator rerun on each resample) gives the intervals.
 */
abstract class AllocationEstimator {

    /** Points (C, N_opt), or {@code null} with a reason in {@code why} when the runs do not give two. */
    record Points(double[] compute, double[] optimalParams, List<String> notes) {
    }

    /**
     * @param rows the runs to use (indices into the table, repeats allowed). Not modified.
     * @return the points, or {@code null} if fewer than two distinct compute values came out
     */
    abstract Points points(int[] rows);

    /** @return the approach number, 1 or 2 */
    abstract int approach();

    /** @return a one-line statement of what the runs lack, for the exception when the full table gives no line */
    abstract String requirement();

    /**
     * @throws kspec.data.DataException (via {@link #requirement()}) if the runs give no line
     */
    final AllocationFit fit(int runs, double budget, int bootstrap, long seed, ProgressListener progress) {
        Points all = points(IntStream.range(0, runs).toArray());
        if (all == null) {
            throw new kspec.data.DataException(requirement());
        }
        double[] line = line(all);
        List<double[]> reps = new ArrayList<>();
        int failed = 0;
        if (bootstrap > 0) {
            progress.start("bootstrap: " + bootstrap + " resamples of Approach " + approach(), bootstrap);
            try {
                for (int r = 0; r < bootstrap; r++) {
                    Points p = points(Resampling.bootstrapRows(runs, seed, r));
                    if (p == null) {
                        failed++;
                    } else {
                        reps.add(allocation(line(p), budget));
                    }
                    progress.advance(r + 1);
                }
            } finally {
                progress.finish();
            }
        }
        double[] point = allocation(line, budget);
        double[][] replicates = reps.toArray(new double[0][]);
        Estimate[] e = new Estimate[point.length];
        for (int k = 0; k < point.length; k++) {
            e[k] = Replicates.estimate(point[k], replicates, k);
        }
        return new AllocationFit(approach(), e[0], e[1], e[2], e[3], e[4], budget, all.compute(), all.optimalParams(),
                all.notes(), reps.size(), failed);
    }

    /** @return {slope a, intercept} of log N_opt = intercept + a log C */
    private static double[] line(Points p) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < p.compute().length; i++) {
            regression.addData(Math.log(p.compute()[i]), Math.log(p.optimalParams()[i]));
        }
        return new double[] {regression.getSlope(), regression.getIntercept()};
    }

    /** @return {a, b, N_opt, D_opt, D_opt/N_opt} at the budget, with D_opt = C/(6 N_opt) */
    private static double[] allocation(double[] line, double budget) {
        double n = Math.exp(line[1] + line[0] * Math.log(budget));
        double d = budget / (6 * n);
        return new double[] {line[0], 1 - line[0], n, d, d / n};
    }

    /**
     * Groups sorted values into clusters: a value joins the current cluster while it is within
     * {@code relative} of the cluster's smallest value.
     *
     * @param values the values (e.g. FLOPs or model sizes) of every run. Not modified.
     * @return the cluster index of each run, clusters numbered in increasing value
     */
    static int[] clusters(double[] values, double relative) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> values[i]));
        int[] cluster = new int[values.length];
        int current = -1;
        double start = Double.NaN;
        for (int i : order) {
            if (current < 0 || values[i] > start * (1 + relative)) {
                current++;
                start = values[i];
            }
            cluster[i] = current;
        }
        return cluster;
    }
}
