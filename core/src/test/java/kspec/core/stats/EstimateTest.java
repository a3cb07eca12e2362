package kspec.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The estimate type's interval arithmetic and contract. The normal quantile is Python's
 * {@code statistics.NormalDist().inv_cdf(0.975)} = 1.9599639845400536 (one ulp from the constant).
 */
class EstimateTest {

    @Test
    void normalIntervalIsValuePlusMinusTheNormalQuantileTimesTheStandardError() {
        Estimate e = Estimate.normal(0.5, 0.1, IntervalMethod.WALD);
        assertEquals(0.5 - 0.19599639845400536, e.lo(), 1e-15);
        assertEquals(0.5 + 0.19599639845400536, e.hi(), 1e-15);
        assertEquals(0.19599639845400536, e.halfWidth(), 1e-15);
        assertEquals(IntervalMethod.WALD, e.interval());
        assertArrayEquals(new double[] {e.lo(), e.hi()}, e.ci95());
        assertTrue(e.covers(0.31) && !e.covers(0.30));
    }

    @Test
    void exactValueHasAZeroWidthInterval() {
        Estimate e = Estimate.exact(0.92);
        assertEquals(0.0, e.standardError());
        assertEquals(0.0, e.halfWidth());
        assertEquals(IntervalMethod.NONE, e.interval());
    }

    /** Agreement is overlap of the intervals, touching ends included. */
    @Test
    void overlapOfIntervals() {
        Estimate a = interval(0.4, 0.6);
        assertTrue(a.overlaps(interval(0.6, 0.9)));
        assertTrue(interval(0.0, 0.41).overlaps(a));
        assertFalse(a.overlaps(interval(0.61, 0.9)));
        assertFalse(interval(0.1, 0.39).overlaps(a));
    }

    private static Estimate interval(double lo, double hi) {
        return new Estimate(0.5 * (lo + hi), (hi - lo) / 3.92, lo, hi, IntervalMethod.T_REGRESSION);
    }

    /** A percentile interval need not contain the value, and a mapped one may be unbounded. */
    @Test
    void asymmetricAndUnboundedIntervalsAreValid() {
        assertFalse(new Estimate(0.35, 0.01, 0.30, 0.33, IntervalMethod.BOOTSTRAP_POINTS).covers(0.35));
        assertTrue(new Estimate(0.5, 0.1, 0.4, Double.POSITIVE_INFINITY, IntervalMethod.DELTA_METHOD).covers(1e300));
    }

    @Test
    void invalidEstimatesNameTheProblem() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Estimate(Double.NaN, 0.1, 0, 1, IntervalMethod.WALD));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException se = assertThrows(IllegalArgumentException.class,
                () -> new Estimate(0.5, -0.1, 0, 1, IntervalMethod.WALD));
        assertTrue(se.getMessage().contains("standard error"), se.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new Estimate(0.5, 0.1, 1, 0, IntervalMethod.WALD));
        assertTrue(order.getMessage().contains("lo ≤ hi"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(0.5, 0.1, new double[] {0.4}, IntervalMethod.WALD));
    }
}
