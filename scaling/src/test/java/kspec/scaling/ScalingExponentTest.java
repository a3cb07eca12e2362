package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * The learning-curve exponent and its two intervals on synthetic curves L_s(X) = X^−α·exp(σ·ε_s,X)
 * with independent standard-normal ε, where the error of the fitted slope is known in closed form.
 */
class ScalingExponentTest {

    private static final int[] SIZES = {16, 32, 64, 128, 256, 512, 1024};
    private static final double ALPHA = 0.8;

    private static LearningCurve curve(int seeds, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] losses = new double[seeds][SIZES.length];
        for (int s = 0; s < seeds; s++) {
            for (int i = 0; i < SIZES.length; i++) {
                double u = rng.nextDouble();
                double v = rng.nextDouble();
                double gaussian = Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
                losses[s][i] = Math.pow(SIZES[i], -ALPHA) * Math.exp(sigma * gaussian);
            }
        }
        return new LearningCurve(Axis.DATA, SIZES, losses, List.of());
    }

    private static double sxx() {
        double mean = 0;
        for (int x : SIZES) {
            mean += Math.log(x) / SIZES.length;
        }
        double sxx = 0;
        for (int x : SIZES) {
            sxx += (Math.log(x) - mean) * (Math.log(x) - mean);
        }
        return sxx;
    }

    /**
     * Over S seeds the log-mean curve has independent errors σ/√S per size, so the slope's standard
     * error is σ/√(S·S<sub>xx</sub>), and the plug-in bootstrap over seeds estimates it times
     * √((S − 1)/S). With S = 20 and 7 sizes σ̂ itself is uncertain by about 1/√(2·7·19) ≈ 6%:
     * the bootstrap standard error must match within 20%.
     */
    @Test
    void bootstrapOverSeedsEstimatesTheSlopesStandardError() {
        int seeds = 20;
        double sigma = 0.1;
        ScalingExponent fit = ScalingExponent.fitAll(curve(seeds, sigma, 3), 11);
        Estimate alpha = fit.alpha();
        double expected = sigma / Math.sqrt(seeds * sxx()) * Math.sqrt((seeds - 1.0) / seeds);
        assertEquals(IntervalMethod.BOOTSTRAP_SEEDS, alpha.interval());
        assertEquals(expected, alpha.standardError(), 0.2 * expected);
        assertEquals(ALPHA, alpha.value(), 4 * expected);
        // the percentile interval spans about ±1.96 standard errors
        assertEquals(2 * 1.96 * alpha.standardError(), alpha.hi() - alpha.lo(), 0.2 * 2 * 1.96 * alpha.standardError());
        assertTrue(fit.powerLaw(), fit.reason());
        assertEquals(16, fit.window()[0]);
        assertEquals(1024, fit.window()[1]);
    }

    /**
     * One seed: the least-squares slope, its standard error √(RSS/(m − 2)/S<sub>xx</sub>) and the
     * interval ± t<sub>0.975, 5</sub>·SE with t<sub>0.975, 5</sub> = 2.5705818356363146
     * (scipy.stats.t.ppf), computed here by hand.
     */
    @Test
    void oneSeedUsesTheRegressionTInterval() {
        LearningCurve one = curve(1, 0.05, 5);
        double[] y = one.geometricMeanLoss();
        double xMean = 0;
        double yMean = 0;
        for (int i = 0; i < SIZES.length; i++) {
            xMean += Math.log(SIZES[i]) / SIZES.length;
            yMean += Math.log(y[i]) / SIZES.length;
        }
        double sxy = 0;
        for (int i = 0; i < SIZES.length; i++) {
            sxy += (Math.log(SIZES[i]) - xMean) * (Math.log(y[i]) - yMean);
        }
        double slope = sxy / sxx();
        double rss = 0;
        for (int i = 0; i < SIZES.length; i++) {
            double r = Math.log(y[i]) - yMean - slope * (Math.log(SIZES[i]) - xMean);
            rss += r * r;
        }
        double se = Math.sqrt(rss / (SIZES.length - 2) / sxx());
        Estimate alpha = ScalingExponent.fitAll(one, 0).alpha();
        assertEquals(IntervalMethod.T_REGRESSION, alpha.interval());
        assertEquals(-slope, alpha.value(), 1e-12);
        assertEquals(se, alpha.standardError(), 1e-12);
        assertEquals(2.5705818356363146 * se, alpha.halfWidth(), 1e-10);
    }
}
