package kspec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.IntrinsicDimension;
import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkNeighbors} in local mode against a brute-force search written here (all n² distances
 * computed directly, sorted by (distance, index)), through the {@link NearestNeighbors} front end
 * (duplicates dropped), into the intrinsic-dimension estimators, and under injected task failures.
 */
class SparkNeighborsTest {

    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SparkRuntime.start("local[2,4]", "kspec-test");
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** 900 points in R¹⁰ with 30 exact repeats (dropped by the front end) and 60 corners of the unit cube (tied distances). */
    private static DMatrixRMaj points() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(900, 10, -1, 1, new Random(5));
        for (int i = 0; i < 30; i++) {
            System.arraycopy(x.data, i * 10, x.data, (870 + i) * 10, 10);
        }
        for (int i = 100; i < 160; i++) { // distinct 0/1 points: many exactly equal distances
            for (int c = 0; c < 10; c++) {
                x.set(i, c, (i >> c) & 1);
            }
        }
        return x;
    }

    @Test
    void neighboursEqualBruteForce() {
        DMatrixRMaj x = points();
        int k = 12;
        NeighborTable t = NearestNeighbors.search(x, k, DuplicatePolicy.DROP, SparkNeighbors.of(sc, 4, TaskHook.NONE), 0L);
        assertEquals(870, t.n(), "30 repeats dropped");
        for (int r = 0; r < t.n(); r++) {
            int i = t.row(r);
            Integer[] others = IntStream.range(0, 870).filter(j -> j != i).boxed().toArray(Integer[]::new);
            double[] dist = new double[900];
            for (int j = 0; j < 870; j++) {
                double s = 0;
                for (int c = 0; c < 10; c++) {
                    double diff = x.get(i, c) - x.get(j, c);
                    s += diff * diff;
                }
                dist[j] = Math.sqrt(s);
            }
            Arrays.sort(others, Comparator.<Integer>comparingDouble(j -> dist[j]).thenComparingInt(j -> j));
            for (int q = 0; q < k; q++) {
                assertEquals(dist[others[q]], t.distance(r, q), 1e-12 * (1 + dist[others[q]]), "row " + i + " rank " + q);
                if (q + 1 < k && dist[others[q]] != dist[others[q + 1]] && (q == 0 || dist[others[q - 1]] != dist[others[q]])) {
                    assertEquals((int) others[q], t.index(r, q), "row " + i + " rank " + q);
                }
            }
        }
        NeighborTable local = NearestNeighbors.search(x, k, DuplicatePolicy.DROP);
        assertArrayEquals(local.indices(), t.indices(), "same neighbours as the in-process GEMM search");
        assertArrayEquals(local.distances(), t.distances(), 1e-12);
        assertEquals("spark-gemm", t.algorithm());
    }

    /** The estimators fed the Spark table give exactly the estimates of the in-process table. */
    @Test
    void tableFeedsTheIntrinsicDimensionEstimators() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(1200, 6, 0, 1, new Random(8));
        IntrinsicDimension.Options options = IntrinsicDimension.Options.defaults()
                .withMethods(java.util.EnumSet.of(IntrinsicDimension.Method.TWONN, IntrinsicDimension.Method.MLE,
                        IntrinsicDimension.Method.GRIDE));
        NeighborTable spark = NearestNeighbors.search(x, options.tableK(), options.policy(), SparkNeighbors.of(sc), 0L);
        NeighborTable local = NearestNeighbors.search(x, options.tableK(), options.policy(), NearestNeighbors.Algorithm.GEMM, 0L);
        List<IdEstimate> a = IntrinsicDimension.fromTable(x, spark, options);
        List<IdEstimate> b = IntrinsicDimension.fromTable(x, local, options);
        for (int m = 0; m < a.size(); m++) {
            assertEquals(b.get(m).dimension().value(), a.get(m).dimension().value(), 1e-12, b.get(m).method().toString());
        }
    }

    @Test
    void failedTasksAreRetriedWithoutChangingTheTable() {
        DMatrixRMaj x = points();
        NeighborTable clean = NearestNeighbors.search(x, 5, DuplicatePolicy.KEEP, SparkNeighbors.of(sc, 3, TaskHook.NONE), 0L);
        NeighborTable retried = NearestNeighbors.search(x, 5, DuplicatePolicy.KEEP, SparkNeighbors.of(sc, 3, pair -> {
            if (pair == 2 && TaskContext.get().attemptNumber() == 0) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure");
            }
        }), 0L);
        assertEquals(1, INJECTED.get());
        assertEquals(clean, retried);
    }
}
