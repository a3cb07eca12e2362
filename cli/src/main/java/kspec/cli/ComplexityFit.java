package kspec.cli;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An empirical complexity law y = a·n^c fitted by least squares of log y on log n — how a stage's
 * time or memory grows with the problem size — and its extrapolation to a larger n.
 *
 * @param exponent c
 * @param logPrefactor ln a
 * @param r2       coefficient of determination in log–log
 */
record ComplexityFit(double exponent, double logPrefactor, double r2) {

    /**
     * @param sizes  problem sizes n (at least 2, positive)
     * @param values measurements y &gt; 0, one per size
     */
    static ComplexityFit of(int[] sizes, double[] values) {
        if (sizes.length != values.length || sizes.length < 2) {
            throw new IllegalArgumentException("a complexity fit needs at least 2 sizes with one measurement each");
        }
        SimpleRegression ols = new SimpleRegression(true);
        for (int i = 0; i < sizes.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException("measurement " + values[i] + " at n = " + sizes[i] + " is not positive");
            }
            ols.addData(Math.log(sizes[i]), Math.log(values[i]));
        }
        return new ComplexityFit(ols.getSlope(), ols.getIntercept(), sizes.length > 2 ? ols.getRSquare() : Double.NaN);
    }

    /**
     * The fit over the larger half of the sizes (at least two): what an extrapolation needs is the
     * asymptotic growth, and fixed costs (thread start-up, the JVM's own heap) flatten the log–log
     * slope at small n — t = 0.05 + 10⁻⁷n² has slope 1.81 over n = 1000…8000 but 1.97 over 4000…8000.
     *
     * @param sizes  problem sizes, ascending (at least 2). Not modified.
     * @param values measurements &gt; 0, one per size. Not modified.
     */
    static ComplexityFit ofLargest(int[] sizes, double[] values) {
        if (sizes.length != values.length) {
            throw new IllegalArgumentException("one measurement per size needed, got " + values.length + " for " + sizes.length);
        }
        int from = firstFitted(sizes.length);
        return of(Arrays.copyOfRange(sizes, from, sizes.length), Arrays.copyOfRange(values, from, values.length));
    }

    /** @return the index of the smallest size {@link #ofLargest} fits, for {@code count} sizes */
    static int firstFitted(int count) {
        return Math.max(0, Math.min(count - 2, count / 2));
    }

    /** @return a·n^c */
    double predict(double n) {
        return Math.exp(logPrefactor + exponent * Math.log(n));
    }
}
