package kspec.scaling.laws;

import java.util.Arrays;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;

/**
 * Turns bootstrap replicates over runs into {@link Estimate}s: the standard error is the replicates'
 * standard deviation and the 95% interval their 2.5–97.5% percentiles (Efron &amp; Tibshirani 1993,
 * <i>An Introduction to the Bootstrap</i>, ch. 6 and 13), {@link IntervalMethod#BOOTSTRAP_POINTS} with
 * the runs as the points. Without replicates (no bootstrap asked) the value stands alone,
 * {@link Estimate#exact}, and reports show no interval.
 */
final class Replicates {

    private Replicates() {
    }

    /**
     * @param value      the point estimate
     * @param replicates one row of quantities per replicate. Not modified.
     * @param k          which quantity
     */
    static Estimate estimate(double value, double[][] replicates, int k) {
        if (replicates.length < 2) {
            return Estimate.exact(value);
        }
        double[] column = Arrays.stream(replicates).mapToDouble(r -> r[k]).toArray();
        return Estimate.of(value, Stats.sd(column), Stats.percentileInterval(column, value), IntervalMethod.BOOTSTRAP_POINTS);
    }
}
