package kspec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The derivations are a compatibility contract: they must give the seeds that the duality run,
 * the learning-curve measurements and the command line derived at their own call sites before the
 * streams were named (commit 9138fef: {@code seed ^ 0x5DEECE66DL} for the test split, {@code seed + 7}
 * for the teacher, {@code seed + s} for ordering s, {@code seed + 1000 + s} and {@code seed + 2000 + s}
 * for the width and grid feature draws, {@code seed + 1} for a second data set).
 */
class SeedStreamTest {

    @Test
    void streamsReproduceTheSeedsTheCallSitesUsed() {
        long run = 42;
        assertEquals(42, SeedStream.DATA.seed(run));
        assertEquals(43, SeedStream.SECOND_SAMPLE.seed(run));
        assertEquals(42 ^ 0x5DEECE66DL, SeedStream.TEST_SPLIT.seed(run));
        assertEquals(49, SeedStream.TARGETS.seed(run));
        assertEquals(42 + 3, SeedStream.replicate(SeedStream.POOL_ORDERINGS.seed(run), 3));
        assertEquals(42 + 1000 + 4, SeedStream.replicate(SeedStream.WIDTH_FEATURES.seed(run), 4));
        assertEquals(42 + 2000, SeedStream.replicate(SeedStream.GRID_FEATURES.seed(run), 0));
        assertEquals(42, SeedStream.BOOTSTRAP.seed(run));
    }

    @Test
    void negativeSeedsWrapAsTheyDidAndReplicatesMustBeNonNegative() {
        assertEquals(Long.MIN_VALUE, SeedStream.WIDTH_FEATURES.seed(Long.MAX_VALUE - 999));
        assertEquals(-1 ^ 0x5DEECE66DL, SeedStream.TEST_SPLIT.seed(-1));
        assertThrows(IllegalArgumentException.class, () -> SeedStream.replicate(0, -1));
    }
}
