package kspec.dynamics.laws;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The straight line log y = c + slope·log x fitted by ordinary least squares (Commons Math
 * {@link SimpleRegression}), for reading an exponent off a curve of the theory or the simulator.
 *
 * @param slope         d log y / d log x (negative for a decaying loss)
 * @param standardError its standard error (residual scatter; for smooth theory curves a measure of bend)
 * @param r2            coefficient of determination
 * @param points        points fitted
 */
public record PowerLawSlope(double slope, double standardError, double r2, int points) {

    /**
     * @param x positive abscissae. Not modified.
     * @param y positive values, one per x. Not modified.
     * @throws IllegalArgumentException for fewer than 2 points or non-positive values
     */
    public static PowerLawSlope fit(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a log-log fit needs at least 2 (x, y) pairs of equal count, got "
                    + x.length + " and " + y.length);
        }
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("a log-log fit needs finite positive values; point " + i + " is ("
                        + x[i] + ", " + y[i] + ")");
            }
            regression.addData(Math.log(x[i]), Math.log(y[i]));
        }
        double se = x.length > 2 ? regression.getSlopeStdErr() : Double.NaN;
        return new PowerLawSlope(regression.getSlope(), se, regression.getRSquare(), x.length);
    }

    /** @return −slope, the decay exponent of y ∼ x<sup>−exponent</sup> */
    public double exponent() {
        return -slope;
    }
}
