package kspec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link DatasetSummary} against hand-computed values and planted duplicates. */
class DatasetSummaryTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void handComputedFixture() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1, 2},      // r0
            {-3, 4},     // r1
            {1, 2},      // r2 repeats r0
            {0.0, -0.0}, // r3
            {-0.0, 0.0}, // r4 repeats r3 (signed zeros are equal)
            {NAN, 1},    // r5
            {NAN, 1},    // r6 repeats r5 (NaNs are equal)
            {INF, 5},    // r7
            {-3, 4},     // r8 repeats r1
            {1, 2},      // r9 repeats r0 again
        });
        Dataset data = Dataset.of("fixture", x, Provenance.of("fixture.npy", "npy", "<f8"))
                .withLabels(new int[] {0, 1, 0, 2, 2, 1, 1, 0, 1, 0});
        DatasetSummary s = DatasetSummary.of(data);
        assertEquals(10, s.n());
        assertEquals(2, s.dim());
        assertEquals("<f8", s.dtype());
        assertEquals(-3.0, s.min());
        assertEquals(5.0, s.max());
        assertEquals(3, s.nonFinite());
        assertEquals(5, s.duplicates());
        // finite rows r0, r1, r2, r3, r4, r8, r9: norms √5, 5, √5, 0, 0, 5, √5
        assertEquals((3 * Math.sqrt(5) + 10) / 7, s.meanNorm(), 1e-15);
        assertEquals(new TreeMap<>(Map.of(0, 4, 1, 4, 2, 2)), s.labelCounts());
    }

    @Test
    void allNonFiniteGivesNaNStatisticsAndNoLabelsGivesEmptyCounts() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{NAN, INF}, {-INF, NAN}});
        DatasetSummary s = DatasetSummary.of(Dataset.of("bad", x, Provenance.of("bad", "csv", "float64")));
        assertTrue(Double.isNaN(s.min()) && Double.isNaN(s.max()) && Double.isNaN(s.meanNorm()));
        assertEquals(4, s.nonFinite());
        assertEquals(0, s.duplicates());
        assertTrue(s.labelCounts().isEmpty());
    }

    /** 3000 distinct random rows, then 40 copies of distinct earlier rows and 10 rows differing only in the last entry. */
    @Test
    void plantedDuplicatesAreCountedExactly() {
        int distinct = 3000;
        int copies = 40;
        int nearCopies = 10;
        int dim = 30;
        int n = distinct + copies + nearCopies;
        SplittableRandom rng = new SplittableRandom(31);
        DMatrixRMaj x = new DMatrixRMaj(n, dim);
        for (int e = 0; e < distinct * dim; e++) {
            x.data[e] = rng.nextInt(3); // small alphabet: many rows share long prefixes
        }
        for (int c = 0; c < copies + nearCopies; c++) {
            int source = c * 7; // distinct sources
            System.arraycopy(x.data, source * dim, x.data, (distinct + c) * dim, dim);
            if (c >= copies) {
                x.data[(distinct + c) * dim + dim - 1] = 3; // not in the alphabet: a new row
            }
        }
        DatasetSummary s = DatasetSummary.of(Dataset.of("planted", x, Provenance.of("planted", "npy", "<f8")));
        // random rows over 3^30 ≈ 2e14 values: a chance repeat among 3000 has probability ~2e-8
        assertEquals(copies, s.duplicates());
        assertEquals(0.0, s.min());
        assertEquals(3.0, s.max());
    }
}
