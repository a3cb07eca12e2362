package kspec.scaling.laws;

import java.util.List;
import kspec.core.progress.ProgressListener;
import smile.math.BFGS;

/**
 * Minimises a {@link LawObjective} by limited-memory BFGS (Liu &amp; Nocedal 1989, Math. Program. B
 * 45:503), the optimiser of Hoffmann et al.'s Approach 3, from one start or from a grid of starts.
 *
 * <p><b>Which L-BFGS.</b> Smile's {@code smile.math.BFGS} (Smile 3.1.1, already a kspec dependency):
 * Commons Math 3.6.1 offers only non-linear conjugate gradients, Powell, simplex, BOBYQA and CMA-ES
 * among its optimisers, and Hipparchus none of the BFGS family. Smile's L-BFGS stops when a step
 * moves every parameter by less than 4·10<sup>−8</sup> relative, or the scaled gradient falls below
 * {@link #GRADIENT_TOLERANCE}; it keeps {@link #HISTORY} correction pairs.
 */
final class LawFitter {

    /** L-BFGS correction pairs kept (scipy's default for L-BFGS-B). */
    static final int HISTORY = 10;
    /** Smile's scaled-gradient stopping tolerance: max |g_i|·max(|x_i|, 1)/max(f, 1). */
    static final double GRADIENT_TOLERANCE = 1e-12;
    /** Iteration cap of one minimisation. */
    static final int MAX_ITERATIONS = 2000;
    /** A start "reached the optimum" when its value is within this relative distance of the best. */
    static final double REACHED_TOLERANCE = 1e-6;
    /** Ratio of successive scales in the likelihood's continuation. */
    static final double CONTINUATION_FACTOR = 3;

    private LawFitter() {
    }

    /**
     * @param start the full parameter vector ({@link LawObjective#start}). Not modified.
     * @return the minimiser, or {@code null} if the minimisation diverged
     */
    static double[] minimise(LawObjective objective, double[] start) {
        double[] p = start.clone();
        try {
            BFGS.minimize(objective, HISTORY, p, GRADIENT_TOLERANCE, MAX_ITERATIONS);
            return p;
        } catch (LawObjective.Diverged e) {
            return null;
        }
    }

    /**
     * Fits a law: for {@link LossObjective#HUBER_SUM} the multi-start minimum; for
     * {@link LossObjective#HUBER_LIKELIHOOD} that minimum refined by {@link #likelihoodFrom}.
     */
    static LawFit fit(LossLaw law, LossObjective kind, LawData data, int[] rows, List<double[]> starts,
            ProgressListener progress) {
        LawObjective sum = new LawObjective(law, LossObjective.HUBER_SUM, data.x, data.y, rows);
        LawFit grid = multiStart(law, LossObjective.HUBER_SUM, sum, starts, progress);
        if (kind == LossObjective.HUBER_SUM) {
            return grid;
        }
        LawObjective likelihood = new LawObjective(law, kind, data.x, data.y, rows);
        double[] p = likelihoodFrom(likelihood, grid.parameters());
        if (p == null) {
            throw new IllegalStateException("the likelihood fit of " + law.formula() + " diverged from the summed-Huber "
                    + "optimum; use the summed Huber objective");
        }
        return new LawFit(law, kind, p, likelihood.f(p), grid.bestStart(), grid.starts(), grid.reached(), grid.diverged());
    }

    /**
     * Minimises the Huber likelihood from the law's parameters θ by continuation in the scale: at
     * σ = 1, 1/3, 1/9, … down to the likelihood's own scale at θ ({@link LawObjective#scaleAt}) it
     * minimises over θ with σ held fixed, each stage starting where the last ended, then over θ and
     * log σ together. At the optimum σ is ~10<sup>−5</sup>, so δσ ~ 10<sup>−8</sup>: the objective is
     * then nearly piecewise linear in θ and quasi-Newton steps from a distant start stall at its
     * kinks; the stages walk down from the smooth summed-Huber objective (σ = 1) instead.
     *
     * @param theta the law's parameters to start from. Not modified.
     * @return θ and log σ at the optimum, or {@code null} if a stage diverged
     */
    static double[] likelihoodFrom(LawObjective likelihood, double[] theta) {
        double[] t = theta.clone();
        for (double sigma = 1; sigma > likelihood.scaleAt(t); sigma /= CONTINUATION_FACTOR) {
            t = minimise(likelihood.withFixedScale(Math.log(sigma)), t);
            if (t == null) {
                return null;
            }
        }
        return minimise(likelihood, likelihood.start(t));
    }

    /**
     * Minimises from every start and keeps the lowest value.
     *
     * @param starts   grid points of the law's θ (completed by {@link LawObjective#start})
     * @param progress told of each start
     * @throws IllegalStateException if every start diverged
     */
    static LawFit multiStart(LossLaw law, LossObjective kind, LawObjective objective, List<double[]> starts,
            ProgressListener progress) {
        progress.start("L-BFGS from " + starts.size() + " starts: " + law.formula(), starts.size());
        try {
            return bestOf(law, kind, objective, starts, progress);
        } finally {
            progress.finish();
        }
    }

    private static LawFit bestOf(LossLaw law, LossObjective kind, LawObjective objective, List<double[]> starts,
            ProgressListener progress) {
        double[] values = new double[starts.size()];
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestStart = null;
        int diverged = 0;
        for (int k = 0; k < starts.size(); k++) {
            double[] p = minimise(objective, objective.start(starts.get(k)));
            values[k] = p == null ? Double.NaN : objective.f(p);
            if (p == null) {
                diverged++;
            } else if (values[k] < bestValue) {
                bestValue = values[k];
                best = p;
                bestStart = starts.get(k);
            }
            progress.advance(k + 1);
        }
        if (best == null) {
            throw new IllegalStateException("every one of the " + starts.size() + " starts of " + law.formula()
                    + " diverged; the runs do not follow this law");
        }
        double tolerance = REACHED_TOLERANCE * Math.max(Math.abs(bestValue), Double.MIN_NORMAL);
        int reached = 0;
        for (double v : values) {
            if (v <= bestValue + tolerance) {
                reached++;
            }
        }
        return new LawFit(law, kind, best, bestValue, bestStart, starts.size(), reached, diverged);
    }
}
