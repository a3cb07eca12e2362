package kspec.kernels.finite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.core.progress.ProgressListener;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * ‖K̂_P − K_NNGP‖_F/‖K_NNGP‖_F shrinks like P^(−1/2) for P = 2⁶ … 2¹⁴ (one hidden ReLU layer, where
 * the P features are i.i.d., so E‖K̂_P − K‖_F² = c/P exactly). log-errors are averaged over 8 seeds
 * (log-space averaging, docs/regimes-and-duality.md §6) and regressed on log P. Tolerance: |slope + 1/2| ≤ 0.1 (measured: −0.54 ± 0.03 with 4 seeds), and
 * at most 5 standard errors of the fitted slope.
 */
class FiniteWidthConvergenceTest {

    @Test
    void empiricalNngpErrorDecaysAsInverseSquareRootOfWidth() {
        Architecture a = Architecture.parse("Dense(1.4142,0.1) Relu Dense(1.4142,0.1)");
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(12, 6, -1, 1, new Random(5));
        DMatrixRMaj exact = KernelBuilder.gram(a, x, EnumSet.of(KernelKind.NNGP), ProgressListener.NONE).get(KernelKind.NNGP);
        double norm = frobenius(exact, null);
        SimpleRegression fit = new SimpleRegression();
        int seeds = 8;
        for (int e = 6; e <= 14; e++) {
            int width = 1 << e;
            double meanLog = 0;
            for (int s = 0; s < seeds; s++) {
                DMatrixRMaj k = RandomFeatures.empiricalNngp(a, x, width, 31L * e + s);
                meanLog += Math.log(frobenius(k, exact) / norm) / seeds;
            }
            fit.addData(Math.log(width), meanLog);
        }
        double slope = fit.getSlope();
        double se = fit.getSlopeStdErr();
        assertTrue(Math.abs(slope + 0.5) <= 0.1, "slope " + slope + " ± " + se);
        assertTrue(Math.abs(slope + 0.5) <= 5 * se, "slope " + slope + " ± " + se);
    }

    private static double frobenius(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int e = 0; e < a.data.length; e++) {
            double d = a.data[e] - (b == null ? 0 : b.data[e]);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
