package kspec.manifold.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import kspec.data.DataException;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {

    /** Reference: direct O(n²) distances, sorted by (distance, index). */
    private static double[][] naiveDistances(DMatrixRMaj x, int k, int[][] neighbours) {
        int n = x.numRows;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                d[j] = j == i ? Double.POSITIVE_INFINITY : PairwiseDistances.distance(x, i, j);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
            out[i] = new double[k];
            neighbours[i] = new int[k];
            for (int j = 0; j < k; j++) {
                out[i][j] = d[order[j]];
                neighbours[i][j] = order[j];
            }
        }
        return out;
    }

    private static void assertMatchesNaive(DMatrixRMaj x, int k, NeighborTable t) {
        int n = x.numRows;
        int[][] nb = new int[n][];
        double[][] d = naiveDistances(x, k, nb);
        assertEquals(n, t.n());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                // continuous random data: no ties, so the neighbour lists must agree exactly
                assertEquals(nb[i][j], t.index(i, j), "row " + i + " column " + j);
                assertEquals(d[i][j], t.distance(i, j), 1e-12 * (1 + d[i][j]));
            }
        }
    }

    @Test
    void gemmMatchesNaiveBruteForceAcrossSeveralTiles() {
        // n > TILE so that off-diagonal tiles and the column pass are exercised
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(GemmKnn.TILE + 700, 20, -1, 1, new Random(11));
        NeighborTable t = NearestNeighbors.search(x, 7, DuplicatePolicy.DROP, NearestNeighbors.Algorithm.GEMM, 0);
        assertEquals("gemm", t.algorithm());
        assertMatchesNaive(x, 7, t);
    }

    /**
     * With a BLAS pool of 3, three workers run single-threaded GEMMs concurrently on the 6 tile pairs
     * of n = 3·TILE − 500 points and merge their private lists: the result must still equal brute
     * force, and a second run must give the identical table (the (d², index) order makes it
     * independent of which worker took which tile).
     */
    @Test
    void concurrentWorkersMatchNaiveBruteForceAndEachOther() {
        assumeTrue(NativeBlas.isAvailable(), "the worker count follows the native BLAS pool");
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3 * GemmKnn.TILE - 500, 12, -1, 1, new Random(14));
        int previous = NativeBlas.threads();
        NativeBlas.setThreads(3);
        try {
            NeighborTable first = NearestNeighbors.search(x, 6, DuplicatePolicy.DROP, NearestNeighbors.Algorithm.GEMM, 0);
            assertEquals(3, NativeBlas.threads(), "the BLAS pool is restored after the search");
            NeighborTable second = NearestNeighbors.search(x, 6, DuplicatePolicy.DROP, NearestNeighbors.Algorithm.GEMM, 0);
            assertMatchesNaive(x, 6, first);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(first.index(i, j), second.index(i, j));
                    assertEquals(first.distance(i, j), second.distance(i, j), 0.0);
                }
            }
        } finally {
            NativeBlas.setThreads(previous);
        }
    }

    @Test
    void kdTreeMatchesNaiveBruteForce() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(900, 3, 0, 1, new Random(12));
        NeighborTable t = NearestNeighbors.search(x, 5, DuplicatePolicy.DROP, NearestNeighbors.Algorithm.KD_TREE, 0);
        assertEquals("kd-tree", t.algorithm());
        assertMatchesNaive(x, 5, t);
    }

    @Test
    void autoPicksTreeOnlyInLowDimension() {
        Random r = new Random(13);
        assertEquals("kd-tree", NearestNeighbors.search(RandomMatrices_DDRM.rectangle(100, NearestNeighbors.TREE_MAX_DIM, r),
                3, DuplicatePolicy.DROP).algorithm());
        assertEquals("gemm", NearestNeighbors.search(RandomMatrices_DDRM.rectangle(100, NearestNeighbors.TREE_MAX_DIM + 1, r),
                3, DuplicatePolicy.DROP).algorithm());
    }

    /** 300 random rows, then rows 300..329 repeat rows 0..29, one with a -0.0 where the original has 0.0. */
    private static DMatrixRMaj withRepeats(int dim) {
        DMatrixRMaj base = RandomMatrices_DDRM.rectangle(330, dim, -1, 1, new Random(14));
        base.set(0, 0, 0.0);
        for (int i = 300; i < 330; i++) {
            System.arraycopy(base.data, (i - 300) * dim, base.data, i * dim, dim);
        }
        base.set(300, 0, -0.0);
        return base;
    }

    @Test
    void dropRemovesRepeatsAndReportsThem() {
        for (NearestNeighbors.Algorithm a : new NearestNeighbors.Algorithm[] {NearestNeighbors.Algorithm.GEMM,
                NearestNeighbors.Algorithm.KD_TREE}) {
            NeighborTable t = NearestNeighbors.search(withRepeats(4), 4, DuplicatePolicy.DROP, a, 0);
            assertEquals(30, t.duplicateRows());
            assertEquals(30, t.droppedRows());
            assertEquals(300, t.n());
            assertEquals(0, t.zeroDistances());
            for (int i = 0; i < t.n(); i++) {
                assertTrue(t.row(i) < 300);
                for (int j = 0; j < 4; j++) {
                    assertTrue(t.index(i, j) < 300, "a dropped row appears as a neighbour");
                }
            }
            // the surviving rows are exactly the unique ones: compare with a search on them alone
            DMatrixRMaj unique = PairwiseDistances.rows(withRepeats(4), 0, 300);
            assertArrayEquals(NearestNeighbors.search(unique, 4, DuplicatePolicy.KEEP, a, 0).distances(), t.distances());
        }
    }

    @Test
    void keepLeavesExactZerosAndPerturbRemovesThem() {
        for (NearestNeighbors.Algorithm a : new NearestNeighbors.Algorithm[] {NearestNeighbors.Algorithm.GEMM,
                NearestNeighbors.Algorithm.KD_TREE}) {
            NeighborTable keep = NearestNeighbors.search(withRepeats(4), 4, DuplicatePolicy.KEEP, a, 0);
            assertEquals(330, keep.n());
            assertEquals(30, keep.duplicateRows());
            // each of the 30 pairs contributes one zero to each of its two rows
            assertEquals(60, keep.zeroDistances());
            NeighborTable perturbed = NearestNeighbors.search(withRepeats(4), 4, DuplicatePolicy.PERTURB, a, 5);
            assertEquals(330, perturbed.n());
            assertEquals(0, perturbed.zeroDistances());
            assertEquals(30, perturbed.duplicateRows());
        }
    }

    @Test
    void badInputGetsOneClearMessage() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(30, 20, new Random(15));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbors.search(x, 30, DuplicatePolicy.DROP)).getMessage().contains("must be smaller"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbors.search(x, 11, DuplicatePolicy.DROP)).getMessage().contains("too few"));
        DMatrixRMaj same = new DMatrixRMaj(40, 20);
        same.fill(0.25);
        assertTrue(assertThrows(DataException.class,
                () -> NearestNeighbors.search(same, 3, DuplicatePolicy.DROP)).getMessage().contains("identical"));
        DMatrixRMaj nan = x.copy();
        nan.set(17, 3, Double.NaN);
        String msg = assertThrows(DataException.class, () -> NearestNeighbors.search(nan, 3, DuplicatePolicy.DROP)).getMessage();
        assertTrue(msg.contains("row 17") && msg.contains("column 3"), msg);
        DMatrixRMaj fewDistinct = new DMatrixRMaj(40, 2);
        for (int i = 0; i < 40; i++) {
            fewDistinct.set(i, 0, i % 5);
        }
        assertTrue(assertThrows(DataException.class,
                () -> NearestNeighbors.search(fewDistinct, 3, DuplicatePolicy.DROP)).getMessage().contains("distinct"));
    }

    @Test
    void truncateKeepsTheNearestColumns() {
        NeighborTable t = NearestNeighbors.search(RandomMatrices_DDRM.rectangle(200, 6, new Random(16)), 8, DuplicatePolicy.DROP);
        NeighborTable t3 = t.truncate(3);
        assertEquals(3, t3.k());
        for (int i = 0; i < t.n(); i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(t.index(i, j), t3.index(i, j));
                assertEquals(t.distance(i, j), t3.distance(i, j));
            }
        }
    }

    @Test
    void pointsWhoseDistancesOverflowAreRefusedNotMisdiagnosed() {
        // |x|² ≈ 1e300·dim is finite, but squared distances up to 4·|x|² are not below 1.8e308/4 for 1e154
        DMatrixRMaj x = new DMatrixRMaj(60, 2);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 1e154 * rng.nextGaussian();
        }
        DataException e = assertThrows(DataException.class, () -> NearestNeighbors.search(x, 5, DuplicatePolicy.DROP));
        assertTrue(e.getMessage().contains("is too large for its distances to other points to be represented in float64"),
                e.getMessage());
    }
}
