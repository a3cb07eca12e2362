package kspec.core.stats;

/**
 * A value with its uncertainty: the standard error, a 95% confidence interval [lo, hi], and how
 * that interval was made. Every estimator in kspec returns one inside its own result, which adds
 * where the value was measured (a fit window, a length scale, the estimator's parameters).
 *
 * <p>The standard error and the interval come from the same {@link IntervalMethod}. The interval
 * need not be symmetric about the value (percentile bootstraps), need not contain it (the percentile
 * interval of a biased statistic) and may be unbounded (c/d for an interval of d reaching 0).
 *
 * @param value         the estimate, not NaN
 * @param standardError its standard error, ≥ 0
 * @param lo            lower end of the 95% interval
 * @param hi            upper end of the 95% interval, ≥ lo
 * @param interval      how the interval and the standard error were made
 */
public record Estimate(double value, double standardError, double lo, double hi, IntervalMethod interval) {

    /** Validates. */
    public Estimate {
        if (interval == null) {
            throw new IllegalArgumentException("the interval method must not be null");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("the estimate is NaN (" + interval.key() + " interval)");
        }
        if (!(standardError >= 0)) {
            throw new IllegalArgumentException("standard error must be ≥ 0, got " + standardError + " for the estimate "
                    + value);
        }
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("95% interval [" + lo + ", " + hi + "] of the estimate " + value
                    + " needs lo ≤ hi");
        }
    }

    /**
     * The normal-theory interval value ± z<sub>0.975</sub>·SE, z<sub>0.975</sub> = {@value Stats#Z95}.
     *
     * @param interval {@link IntervalMethod#WALD} or {@link IntervalMethod#DELTA_METHOD}: where SE came from
     */
    public static Estimate normal(double value, double standardError, IntervalMethod interval) {
        double half = Stats.Z95 * standardError;
        return new Estimate(value, standardError, value - half, value + half, interval);
    }

    /**
     * An estimate with the interval given as an array.
     *
     * @param ci95 {lo, hi}. Not modified.
     */
    public static Estimate of(double value, double standardError, double[] ci95, IntervalMethod interval) {
        if (ci95 == null || ci95.length != 2) {
            throw new IllegalArgumentException("ci95 must be {lo, hi}");
        }
        return new Estimate(value, standardError, ci95[0], ci95[1], interval);
    }

    /** @return a computed value without sampling error ({@link IntervalMethod#NONE}, interval [value, value]) */
    public static Estimate exact(double value) {
        return new Estimate(value, 0.0, value, value, IntervalMethod.NONE);
    }

    /** @return the interval {lo, hi} (a new array) */
    public double[] ci95() {
        return new double[] {lo, hi};
    }

    /** @return (hi − lo)/2 */
    public double halfWidth() {
        return 0.5 * (hi - lo);
    }

    /** @return whether lo ≤ x ≤ hi */
    public boolean covers(double x) {
        return lo <= x && x <= hi;
    }

    /**
     * Whether the two 95% intervals overlap (lo<sub>a</sub> ≤ hi<sub>b</sub> and lo<sub>b</sub> ≤
     * hi<sub>a</sub>). A lenient agreement test: for independent estimates with equal errors it
     * tolerates |a − b| up to h<sub>a</sub> + h<sub>b</sub>, about a 99.4% test, so a disagreement is a
     * strong signal.
     */
    public boolean overlaps(Estimate other) {
        return lo <= other.hi && other.lo <= hi;
    }
}
