package kspec.scaling;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A scaling exponent α from L ∝ X^−α, fitted by least squares of log L on log X over a window of
 * sizes, with the loss averaged over seeds in log space (Bahri et al. 2021, arXiv 2102.06701).
 *
 * <p>Uncertainty: a percentile bootstrap over seeds (Efron &amp; Tibshirani 1993, ch. 13) — seeds are
 * resampled with replacement, the log-mean curve is recomputed and refitted — which captures the
 * seed-to-seed variability of the curve; its interval is [α*<sub>(⌊0.025(B−1)⌋)</sub>,
 * α*<sub>(⌈0.975(B−1)⌉)</sub>] of the B sorted replicates and its standard error their standard
 * deviation ({@link IntervalMethod#BOOTSTRAP_SEEDS}). With a single seed the ordinary least-squares
 * t-interval and standard error are used instead ({@link IntervalMethod#T_REGRESSION}). Neither
 * captures curvature (pre-asymptotic bends): read {@link #r2()} and the local slopes before trusting α.
 *
 * @param alpha     α = −slope, with its standard error and 95% interval
 * @param r2        coefficient of determination of the log–log fit
 * @param window    [X_min, X_max] of the sizes fitted (inclusive)
 * @param powerLaw  false when the log–log curve bends more than its own uncertainty allows
 * @param reason    why it is not a clean power law, or ""
 *
 * <p>The bend test mirrors the spectral verdict: a quadratic a + bx + cx² in x = log X gives the change
 * of slope across the window, Δs = 2c(x_max − x_min); the curve is a power law unless
 * |Δs| &gt; 2h + 2.576·se(Δs), h the half-width of the interval on α (needs ≥ 5 sizes; with fewer the
 * bend cannot be told from noise and the verdict stays true with a note).
 */
public record ScalingExponent(Estimate alpha, double r2, int[] window, boolean powerLaw, String reason) {

    /** Bootstrap replicates for the seed bootstrap. */
    static final int REPLICATES = 2000;

    public ScalingExponent {
        window = window.clone();
    }

    @Override
    public int[] window() {
        return window.clone();
    }

    /**
     * Fits α over the sizes in [from, to] (inclusive indices into the curve's sizes).
     *
     * @param seed seed of the bootstrap resampling
     */
    public static ScalingExponent fit(LearningCurve curve, int from, int to, long seed) {
        int[] sizes = curve.sizes();
        if (from < 0 || to >= sizes.length || to - from + 1 < 3) {
            throw new IllegalArgumentException("a scaling fit needs at least 3 sizes in its window; got indices "
                    + from + ".." + to + " of " + sizes.length + " sizes");
        }
        double[] mean = curve.geometricMeanLoss();
        SimpleRegression ols = regression(sizes, mean, from, to);
        double alpha = -ols.getSlope();
        int[] window = {sizes[from], sizes[to]};
        double[][] losses = curve.losses();
        if (losses.length == 1) {
            double t = new TDistribution(to - from - 1).inverseCumulativeProbability(0.975);
            double half = t * ols.getSlopeStdErr();
            return withVerdict(new Estimate(alpha, ols.getSlopeStdErr(), alpha - half, alpha + half,
                    IntervalMethod.T_REGRESSION), ols, window, sizes, mean, from, to);
        }
        double[] replicates = new double[REPLICATES];
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] resampled = new double[losses.length][];
        for (int b = 0; b < REPLICATES; b++) {
            for (int s = 0; s < losses.length; s++) {
                resampled[s] = losses[rng.nextInt(losses.length)];
            }
            replicates[b] = -regression(sizes, LearningCurve.geometricMean(resampled, sizes.length), from, to).getSlope();
        }
        Arrays.sort(replicates);
        double lo = replicates[(int) Math.floor(0.025 * (REPLICATES - 1))];
        double hi = replicates[(int) Math.ceil(0.975 * (REPLICATES - 1))];
        return withVerdict(new Estimate(alpha, Stats.sd(replicates), lo, hi, IntervalMethod.BOOTSTRAP_SEEDS), ols, window,
                sizes, mean, from, to);
    }

    private static ScalingExponent withVerdict(Estimate alpha, SimpleRegression ols, int[] window, int[] sizes,
                                               double[] loss, int from, int to) {
        int m = to - from + 1;
        if (m < 5) {
            return new ScalingExponent(alpha, ols.getRSquare(), window, true,
                    "only " + m + " sizes: a bend in the curve cannot be detected");
        }
        double[][] x = new double[m][2];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double lx = Math.log(sizes[from + i]);
            x[i][0] = lx;
            x[i][1] = lx * lx;
            y[i] = Math.log(loss[from + i]);
        }
        OLSMultipleLinearRegression quadratic = new OLSMultipleLinearRegression();
        quadratic.newSampleData(y, x);
        double span = Math.log(sizes[to]) - Math.log(sizes[from]);
        double c = quadratic.estimateRegressionParameters()[2];
        double seC = quadratic.estimateRegressionParametersStandardErrors()[2];
        double bend = 2 * c * span;
        double allowed = (alpha.hi() - alpha.lo()) + 2.576 * 2 * seC * span;
        boolean clean = Math.abs(bend) <= allowed;
        String reason = clean ? "" : String.format(Locale.ROOT,
                "the local slope changes by %.3f across the window (allowed %.3f): not a single power law", bend, allowed);
        return new ScalingExponent(alpha, ols.getRSquare(), window, clean, reason);
    }

    /** Fits α over every size of the curve. */
    public static ScalingExponent fitAll(LearningCurve curve, long seed) {
        return fit(curve, 0, curve.sizes().length - 1, seed);
    }

    private static SimpleRegression regression(int[] sizes, double[] loss, int from, int to) {
        SimpleRegression ols = new SimpleRegression(true);
        for (int i = from; i <= to; i++) {
            ols.addData(Math.log(sizes[i]), Math.log(loss[i]));
        }
        return ols;
    }
}
