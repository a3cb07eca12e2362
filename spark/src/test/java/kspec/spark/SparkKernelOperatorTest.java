package kspec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import kspec.core.progress.ProgressListener;
import kspec.kernels.Activations;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelOperator;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.eigen.Spectrum;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkKernelOperator} in local mode (two task slots, up to four attempts per task) against
 * the single-JVM {@link KernelOperator} (products), dense LAPACK on the stored {@link KernelBuilder}
 * matrix (top-k through the unchanged block Krylov solver), and itself under injected task failures
 * (retried tasks must give bit-identical products).
 */
class SparkKernelOperatorTest {

    /** Products agree with the single-JVM operator to summation order: relative to max|Y|. */
    private static final double PRODUCT_TOL = 1e-12;
    /** The acceptance tolerance of the top-k against dense LAPACK, relative to λ₁. */
    private static final double TOP_K_TOL = 1e-9;

    private static final Architecture RELU3 = Architecture.simple(3, "relu", Math.sqrt(2), 0.05, null, null);
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

    private static DMatrixRMaj points(int n, int d, long seed) {
        return RandomMatrices_DDRM.rectangle(n, d, -1, 1, new Random(seed));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void assertProductsAgree(Architecture arch, KernelKind kind, SparkKernelOperator.Layout layout) {
        DMatrixRMaj x = points(700, 12, 3);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(700, 5, -1, 1, new Random(4));
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        KernelOperator.of(arch, x, kind, 128, 1, ProgressListener.NONE).apply(v, expected);
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        try (SparkKernelOperator op = SparkKernelOperator.of(sc, arch, x, kind, layout, TaskHook.NONE)) {
            op.apply(v, y);
            assertEquals(1, op.applications());
        }
        double tol = PRODUCT_TOL * maxAbs(expected.data);
        assertEquals(700, y.numRows);
        assertEquals(5, y.numCols);
        for (int e = 0; e < expected.data.length; e++) {
            assertEquals(expected.data[e], y.data[e], tol, kind + " " + arch + " " + layout + " entry " + e);
        }
    }

    /** Five groups (15 tasks) of 140 points in 64-row sub-blocks: ragged everywhere. */
    @Test
    void broadcastProductEqualsTheSingleJvmOperator() {
        assertProductsAgree(RELU3, KernelKind.NTK, new SparkKernelOperator.Layout(5, 64, SparkKernelOperator.Placement.BROADCAST));
        assertProductsAgree(Architecture.simple(2, "erf", 1.3, 0.1, null, null), KernelKind.NNGP,
                new SparkKernelOperator.Layout(3, 100, SparkKernelOperator.Placement.BROADCAST));
    }

    @Test
    void partitionedProductEqualsTheSingleJvmOperator() {
        assertProductsAgree(RELU3, KernelKind.NTK, new SparkKernelOperator.Layout(4, 64, SparkKernelOperator.Placement.PARTITIONED));
        assertProductsAgree(RELU3, KernelKind.NNGP, new SparkKernelOperator.Layout(1, 300, SparkKernelOperator.Placement.PARTITIONED));
    }

    /**
     * The top 10 of the depth-3 ReLU NTK of 2,000 points in R²⁰ (K/n), by block Krylov on the
     * distributed operator, equal dense LAPACK ({@code dsyevd} on the stored matrix) to 1e-9·λ₁.
     */
    @Test
    void topKEqualsDenseLapack() {
        int n = 2000;
        int top = 10;
        DMatrixRMaj x = points(n, 20, 21);
        DMatrixRMaj k = KernelBuilder.gram(RELU3, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE).get(KernelKind.NTK);
        double[] dense = Eigensolvers.symmetric(k, EigenRequest.all()).eigenvalues();
        k = null;
        try (SparkKernelOperator op = SparkKernelOperator.of(sc, RELU3, x, KernelKind.NTK,
                new SparkKernelOperator.Layout(4, 512, SparkKernelOperator.Placement.BROADCAST), TaskHook.NONE)) {
            Spectrum spark = Eigensolvers.topK(op, EigenRequest.top(top));
            assertTrue(spark.converged(), spark.toString());
            assertEquals(spark.iterations(), op.applications(), "every solver product was one Spark job");
            for (int i = 0; i < top; i++) {
                assertEquals(dense[i], spark.eigenvalue(i), TOP_K_TOL * dense[0], "λ" + (i + 1) + " of K/n");
            }
        }
    }

    /**
     * Tasks of pairs 1 and 4 fail on their first attempt (TaskContext.attemptNumber() = 0); Spark
     * retries them, and the product is bit-identical to a run without failures, in both placements.
     */
    @Test
    void failedTasksAreRetriedWithoutChangingTheProduct() {
        DMatrixRMaj x = points(400, 7, 9);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(400, 3, -1, 1, new Random(10));
        TaskHook failFirstAttempt = pair -> {
            if ((pair == 1 || pair == 4) && TaskContext.get().attemptNumber() == 0) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure of pair " + pair);
            }
        };
        for (SparkKernelOperator.Placement placement : SparkKernelOperator.Placement.values()) {
            SparkKernelOperator.Layout layout = new SparkKernelOperator.Layout(3, 64, placement);
            DMatrixRMaj clean = new DMatrixRMaj(1, 1);
            try (SparkKernelOperator op = SparkKernelOperator.of(sc, RELU3, x, KernelKind.NTK, layout, TaskHook.NONE)) {
                op.apply(v, clean);
            }
            int before = INJECTED.get();
            DMatrixRMaj retried = new DMatrixRMaj(1, 1);
            try (SparkKernelOperator op = SparkKernelOperator.of(sc, RELU3, x, KernelKind.NTK, layout, failFirstAttempt)) {
                op.apply(v, retried);
            }
            assertEquals(2, INJECTED.get() - before, placement + ": both injected failures happened");
            assertArrayEquals(clean.data, retried.data, 0.0, placement + ": bit-identical after retries");
        }
    }

    @Test
    void badInputIsRefusedWithTheFix() {
        SparkKernelOperator.Layout layout = new SparkKernelOperator.Layout(2, 16, SparkKernelOperator.Placement.BROADCAST);
        DMatrixRMaj x = points(30, 3, 1);
        Architecture custom = Architecture.of(java.util.List.of(kspec.kernels.Dense.of(1.0),
                Activations.numerical("Mine", Math::tanh, t -> 1 - Math.tanh(t) * Math.tanh(t), 16),
                kspec.kernels.Dense.of(1.0)), kspec.kernels.Parameterization.NTK, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkKernelOperator.of(sc, custom, x, KernelKind.NTK, layout, TaskHook.NONE));
        assertTrue(e.getMessage().contains("string form"), e.getMessage());
        x.set(2, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> SparkKernelOperator.of(sc, RELU3, x, KernelKind.NTK, layout, TaskHook.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SparkKernelOperator.Layout(0, 16, SparkKernelOperator.Placement.BROADCAST));
    }
}
