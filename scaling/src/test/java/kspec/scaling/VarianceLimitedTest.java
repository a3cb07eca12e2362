package kspec.scaling;

import kspec.core.linalg.Submatrix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kspec.core.stats.IntervalMethod;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The variance-limited regime (Bahri et al. 2021, Theorem 1; docs/regimes-and-duality.md §2 and §7 item 3): at a
 * fixed number of random features P, the loss approaches its D → ∞ value as 1/D once D ≫ P.
 */
class VarianceLimitedTest {

    /** L = L∞(1 + P/(D − P − 1)) exactly (the OLS expectation of WidthScalingTest): β → 1 for D ≫ P. */
    @Test
    void recoversTheExactOneOverDLaw() {
        int p = 16;
        int[] d = {256, 512, 1024, 2048, 4096, 8192};
        double[] loss = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            loss[i] = 0.3 * (1 + (double) p / (d[i] - p - 1));
        }
        VarianceLimitedFit fit = VarianceLimitedFit.fit(d, loss);
        assertEquals(0.3, fit.lInfinity(), 1e-3);
        assertEquals(1.0, fit.beta().value(), 0.05);
        // t-interval over 6 sizes: ± t(0.975, 4)·SE, t = 2.7764451051977934 (scipy.stats.t.ppf)
        assertEquals(IntervalMethod.T_REGRESSION, fit.beta().interval());
        assertEquals(2.7764451051977934 * fit.beta().standardError(), fit.beta().halfWidth(), 1e-9 * fit.beta().halfWidth());
    }

    /**
     * Measured: the linear random-feature teacher–student model (docs/regimes-and-duality.md §4) with P = 8 features,
     * least squares on D = 128 … 8192 nested training points (D ≫ P), averaged in log space over 16
     * orderings, 20 teacher outputs and 4000 test points. The slope of L − L∞ must be −1 within ±0.1
     * (the tolerance of docs/regimes-and-duality.md §7 item 3); the exact expectation L∞(1 + P/(D − P − 1)) bends it to
     * about −1.02 over this range.
     */
    @Test
    void randomFeatureLossDecaysAsOneOverDAtFixedWidth() {
        int s = 60;
        int p = 8;
        int train = 8192;
        int test = 4000;
        int outputs = 20;
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj projection = gaussian(p, s, rng);
        DMatrixRMaj omega = gaussian(s, outputs, rng);
        DMatrixRMaj[] phiAndY = sample(train, s, projection, omega, rng);
        DMatrixRMaj[] testPhiAndY = sample(test, s, projection, omega, rng);
        int[] sizes = {128, 256, 512, 1024, 2048, 4096, 8192};
        int orderings = 16;
        double[][] losses = new double[orderings][sizes.length];
        for (int o = 0; o < orderings; o++) {
            int[] order = DataScaling.prefixOfShuffle(IntStream.range(0, train).toArray(), train, new SplittableRandom(o));
            for (int i = 0; i < sizes.length; i++) {
                int[] rows = Arrays.copyOf(order, sizes[i]);
                DMatrixRMaj phi = Submatrix.rows(phiAndY[0], rows);
                DMatrixRMaj y = Submatrix.rows(phiAndY[1], rows);
                DMatrixRMaj theta = new DMatrixRMaj(p, outputs);
                CommonOps_DDRM.solve(phi, y, theta); // least squares (QR) on the D × P design
                DMatrixRMaj prediction = new DMatrixRMaj(test, outputs);
                CommonOps_DDRM.mult(testPhiAndY[0], theta, prediction);
                losses[o][i] = DataScaling.meanSquaredError(prediction, testPhiAndY[1]);
            }
        }
        double[] mean = LearningCurve.geometricMean(losses, sizes.length);
        VarianceLimitedFit fit = VarianceLimitedFit.fit(sizes, mean);
        assertEquals(1.0, fit.beta().value(), 0.1, "L - L∞ ∝ D^-β with L∞ = " + fit.lInfinity());
    }

    private static DMatrixRMaj gaussian(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /** Teacher features F ~ N(0, diag k^−1.5), student features φ = 𝒫F, targets y = ωᵀF. */
    private static DMatrixRMaj[] sample(int n, int s, DMatrixRMaj projection, DMatrixRMaj omega, SplittableRandom rng) {
        DMatrixRMaj f = new DMatrixRMaj(n, s);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s; k++) {
                f.set(i, k, Math.pow(k + 1, -0.75) * rng.nextGaussian());
            }
        }
        DMatrixRMaj phi = new DMatrixRMaj(n, projection.numRows);
        CommonOps_DDRM.multTransB(f, projection, phi);
        DMatrixRMaj y = new DMatrixRMaj(n, omega.numCols);
        CommonOps_DDRM.mult(f, omega, y);
        return new DMatrixRMaj[] {phi, y};
    }
}
