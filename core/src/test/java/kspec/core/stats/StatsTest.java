package kspec.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The shared quantile and standard deviation against numpy 2.4 on x = [1, 2, 4, 8]:
 * {@code np.quantile(x, 0.3)} = 1.9, {@code np.quantile(x, 0.975)} = 7.7 (linear interpolation, numpy's
 * default) and {@code np.std(x, ddof=1)} = 3.095695936834452.
 */
class StatsTest {

    private static final double[] X = {1, 2, 4, 8};

    @Test
    void quantileInterpolatesLinearlyAsNumpyDoes() {
        assertEquals(1.9, Stats.quantileSorted(X, 0.3), 1e-15);
        assertEquals(7.7, Stats.quantileSorted(X, 0.975), 1e-14);
        assertEquals(1.0, Stats.quantileSorted(X, 0.0), 0.0);
        assertEquals(8.0, Stats.quantileSorted(X, 1.0), 0.0);
    }

    @Test
    void sampleStandardDeviationUsesNMinusOne() {
        assertEquals(3.095695936834452, Stats.sd(X), 1e-15);
    }

    @Test
    void percentileIntervalIsWidenedToContainTheEstimate() {
        // quantiles 0.025 and 0.975 of {1, 2, 4, 8}: 1.075 and 7.7 (numpy, as above)
        assertArrayEquals(new double[] {1.075, 7.7}, Stats.percentileInterval(new double[] {8, 1, 4, 2}, 3.0), 1e-14);
        assertArrayEquals(new double[] {1.075, 9.0}, Stats.percentileInterval(X, 9.0), 1e-14);
    }
}
