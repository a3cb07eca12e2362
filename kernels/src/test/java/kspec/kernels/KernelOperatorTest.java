package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.eigen.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KernelOperator} against the dense {@link KernelBuilder#gram}: products, entries, symmetry,
 * the top-k spectrum through {@link Eigensolvers#topK} against LAPACK on the stored matrix, strip
 * sizing and the bad-input guards.
 */
class KernelOperatorTest {

    /** Entry agreement with the dense build, relative to the Cauchy–Schwarz scale √(K_ii K_jj). */
    private static final double ENTRY_TOL = 1e-12;
    /** Product agreement relative to Σ_k |K_ik||V_kj| (GEMM summation order differs; n·ε ≈ 3e-14 at n = 130). */
    private static final double PRODUCT_TOL = 1e-12;

    private static final int N = 130;

    static Stream<Arguments> networks() {
        List<Arguments> out = new ArrayList<>();
        for (KernelKind kind : KernelKind.values()) {
            for (int depth : new int[] {1, 3}) {
                for (String act : new String[] {"relu", "erf"}) {
                    for (Double bias : new Double[] {null, 0.1}) {
                        out.add(Arguments.of(kind, Architecture.simple(depth, act, 1.4, bias, null, null)));
                    }
                }
            }
        }
        return out.stream();
    }

    private static DMatrixRMaj points(int n, int d, long seed) {
        return RandomMatrices_DDRM.rectangle(n, d, -1, 1, new Random(seed));
    }

    /** Strip heights 1, 17, 64 (the recursion tile), 100 and ≥ n: most do not divide n = 130. */
    @ParameterizedTest
    @MethodSource("networks")
    void blockProductEqualsDenseGramTimesBlock(KernelKind kind, Architecture arch) {
        DMatrixRMaj x = points(N, 5, 3);
        DMatrixRMaj k = KernelBuilder.gram(arch, x, EnumSet.of(kind), ProgressListener.NONE).get(kind);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(N, 3, -1, 1, new Random(4));
        DMatrixRMaj expected = new DMatrixRMaj(N, 3);
        CommonOps_DDRM.mult(k, v, expected);
        for (int tile : new int[] {1, 17, 64, 100, 500}) {
            KernelOperator op = KernelOperator.of(arch, x, kind, tile, ProgressListener.NONE);
            DMatrixRMaj y = new DMatrixRMaj(1, 1);
            op.apply(v, y);
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < 3; j++) {
                    double scale = 0;
                    for (int c = 0; c < N; c++) {
                        scale += Math.abs(k.get(i, c) * v.get(c, j));
                    }
                    assertEquals(expected.get(i, j), y.get(i, j), PRODUCT_TOL * scale,
                            kind + " " + arch + " tile " + tile + " (" + i + "," + j + ")");
                }
            }
        }
    }

    /** K·I recovers every entry (GEMM with 0/1 is exact): equal to the dense build and exactly symmetric. */
    @ParameterizedTest
    @MethodSource("networks")
    void entriesEqualTheDenseGramAndAreExactlySymmetric(KernelKind kind, Architecture arch) {
        DMatrixRMaj x = points(N, 4, 8);
        DMatrixRMaj k = KernelBuilder.gram(arch, x, EnumSet.of(kind), ProgressListener.NONE).get(kind);
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        KernelOperator.of(arch, x, kind, 48, ProgressListener.NONE).apply(CommonOps_DDRM.identity(N), y);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(y.get(j, i), y.get(i, j), 0.0, "symmetry (" + i + "," + j + ")");
                double scale = Math.sqrt(k.get(i, i) * k.get(j, j));
                assertEquals(k.get(i, j), y.get(i, j), ENTRY_TOL * scale, kind + " " + arch + " (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void vectorApplyEqualsTheBlockApply() {
        Architecture arch = Architecture.simple(2, "relu", 1.4, 0.1, null, null);
        DMatrixRMaj x = points(90, 3, 11);
        KernelOperator op = KernelOperator.of(arch, x, KernelKind.NTK, 32, ProgressListener.NONE);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(90, 1, -1, 1, new Random(12));
        DMatrixRMaj block = new DMatrixRMaj(1, 1);
        op.apply(v, block);
        double[] y = new double[90];
        op.apply(v.data.clone(), y);
        for (int i = 0; i < 90; i++) {
            assertEquals(block.data[i], y[i], 0.0, "row " + i);
        }
        assertEquals(2, op.applications());
    }

    /**
     * The top 10 of the depth-3 ReLU NTK at n = 800 by the matrix-free block Krylov solver equal the
     * top 10 of LAPACK dsyevd on the stored matrix. Tolerance: a Ritz pair (θ, u) with residual
     * ‖Ku − θu‖ = r has an eigenvalue within r of θ (symmetric K); the solver reports the RMS relative
     * residual ρ over its k pairs, so each r ≤ √k·ρ·‖K‖₂; plus 1e-12‖K‖₂ for the dense solve's round-off.
     */
    @Test
    void topKMatrixFreeEqualsTheDenseSpectrum() {
        int n = 800;
        int top = 10;
        Architecture arch = Architecture.simple(3, "relu", Math.sqrt(2), 0.05, null, null);
        DMatrixRMaj x = points(n, 8, 21);
        DMatrixRMaj k = KernelBuilder.gram(arch, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE).get(KernelKind.NTK);
        double[] dense = Eigensolvers.symmetric(k, EigenRequest.all()).eigenvalues();
        KernelOperator op = KernelOperator.of(arch, x, KernelKind.NTK, 192, ProgressListener.NONE);
        Spectrum free = Eigensolvers.topK(op, EigenRequest.top(top));
        assertTrue(free.converged(), free.toString());
        assertEquals(top, free.count());
        assertEquals(free.iterations(), op.applications(), "every solver product went through the operator");
        double tol = (Math.sqrt(top) * free.residual() + 1e-12) * dense[0];
        for (int i = 0; i < top; i++) {
            assertEquals(dense[i], free.eigenvalue(i), tol, "λ" + (i + 1) + " of K/n");
        }
    }

    /**
     * n = 130, R = 64: blocks of 64, 64, 2 rows; the six pairs of the lower block triangle, in order,
     * evaluate 64·64, 64·64, 64·64, 2·64, 2·64, 2·2 entries, 12 548 in all = (n² + Σ|I|²)/2.
     */
    @Test
    void progressCoversTheLowerBlockTriangleOncePerApplication() {
        DMatrixRMaj x = points(N, 3, 5);
        RecordingProgress listener = new RecordingProgress();
        KernelOperator op = KernelOperator.of(Architecture.simple(1, "erf", 1.2, 0.1, null, null), x, KernelKind.NNGP, 64,
                1, listener);
        op.apply(new double[N], new double[N]);
        assertEquals(12_548L, listener.total);
        assertEquals(12_548L, op.entriesPerApplication());
        assertEquals(List.of(4096L, 8192L, 12_288L, 12_416L, 12_544L, 12_548L), listener.seen);
        assertEquals(1, listener.finished);
    }

    /**
     * Two workers split the pairs and sum two accumulators: the same product as one worker up to the
     * summation order (PRODUCT_TOL), and bit-identical from one application to the next (fixed deal).
     */
    @Test
    void twoWorkersAgreeWithOneAndAreDeterministic() {
        Architecture arch = Architecture.simple(3, "relu", Math.sqrt(2), 0.05, null, null);
        DMatrixRMaj x = points(300, 6, 31);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(300, 4, -1, 1, new Random(32));
        DMatrixRMaj one = new DMatrixRMaj(1, 1);
        KernelOperator.of(arch, x, KernelKind.NTK, 64, 1, ProgressListener.NONE).apply(v, one);
        KernelOperator two = KernelOperator.of(arch, x, KernelKind.NTK, 64, 2, ProgressListener.NONE);
        assertEquals(2, two.threads());
        DMatrixRMaj first = new DMatrixRMaj(1, 1);
        DMatrixRMaj second = new DMatrixRMaj(1, 1);
        two.apply(v, first);
        two.apply(v, second);
        RecordingProgress listener = new RecordingProgress();
        KernelOperator.of(arch, x, KernelKind.NTK, 64, 2, listener).apply(v, new DMatrixRMaj(1, 1));
        assertEquals(15, listener.seen.size(), "one advance per pair: 5 blocks, 15 pairs");
        assertEquals(two.entriesPerApplication(), listener.seen.get(14));
        double scale = 0;
        for (double e : one.data) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int e = 0; e < one.data.length; e++) {
            assertEquals(one.data[e], first.data[e], PRODUCT_TOL * scale, "entry " + e);
            assertEquals(first.data[e], second.data[e], 0.0, "deterministic, entry " + e);
        }
    }

    /**
     * n = 50 000, d = 784, 2 workers, 256 MiB: each worker's 8(R² + 2R·d) ≤ 2²⁷ B holds up to R = 3386
     * (3386² + 1568·3386 = 16 774 244 ≤ 2²⁴ doubles; 3387 gives 16 782 585), rounded down to the
     * 64-multiple 3328.
     */
    @Test
    void blockHeightFollowsTheMemoryBudget() {
        assertEquals(3328, KernelOperator.tileRowsFor(50_000, 784, 2, 256L << 20));
        assertEquals(40, KernelOperator.tileRowsFor(40, 10, 1, 1L << 30), "clamped to n");
        assertEquals(64, KernelOperator.tileRowsFor(100, 10, 1, 1L << 30), "n/8 rounded up to the 64-row tile");
        assertEquals(512, KernelOperator.tileRowsFor(4000, 784, 2, 1L << 30), "n/8 = 500 rounded up to 512");
        assertEquals(5, KernelOperator.tileRowsFor(1000, 10, 1, 8L * (5 * 5 + 2 * 5 * 10)), "exact fit, below one 64-tile");
        assertThrows(IllegalArgumentException.class, () -> KernelOperator.tileRowsFor(1000, 10, 1, 100));
        DMatrixRMaj x = points(300, 4, 1);
        KernelOperator op = KernelOperator.of(Architecture.simple(1, "relu", 1.0, null, null, null), x, KernelKind.NTK,
                ProgressListener.NONE);
        assertEquals(64, op.tileRows(), "n/8 rounded up to the 64-row tile");
    }

    @Test
    void badInputIsRefusedWithTheFix() {
        Architecture arch = Architecture.simple(1, "relu", 1.0, 0.1, null, null);
        DMatrixRMaj x = points(20, 2, 1);
        KernelOperator op = KernelOperator.of(arch, x, KernelKind.NNGP, 8, ProgressListener.NONE);
        DMatrixRMaj v = new DMatrixRMaj(20, 2);
        assertThrows(IllegalArgumentException.class, () -> op.apply(new DMatrixRMaj(19, 2), new DMatrixRMaj(1, 1)));
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class, () -> op.apply(v, v));
        assertTrue(alias.getMessage().contains("must not alias"), alias.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelOperator.of(arch, x, null, 8, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> KernelOperator.of(arch, x, KernelKind.NTK, 0, ProgressListener.NONE));
        DMatrixRMaj many = new DMatrixRMaj(50_000, 1);
        many.fill(1.0);
        IllegalArgumentException strip = assertThrows(IllegalArgumentException.class,
                () -> KernelOperator.of(arch, many, KernelKind.NTK, 50_000, ProgressListener.NONE));
        assertTrue(strip.getMessage().contains("one Java array"), strip.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelOperator.of(arch, x, KernelKind.NTK, 8, 0, ProgressListener.NONE));
        x.set(3, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> KernelOperator.of(arch, x, KernelKind.NTK, ProgressListener.NONE));
    }
}
