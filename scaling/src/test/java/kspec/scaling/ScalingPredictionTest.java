package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.manifold.dimension.IdEstimate;
import org.junit.jupiter.api.Test;

class ScalingPredictionTest {

    @Test
    void predictionsFromDPropagateTheInterval() {
        IdEstimate d = new IdEstimate("twonn", 8, 0.5, new double[] {7, 9}, 1.0, java.util.Map.of(), 0, 100);
        ScalingPrediction p = ScalingPrediction.from(d);
        assertEquals(0.5, p.fourOverD().value(), 1e-15);
        assertEquals(4 * 0.5 / 64, p.fourOverD().stderr(), 1e-15);
        assertEquals(4.0 / 9, p.fourOverD().lo(), 1e-15);
        assertEquals(4.0 / 7, p.fourOverD().hi(), 1e-15);
        assertEquals(1.0 / 8, p.reluNtkAlphaK().value(), 1e-15);
        assertEquals(3.0 / 8, p.reluNngpAlphaK().value(), 1e-15);
        assertTrue(p.reluNngpAlphaK().label().contains("NNGP"));
    }
}
