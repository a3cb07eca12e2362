package kspec.core.stats;

import java.util.Arrays;

/** Small statistics shared by the estimators. */
public final class Stats {

    /** Two-sided 95% standard-normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** @return the median of {@code values[0, length)}. Not modified (sorts a copy). */
    public static double median(double[] values, int length) {
        double[] s = Arrays.copyOf(values, length);
        Arrays.sort(s);
        return length % 2 == 1 ? s[length / 2] : 0.5 * (s[length / 2 - 1] + s[length / 2]);
    }

    /** @return the q-quantile (linear interpolation, q in [0,1]) of the <b>sorted</b> array. Not modified. */
    public static double quantileSorted(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** @return the sample standard deviation of the values. Not modified. */
    public static double sd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    /** @return {lo, hi} percentile 95% interval of bootstrap replicates, widened to contain {@code estimate} */
    public static double[] percentileInterval(double[] replicates, double estimate) {
        double[] s = replicates.clone();
        Arrays.sort(s);
        return new double[] {Math.min(estimate, quantileSorted(s, 0.025)), Math.max(estimate, quantileSorted(s, 0.975))};
    }
}
