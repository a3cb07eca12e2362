package kspec.cli;

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

    /** @return a·n^c */
    double predict(double n) {
        return Math.exp(logPrefactor + exponent * Math.log(n));
    }
}
