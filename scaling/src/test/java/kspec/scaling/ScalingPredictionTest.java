package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.IntrinsicDimension;
import org.junit.jupiter.api.Test;

class ScalingPredictionTest {

    /** c/d with se c·se(d)/d² and the interval [c/d_hi, c/d_lo], by hand for d = 8 ± 0.5 in [7, 9]. */
    @Test
    void predictionsFromDPropagateTheInterval() {
        IdEstimate d = new IdEstimate(IntrinsicDimension.Method.TWONN,
                new Estimate(8, 0.5, 7, 9, IntervalMethod.BOOTSTRAP_POINTS), 1.0, Map.of(), 0, 100);
        ScalingPrediction p = ScalingPrediction.from(d);
        Estimate fourOverD = p.fourOverD().exponent();
        assertEquals(0.5, fourOverD.value(), 1e-15);
        assertEquals(4 * 0.5 / 64, fourOverD.standardError(), 1e-15);
        assertEquals(4.0 / 9, fourOverD.lo(), 1e-15);
        assertEquals(4.0 / 7, fourOverD.hi(), 1e-15);
        assertEquals(IntervalMethod.BOOTSTRAP_POINTS, fourOverD.interval());
        assertEquals(1.0 / 8, p.reluNtkAlphaK().exponent().value(), 1e-15);
        assertEquals(3.0 / 8, p.reluNngpAlphaK().exponent().value(), 1e-15);
        assertTrue(p.reluNngpAlphaK().label().contains("NNGP"));
        assertEquals(IntrinsicDimension.Method.TWONN, p.source());
    }

    /** A lower interval end at or below 0 maps to an unbounded upper end of c/d. */
    @Test
    void anIntervalReachingZeroGivesAnUnboundedPrediction() {
        IdEstimate d = new IdEstimate(IntrinsicDimension.Method.MLE,
                new Estimate(0.5, 0.3, -0.1, 1.1, IntervalMethod.DELTA_METHOD), 1.0, Map.of(), 0, 10);
        Estimate fourOverD = ScalingPrediction.from(d).fourOverD().exponent();
        assertEquals(Double.POSITIVE_INFINITY, fourOverD.hi());
        assertEquals(4 / 1.1, fourOverD.lo(), 1e-15);
    }
}
