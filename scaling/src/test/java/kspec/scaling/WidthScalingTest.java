package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The linear random-feature teacher–student model of Bahri et al. (2021, arXiv 2102.06701;
 * docs/regimes-and-duality.md §4): teacher features F ~ N(0, Λ) in R^S, targets y = ωᵀF, student features φ = 𝒫F with a
 * random P × S projection 𝒫, least squares on D training points.
 *
 * <p>Closed form: with D → ∞ the loss is their eq. 1 per teacher,
 * L∞(P) = ωᵀ[Λ − Λ𝒫ᵀ(𝒫Λ𝒫ᵀ)⁻¹𝒫Λ]ω. At finite D the residual y − best linear fit is Gaussian and
 * independent of φ, so ordinary least squares with Gaussian design has the exact expectation
 * E[L] = L∞ · (1 + P/(D − P − 1)) (e.g. Hastie, Montanari, Rosset, Tibshirani 2022, arXiv 1903.08560,
 * Prop. 2, for n > p + 1). The test compares the measured/predicted ratio, averaged over seeds, with 1
 * within 4 standard errors of that average.
 */
class WidthScalingTest {

    private static final int S = 100;
    private static final int TRAIN = 3000;
    private static final int TEST = 2000;
    private static final int OUTPUTS = 40;

    @Test
    void randomFeatureLossMatchesTheExactLeastSquaresExpectation() {
        SplittableRandom rng = new SplittableRandom(17);
        double[] lambda = IntStream.rangeClosed(1, S).mapToDouble(k -> Math.pow(k, -1.5)).toArray();
        int n = TRAIN + TEST;
        DMatrixRMaj f = new DMatrixRMaj(n, S);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < S; k++) {
                f.set(i, k, Math.sqrt(lambda[k]) * rng.nextGaussian());
            }
        }
        DMatrixRMaj omega = new DMatrixRMaj(S, OUTPUTS);
        for (int i = 0; i < omega.data.length; i++) {
            omega.data[i] = rng.nextGaussian() / Math.sqrt(S);
        }
        DMatrixRMaj y = new DMatrixRMaj(n, OUTPUTS);
        CommonOps_DDRM.mult(f, omega, y);

        WidthScaling.FeatureMap features = (width, seed) -> {
            DMatrixRMaj phi = new DMatrixRMaj(n, width);
            CommonOps_DDRM.multTransB(f, projection(width, seed), phi);
            return phi;
        };
        int[] widths = {4, 8, 16, 32, 64};
        int seeds = 6;
        LearningCurve curve = WidthScaling.measure(features, IntStream.range(0, TRAIN).toArray(),
                IntStream.range(TRAIN, n).toArray(), y, widths, seeds, 0.0, 100, ProgressListener.NONE);

        double[][] losses = curve.losses();
        for (int i = 0; i < widths.length; i++) {
            SummaryStatistics ratio = new SummaryStatistics();
            for (int s = 0; s < seeds; s++) {
                int p = widths[i];
                double expected = infiniteDataLoss(lambda, projection(64, SeedStream.replicate(100, s)), p, omega)
                        * (1 + (double) p / (TRAIN - p - 1));
                ratio.addValue(losses[s][i] / expected);
            }
            double se = ratio.getStandardDeviation() / Math.sqrt(seeds);
            assertEquals(1.0, ratio.getMean(), 4 * se + 1e-3, "P=" + widths[i]);
        }
    }

    /** The P_max × S Gaussian projection drawn by the feature map for a seed (first P rows = width P). */
    private static DMatrixRMaj projection(int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj proj = new DMatrixRMaj(width, S);
        for (int i = 0; i < proj.data.length; i++) {
            proj.data[i] = rng.nextGaussian();
        }
        return proj;
    }

    /** Bahri et al. eq. 1 (without the ½), averaged over the teacher columns. */
    private static double infiniteDataLoss(double[] lambda, DMatrixRMaj fullProjection, int p, DMatrixRMaj omega) {
        DMatrixRMaj proj = CommonOps_DDRM.extract(fullProjection, 0, p, 0, S);
        DMatrixRMaj lam = CommonOps_DDRM.diag(lambda);
        DMatrixRMaj pl = new DMatrixRMaj(p, S);
        CommonOps_DDRM.mult(proj, lam, pl);
        DMatrixRMaj cp = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransB(pl, proj, cp);
        DMatrixRMaj solved = new DMatrixRMaj(p, S);
        CommonOps_DDRM.solve(cp, pl, solved);
        DMatrixRMaj explained = new DMatrixRMaj(S, S);
        CommonOps_DDRM.multTransA(pl, solved, explained);
        DMatrixRMaj residual = CommonOps_DDRM.subtract(lam, explained, null);
        DMatrixRMaj ro = new DMatrixRMaj(S, OUTPUTS);
        CommonOps_DDRM.mult(residual, omega, ro);
        return CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(omega, ro, null)) / OUTPUTS;
    }

    /**
     * Above the interpolation threshold (P &gt; D) the losses come from the D × D dual system; they
     * must equal those of the minimum-norm least-squares solution θ = Φ⁺y computed independently by
     * EJML's SVD pseudo-inverse on the P features, and below it (P ≤ D, primal normal equations)
     * those of ordinary least squares.
     */
    @Test
    void lossesOnBothSidesOfTheInterpolationThresholdEqualTheMinimumNormSolution() {
        SplittableRandom rng = new SplittableRandom(23);
        int d = 12;
        int m = 30;
        int maxWidth = 40;
        DMatrixRMaj phiTrain = gaussian(d, maxWidth, rng);
        DMatrixRMaj phiTest = gaussian(m, maxWidth, rng);
        DMatrixRMaj yTrain = gaussian(d, 2, rng);
        DMatrixRMaj yTest = gaussian(m, 2, rng);
        int[] widths = {4, 8, 12, 16, 25, 40};
        double[] losses = WidthScaling.lossesOverWidths(phiTrain, yTrain, phiTest, yTest, widths, 0.0, new ArrayList<>());
        for (int i = 0; i < widths.length; i++) {
            int p = widths[i];
            DMatrixRMaj pinv = new DMatrixRMaj(p, d);
            CommonOps_DDRM.pinv(CommonOps_DDRM.extract(phiTrain, 0, d, 0, p), pinv);
            DMatrixRMaj theta = new DMatrixRMaj(p, 2);
            CommonOps_DDRM.mult(pinv, yTrain, theta);
            DMatrixRMaj prediction = new DMatrixRMaj(m, 2);
            CommonOps_DDRM.mult(CommonOps_DDRM.extract(phiTest, 0, m, 0, p), theta, prediction);
            double expected = DataScaling.meanSquaredError(prediction, yTest);
            assertEquals(expected, losses[i], 1e-8 * expected, "P = " + p + " (D = " + d + ")");
        }
    }

    private static DMatrixRMaj gaussian(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rng.nextGaussian();
        }
        return a;
    }
}
