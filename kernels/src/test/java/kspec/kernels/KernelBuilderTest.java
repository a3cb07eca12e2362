package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.progress.ProgressListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** Tiling, symmetry, one-pass consistency, progress and the bad-input guards of {@link KernelBuilder}. */
class KernelBuilderTest {

    private static final Architecture ARCH = Architecture.parse("Dense(1.4,0.1) Relu Dense(1.4,0.1) Erf Dense(1.2,0.05)");

    @Test
    void multiTileGramIsSymmetricAndMatchesTheCrossBuild() {
        // n = 150 spans three 64-wide tiles with a ragged edge; K(X, X) via the GEMM route is an
        // independent tiling of the same matrix
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(150, 6, -1, 1, new Random(9));
        KernelPair g = KernelBuilder.gram(ARCH, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        KernelPair c = KernelBuilder.cross(ARCH, x, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        for (KernelKind kind : KernelKind.values()) {
            DMatrixRMaj k = g.get(kind);
            DMatrixRMaj kc = c.get(kind);
            for (int i = 0; i < 150; i++) {
                for (int j = 0; j < 150; j++) {
                    assertEquals(k.get(i, j), k.get(j, i), 0.0, "exact symmetry");
                    double scale = Math.sqrt(k.get(i, i) * k.get(j, j));
                    // K(X, X) by GEMM evaluates the diagonal with the off-diagonal map at ρ = 1 ± ulp, where
                    // arccos amplifies one ulp to ~1e-8 (√ε); K(X) uses the exact diagonal maps
                    double tol = i == j ? 1e-7 : 1e-13;
                    assertEquals(k.get(i, j), kc.get(i, j), tol * scale, kind + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void singleKindBuildsEqualTheJointBuild() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(70, 3, -1, 1, new Random(2));
        KernelPair both = KernelBuilder.gram(ARCH, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        KernelPair nngp = KernelBuilder.gram(ARCH, x, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE);
        KernelPair ntk = KernelBuilder.gram(ARCH, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE);
        assertArrayEquals(both.get(KernelKind.NNGP).data, nngp.get(KernelKind.NNGP).data, 0.0);
        assertArrayEquals(both.get(KernelKind.NTK).data, ntk.get(KernelKind.NTK).data, 0.0);
        assertFalse(nngp.ntk().isPresent());
        assertThrows(IllegalStateException.class, () -> ntk.get(KernelKind.NNGP));
    }

    @Test
    void progressIsMonotoneAndCoversAllEntries() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(130, 3, -1, 1, new Random(4));
        RecordingProgress progress = new RecordingProgress();
        KernelBuilder.gram(ARCH, x, EnumSet.of(KernelKind.NTK), progress);
        List<Long> seen = progress.seen;
        assertEquals(130L * 131 / 2, progress.total, "upper triangle with diagonal");
        assertEquals(progress.total, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
        assertEquals(1, progress.finished);
    }

    @Test
    void memoryGuardRefusesBeforeAllocatingAndNamesTheRoutes() {
        String tooBig = assertThrows(IllegalArgumentException.class, () -> KernelBuilder.requireMemory(50_000, 2)).getMessage();
        assertTrue(tooBig.contains("more than one Java array") && tooBig.contains("top-k"), tooBig);
        long heap = Runtime.getRuntime().maxMemory();
        int n = (int) Math.min(46_000, Math.sqrt(heap / 8.0) + 100); // one matrix exceeds the whole heap
        String noHeap = assertThrows(IllegalArgumentException.class, () -> KernelBuilder.requireMemory(n, 1)).getMessage();
        assertTrue(noHeap.contains("-Xmx") && noHeap.contains("top-k"), noHeap);
        KernelBuilder.requireMemory(100, 2);
    }

    @Test
    void badInputsAreRefusedWithAReason() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(4, 3, -1, 1, new Random(1));
        DMatrixRMaj y = RandomMatrices_DDRM.rectangle(4, 2, -1, 1, new Random(1));
        String dims = assertThrows(IllegalArgumentException.class,
                () -> KernelBuilder.cross(ARCH, x, y, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE)).getMessage();
        assertTrue(dims.contains("same input dimension"), dims);
        x.set(2, 1, Double.NaN);
        String nan = assertThrows(IllegalArgumentException.class,
                () -> KernelBuilder.gram(ARCH, x, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE)).getMessage();
        assertTrue(nan.contains("row 2, column 1"), nan);
        String none = assertThrows(IllegalArgumentException.class,
                () -> KernelBuilder.gram(ARCH, y, EnumSet.noneOf(KernelKind.class), ProgressListener.NONE)).getMessage();
        assertTrue(none.contains("at least one kernel"), none);
    }

    @Test
    void zeroBiasDiffersFromNoBiasOnlyInTheStandardNtk() {
        // standard parameterization, one hidden ReLU layer: a zero-variance bias leaves the NNGP alone
        // but its trainable parameter adds ∂f/∂b terms: +1 at the readout and +σ_w²·Σ̇ from the first
        // layer, Σ̇ = (π − θ)/(2π) with θ the angle of the first-layer covariance (docs/kernels.md §3)
        double w = 1.3;
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(5, 3, -1, 1, new Random(12));
        Architecture zero = Architecture.parse("Dense(1.3,0.0) Relu Dense(1.3,0.0) parameterization=standard width=10");
        Architecture none = Architecture.parse("Dense(1.3) Relu Dense(1.3) parameterization=standard width=10");
        KernelPair kz = KernelBuilder.gram(zero, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        KernelPair kn = KernelBuilder.gram(none, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        assertArrayEquals(kn.get(KernelKind.NNGP).data, kz.get(KernelKind.NNGP).data, 0.0);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double dot = 0;
                double ni = 0;
                double nj = 0;
                for (int c = 0; c < 3; c++) {
                    dot += x.get(i, c) * x.get(j, c);
                    ni += x.get(i, c) * x.get(i, c);
                    nj += x.get(j, c) * x.get(j, c);
                }
                double theta = i == j ? 0.0 : Math.acos(dot / Math.sqrt(ni * nj));
                double want = 1 + w * w * (Math.PI - theta) / (2 * Math.PI);
                double got = kz.get(KernelKind.NTK).get(i, j) - kn.get(KernelKind.NTK).get(i, j);
                assertEquals(want, got, 1e-12, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void summaryReportsTraceDiagonalAndSymmetry() {
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{2, 1}, {1.5, 4}});
        KernelSummary s = KernelSummary.of(k);
        assertEquals(6.0, s.trace());
        assertEquals(2.0, s.minDiagonal());
        assertEquals(4.0, s.maxDiagonal());
        assertEquals(0.5 / 4, s.symmetryError(), 1e-15);
    }

    @Test
    void overflowingKernelIsRefusedNotWrittenAsInfinity() {
        // ReLU without bias is positively homogeneous: K(c·x, c·y) = c²·K(x, y) (Cho & Saul 2009), so points
        // scaled by 1e150 give 1e300 × the unit-scale kernel, finite; by 1e155 their |x|² overflows float64
        Architecture relu = Architecture.parse("Dense(1.4142135623730951) Relu Dense(1.4142135623730951)");
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(6, 3, -1, 1, new Random(3));
        DMatrixRMaj unit = KernelBuilder.gram(relu, x, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE).get(KernelKind.NNGP);
        DMatrixRMaj big = x.copy();
        CommonOps_DDRM.scale(1e150, big);
        DMatrixRMaj scaled = KernelBuilder.gram(relu, big, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE).get(KernelKind.NNGP);
        for (int i = 0; i < unit.data.length; i++) {
            assertEquals(unit.data[i], scaled.data[i] / 1e300, 1e-13 * Math.abs(unit.data[i]) + 1e-300);
        }
        DMatrixRMaj huge = x.copy();
        CommonOps_DDRM.scale(1e155, huge);
        String inputs = assertThrows(IllegalArgumentException.class,
                () -> KernelBuilder.gram(relu, huge, EnumSet.of(KernelKind.NTK), ProgressListener.NONE)).getMessage();
        assertTrue(inputs.startsWith("the input kernel x·x/d_in of point 0 overflows float64 (Infinity)"), inputs);

        // finite inputs, weights so large that σ_w² = 1e400 overflows in the first layer
        Architecture loud = Architecture.parse("Dense(1e200) Relu Dense(1)");
        String layers = assertThrows(IllegalArgumentException.class,
                () -> KernelBuilder.cross(loud, x, x, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE)).getMessage();
        assertTrue(layers.startsWith("the kernel of point 0 with itself overflows float64 (NNGP Infinity"), layers);
    }
}
