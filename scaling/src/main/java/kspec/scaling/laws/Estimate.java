package kspec.scaling.laws;

import java.util.Arrays;
import kspec.core.stats.Stats;

/**
 * A fitted quantity with its bootstrap standard error and 95% percentile interval (Efron &amp;
 * Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, ch. 6 and 13), or the bare value when
 * no bootstrap was run (then the error and interval are NaN).
 *
 * <p>kspec.scaling.laws' own value type until core's estimate-with-interval type is available;
 * the accessors have the same names.
 *
 * @param value         the point estimate
 * @param standardError the standard deviation of the bootstrap replicates, or NaN
 * @param lo            the 2.5% percentile of the replicates (at most the value), or NaN
 * @param hi            the 97.5% percentile of the replicates (at least the value), or NaN
 */
public record Estimate(double value, double standardError, double lo, double hi) {

    /** @return the value alone, without an interval */
    public static Estimate point(double value) {
        return new Estimate(value, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * @param value      the point estimate
     * @param replicates the bootstrap replicates (≥ 2). Not modified.
     */
    public static Estimate fromReplicates(double value, double[] replicates) {
        if (replicates.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 bootstrap replicates, got " + replicates.length);
        }
        double[] ci = Stats.percentileInterval(replicates, value);
        return new Estimate(value, Stats.sd(replicates), ci[0], ci[1]);
    }

    /** @return whether a bootstrap interval is attached */
    public boolean hasInterval() {
        return !Double.isNaN(lo);
    }

    /** @return {lo, hi} (a new array; NaNs without a bootstrap) */
    public double[] ci95() {
        return new double[] {lo, hi};
    }

    @Override
    public String toString() {
        return hasInterval() ? value + " [" + lo + ", " + hi + "] (se " + standardError + ")" : Double.toString(value);
    }

    /** @return the replicates' values of one quantity, column {@code k} of {@code rows} */
    static double[] column(double[][] rows, int k) {
        return Arrays.stream(rows).mapToDouble(r -> r[k]).toArray();
    }
}
