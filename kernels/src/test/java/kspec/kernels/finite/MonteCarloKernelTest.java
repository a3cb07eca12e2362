package kspec.kernels.finite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.function.LongFunction;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.core.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Monte-Carlo truth, as neural-tangents tests itself: the mean over R independent finite networks of
 * the empirical NNGP (R = 48, width 256) and of the empirical NTK (R = 12, width 512) equals the
 * closed-form kernel within 5 standard errors of that mean (SE = sample standard deviation/√R per
 * entry). The finite-width bias, O(1/P) relative (≤ 0.4% at P = 256), is below one SE here.
 */
class MonteCarloKernelTest {

    private static final DMatrixRMaj X = RandomMatrices_DDRM.rectangle(5, 4, -1.5, 1.5, new Random(21));

    private static void assertWithinFiveSe(DMatrixRMaj exact, LongFunction<DMatrixRMaj> draw, int r, String what) {
        int len = exact.data.length;
        double[] sum = new double[len];
        double[] sumSq = new double[len];
        for (int s = 0; s < r; s++) {
            DMatrixRMaj k = draw.apply(1000L + s);
            for (int e = 0; e < len; e++) {
                sum[e] += k.data[e];
                sumSq[e] += k.data[e] * k.data[e];
            }
        }
        for (int e = 0; e < len; e++) {
            double mean = sum[e] / r;
            double var = (sumSq[e] - r * mean * mean) / (r - 1);
            double se = Math.sqrt(Math.max(var, 0) / r);
            double dev = Math.abs(mean - exact.data[e]);
            int entry = e;
            assertTrue(dev <= 5 * se, () -> what + " entry " + entry + ": MC mean " + mean + " vs exact "
                    + exact.data[entry] + ", " + dev / se + " standard errors");
        }
    }

    private static void nngpMatches(String arch) {
        Architecture a = Architecture.parse(arch);
        DMatrixRMaj exact = KernelBuilder.gram(a, X, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE).get(KernelKind.NNGP);
        assertWithinFiveSe(exact, seed -> RandomFeatures.empiricalNngp(a, X, 256, seed), 48, "NNGP " + arch);
    }

    private static void ntkMatches(String arch, int width) {
        Architecture a = Architecture.parse(arch, null, width);
        DMatrixRMaj exact = KernelBuilder.gram(a, X, EnumSet.of(KernelKind.NTK), ProgressListener.NONE).get(KernelKind.NTK);
        assertWithinFiveSe(exact, seed -> EmpiricalNtk.gram(a, X, width, seed), 12, "NTK " + a);
    }

    @Test
    void reluNngp() {
        nngpMatches("Dense(1.4,0.2) Relu Dense(1.4,0.2) Relu Dense(1.2,0.1)");
    }

    @Test
    void erfNngp() {
        nngpMatches("Dense(1.6,0.2) Erf Dense(1.6) Erf Dense(1.0,0.3)");
    }

    @Test
    void geluNngp() {
        nngpMatches("Dense(1.3,0.1) Gelu Dense(1.3,0.1) Gelu Dense(1.1)");
    }

    @Test
    void numericalTanhNngp() {
        nngpMatches("Dense(1.5,0.1) Tanh Dense(1.5) Tanh Dense(1.0,0.2)");
    }

    @Test
    void reluNtkBothParameterizations() {
        ntkMatches("Dense(1.4,0.2) Relu Dense(1.4,0.2) Relu Dense(1.2,0.1)", 512);
        ntkMatches("Dense(1.4,0.2) Relu Dense(1.4,0.2) Relu Dense(1.2,0.1) parameterization=standard", 512);
    }

    @Test
    void erfNtkBothParameterizations() {
        ntkMatches("Dense(1.6,0.2) Erf Dense(1.6) Erf Dense(1.0,0.3)", 512);
        ntkMatches("Dense(1.6,0.2) Erf Dense(1.6) Erf Dense(1.0,0.3) parameterization=standard", 512);
    }
}
