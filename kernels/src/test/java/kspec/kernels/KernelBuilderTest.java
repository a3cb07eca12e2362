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
                    // both builds take identical points' entries from the exact diagonal maps
                    assertEquals(k.get(i, j), kc.get(i, j), 1e-13 * scale, kind + " (" + i + "," + j + ")");
                }
            }
        }
    }

    /**
     * The cross kernel of identical points equals the exact diagonal map to round-off: through the
     * off-diagonal map (arccos at ρ = 1 − a few ulp) the depth-3 ReLU NTK diagonal of these points
     * was off by 1e-8 relative. The reference is the {@link KernelBuilder#gram} diagonal, which comes
     * from the exact diagonal maps (no arccos). Identical rows at other indices and a −0.0 against
     * 0.0 coordinate count as identical; a row one ulp away does not.
     */
    @Test
    void crossKernelOfIdenticalPointsUsesTheExactDiagonal() {
        Architecture relu3 = Architecture.simple(3, "relu", Math.sqrt(2), 0.05, null, null);
        DMatrixRMaj train = RandomMatrices_DDRM.rectangle(200, 784, 0, 1, new Random(17));
        train.set(5, 0, 0.0);
        DMatrixRMaj test = new DMatrixRMaj(3, 784);
        System.arraycopy(train.data, 5 * 784, test.data, 0, 784);
        test.set(0, 0, -0.0);
        System.arraycopy(train.data, 150 * 784, test.data, 784, 784);
        System.arraycopy(train.data, 150 * 784, test.data, 2 * 784, 784);
        test.set(2, 7, Math.nextUp(test.get(2, 7)));
        KernelPair g = KernelBuilder.gram(relu3, train, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        KernelPair self = KernelBuilder.cross(relu3, train, train, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        KernelPair c = KernelBuilder.cross(relu3, test, train, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
        for (KernelKind kind : KernelKind.values()) {
            DMatrixRMaj k = g.get(kind);
            for (int i = 0; i < 200; i++) {
                assertEquals(k.get(i, i), self.get(kind).get(i, i), 1e-12 * k.get(i, i), kind + " diagonal " + i);
            }
            assertEquals(k.get(5, 5), c.get(kind).get(0, 5), 1e-12 * k.get(5, 5), kind + " -0.0 row");
            assertEquals(k.get(150, 150), c.get(kind).get(1, 150), 1e-12 * k.get(150, 150), kind + " copied row");
        }
        // the one-ulp neighbour takes the off-diagonal map: within √ε-amplified round-off, not bit-equal
        double ntk = g.get(KernelKind.NTK).get(150, 150);
        assertEquals(ntk, c.get(KernelKind.NTK).get(2, 150), 1e-7 * ntk);
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
