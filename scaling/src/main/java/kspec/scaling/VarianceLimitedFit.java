package kspec.scaling;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The variance-limited law L(X) = L∞ + c·X^−β (Bahri et al. 2021, arXiv 2102.06701, Theorem 1;
 * docs/regimes-and-duality.md §2: β = 1 when one resource is much larger than the other — e.g. the data axis at
 * fixed width P with D ≫ P — with L∞ the loss of the X → ∞ limit).
 *
 * <p>Fitted by profile least squares: for each candidate L∞ on a grid in [0, min L) the remaining
 * parameters come from ordinary least squares of log(L − L∞) on log X, and the L∞ with the smallest
 * residual sum of squares in log L wins (the grid is refined three times around the best point).
 * Use it only on the slice of a curve that is inside the variance-limited hierarchy.
 *
 * @param lInfinity the fitted asymptote L∞
 * @param beta      the decay exponent of L − L∞, with the OLS standard error and t-interval at the chosen
 *                  L∞ ({@link IntervalMethod#T_REGRESSION}); conditional on L∞, so too narrow
 */
public record VarianceLimitedFit(double lInfinity, Estimate beta) {

    private static final int GRID = 200;

    /**
     * @param sizes  X, ascending, at least 4
     * @param losses L(X) &gt; 0, one per size
     */
    public static VarianceLimitedFit fit(int[] sizes, double[] losses) {
        if (sizes.length < 4 || losses.length != sizes.length) {
            throw new IllegalArgumentException("a variance-limited fit needs at least 4 sizes with one loss each, got " + sizes.length);
        }
        double min = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            if (!(l > 0)) {
                throw new IllegalArgumentException("losses must be positive, got " + l);
            }
            min = Math.min(min, l);
        }
        double lo = 0;
        double hi = min;
        double best = 0;
        for (int round = 0; round < 4; round++) {
            double bestSse = Double.POSITIVE_INFINITY;
            for (int g = 0; g < GRID; g++) {
                double candidate = lo + (hi - lo) * g / GRID;
                double sse = residual(sizes, losses, candidate);
                if (sse < bestSse) {
                    bestSse = sse;
                    best = candidate;
                }
            }
            double step = (hi - lo) / GRID;
            lo = Math.max(0, best - step);
            hi = Math.min(min * (1 - 1e-12), best + step);
        }
        SimpleRegression ols = excessRegression(sizes, losses, best);
        double beta = -ols.getSlope();
        double half = ols.getSlopeConfidenceInterval();
        return new VarianceLimitedFit(best, new Estimate(beta, ols.getSlopeStdErr(), beta - half, beta + half,
                IntervalMethod.T_REGRESSION));
    }

    /** Residual sum of squares in log L of the model L∞ + exp(a)·X^b fitted with L∞ fixed. */
    private static double residual(int[] sizes, double[] losses, double lInfinity) {
        SimpleRegression ols = excessRegression(sizes, losses, lInfinity);
        double sse = 0;
        for (int i = 0; i < sizes.length; i++) {
            double model = lInfinity + Math.exp(ols.predict(Math.log(sizes[i])));
            double r = Math.log(losses[i]) - Math.log(model);
            sse += r * r;
        }
        return sse;
    }

    private static SimpleRegression excessRegression(int[] sizes, double[] losses, double lInfinity) {
        SimpleRegression ols = new SimpleRegression(true);
        for (int i = 0; i < sizes.length; i++) {
            ols.addData(Math.log(sizes[i]), Math.log(losses[i] - lInfinity));
        }
        return ols;
    }
}
