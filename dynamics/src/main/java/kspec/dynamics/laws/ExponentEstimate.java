package kspec.dynamics.laws;

import java.util.Objects;

/**
 * A scaling exponent with its 95% interval and how the interval was made.
 *
 * @param value  the exponent
 * @param lo     lower end of the 95% interval
 * @param hi     upper end
 * @param method how the interval was obtained (e.g. "exact (synthetic a, b)")
 */
public record ExponentEstimate(double value, double lo, double hi, String method) {

    public ExponentEstimate {
        Objects.requireNonNull(method, "method");
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] is empty");
        }
    }

    /** @return an exponent known exactly: the interval is the point itself */
    public static ExponentEstimate exact(double value, String method) {
        return new ExponentEstimate(value, value, value, method);
    }

    /** @return {lo, hi} */
    public double[] ci95() {
        return new double[] {lo, hi};
    }
}
