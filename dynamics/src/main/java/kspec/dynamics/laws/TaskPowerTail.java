package kspec.dynamics.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import kspec.spectra.fit.RankWindow;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.Well19937c;

/**
 * The task-power exponent a read from the tail of the cumulative task power, as Bordelon, Atanasov
 * &amp; Pehlevan do for CIFAR-5M (arXiv 2402.01092, eq. 20): with C(k) = Σ<sub>j≤k</sub>p<sub>j</sub>/Σ<sub>j</sub>p<sub>j</sub>,
 * p<sub>k</sub> ∼ k<sup>−a</sup> gives 1 − C(k) ∼ k<sup>−(a−1)</sup>. The tail sum averages the χ²-noisy
 * single-mode powers, so it is a steadier estimate than a fit to the powers themselves.
 *
 * <p><b>Finite number of modes.</b> The powers of a target in the eigenbasis of an n-point kernel
 * stop at mode n and add up to the target's whole mean square (Parseval), so the measured tail is
 * that of a power law cut at n: Σ<sub>j=k+1..n</sub> j<sup>−a</sup> ≈ ((k + ½)<sup>1−a</sup> − (n + ½)<sup>1−a</sup>)/(a − 1)
 * (midpoint rule), which bends away from k<sup>1−a</sup> long before k reaches n when a − 1 is small
 * (by 30% at k = n/10 for a = 1.5). The fit therefore minimises the squared log residuals of
 * 1 − C(k) against A·((k + ½)<sup>1−a</sup> − (n + ½)<sup>1−a</sup>)/(a − 1) over a (Brent's method on
 * (0, 20]; A profiled out), at log-spaced k ({@value #POINTS_PER_DECADE} per decade); a = 1 is the
 * logarithmic limit ln((n + ½)/(k + ½)).
 *
 * <p><b>Window.</b> k from 1 to min(number of modes)/10, the same trust rule as kspec's spectral fits
 * (the empirical eigenbasis of an n-point kernel is reliable only for k ≪ n), or as given.
 *
 * <p><b>Interval.</b> A multiplier bootstrap over modes: under the Gaussian-coefficient model each
 * measured power is its mean times χ²<sub>T</sub>/T (T target columns), so every replicate multiplies
 * each p<sub>k</sub> by an independent Gamma(T/2, 2/T) draw and refits; the 95% interval is the 2.5–97.5%
 * percentile range of the replicates, widened to contain the estimate, and the standard error their
 * standard deviation ({@link IntervalMethod#BOOTSTRAP_MODES}). It does not include the uncertainty
 * of the eigenbasis itself.
 *
 * @param a          the task-power exponent with its interval ({@link IntervalMethod#NONE} without replicates)
 * @param window     the modes k fitted (1-based ranks)
 * @param replicates the bootstrap values of a (for propagating the uncertainty)
 */
public record TaskPowerTail(Estimate a, RankWindow window, double[] replicates) {

    /** Log-spaced points per decade of k. */
    public static final int POINTS_PER_DECADE = 10;
    /** The search interval of a. */
    private static final double MIN_A = 1e-3;
    private static final double MAX_A = 20;

    public TaskPowerTail {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(window, "window");
        replicates = replicates.clone();
    }

    @Override
    public double[] replicates() {
        return replicates.clone();
    }

    /**
     * Fits a over the automatic window.
     *
     * @param modePower     p<sub>k</sub> per mode, in eigenvalue order. Not modified.
     * @param targetColumns T ≥ 1, the number of target columns summed into each p<sub>k</sub>
     * @param replicates    bootstrap replicates (≥ 20 for an interval, 0 for none)
     * @param seed          seed of the bootstrap
     */
    public static TaskPowerTail fit(double[] modePower, int targetColumns, int replicates, long seed) {
        int last = Math.max(1, modePower.length / 10);
        return fit(modePower, new RankWindow(1, last, true), targetColumns, replicates, seed);
    }

    /**
     * Fits a over the modes of a window (1-based, inclusive).
     *
     * @see #fit(double[], int, int, long)
     */
    public static TaskPowerTail fit(double[] modePower, RankWindow window, int targetColumns, int replicates, long seed) {
        int firstMode = window.iMin();
        int lastMode = window.iMax();
        if (lastMode >= modePower.length) {
            throw new IllegalArgumentException("tail window " + firstMode + ".." + lastMode + " must lie in 1.."
                    + (modePower.length - 1) + " (the tail after the last mode is empty)");
        }
        if (targetColumns < 1) {
            throw new IllegalArgumentException("target columns = " + targetColumns + "; it must be >= 1");
        }
        if (replicates != 0 && replicates < 20) {
            throw new IllegalArgumentException("a 95% bootstrap interval needs >= 20 replicates (or 0 for none), got " + replicates);
        }
        for (int k = 0; k < modePower.length; k++) {
            if (!(modePower[k] >= 0) || !Double.isFinite(modePower[k])) {
                throw new IllegalArgumentException("task power of mode " + (k + 1) + " is " + modePower[k]);
            }
        }
        int[] ks = logSpacedModes(firstMode, lastMode);
        if (ks.length < 3) {
            throw new IllegalArgumentException("the tail window " + firstMode + ".." + lastMode + " gives " + ks.length
                    + " log-spaced points; need >= 3 (more modes)");
        }
        double a = exponent(modePower, ks);
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("the task-power tail is zero inside modes " + firstMode + ".." + lastMode
                    + ": the target lies in the first modes only and has no power-law tail");
        }
        double[] values = new double[replicates];
        if (replicates > 0) {
            GammaDistribution gamma = new GammaDistribution(new Well19937c(seed), 0.5 * targetColumns, 2.0 / targetColumns);
            double[] resampled = new double[modePower.length];
            int kept = 0;
            for (int r = 0; r < replicates; r++) {
                for (int k = 0; k < modePower.length; k++) {
                    resampled[k] = modePower[k] * gamma.sample();
                }
                double value = exponent(resampled, ks);
                if (Double.isFinite(value)) {
                    values[kept++] = value;
                }
            }
            values = Arrays.copyOf(values, kept);
        }
        Estimate estimate = values.length >= 20
                ? Estimate.of(a, Stats.sd(values), Stats.percentileInterval(values, a), IntervalMethod.BOOTSTRAP_MODES)
                : Estimate.exact(a);
        return new TaskPowerTail(estimate, window, values);
    }

    /** @return the a that best fits log(1 − C(k)) at the given modes (class comment), NaN if a tail is empty */
    private static double exponent(double[] power, int[] ks) {
        double total = 0;
        for (double p : power) {
            total += p;
        }
        // tail[k] = Σ_{j>k} p_j, accumulated from the end for accuracy
        double[] tail = new double[power.length + 1];
        for (int k = power.length - 1; k >= 0; k--) {
            tail[k] = tail[k + 1] + power[k];
        }
        double[] logTail = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            double remaining = tail[ks[i]] / total; // modes after the first ks[i]
            if (!(remaining > 0)) {
                return Double.NaN;
            }
            logTail[i] = Math.log(remaining);
        }
        double end = power.length + 0.5;
        UnivariateFunction misfit = a -> {
            double[] r = new double[ks.length];
            double mean = 0;
            for (int i = 0; i < ks.length; i++) {
                r[i] = logTail[i] - Math.log(truncatedTail(ks[i] + 0.5, end, a));
                mean += r[i] / ks.length;
            }
            double sum = 0;
            for (double v : r) {
                sum += (v - mean) * (v - mean);
            }
            return sum;
        };
        return new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500), new UnivariateObjectiveFunction(misfit),
                GoalType.MINIMIZE, new SearchInterval(MIN_A, MAX_A)).getPoint();
    }

    /** ∫ from x to end of u<sup>−a</sup> du = (x<sup>1−a</sup> − end<sup>1−a</sup>)/(a − 1), ln(end/x) at a = 1. */
    static double truncatedTail(double x, double end, double a) {
        double e = 1 - a;
        if (Math.abs(e) < 1e-8) {
            return Math.log(end / x);
        }
        // (x^e − end^e)/(−e), written with expm1 so that small e keeps its digits
        double lx = Math.log(x);
        double le = Math.log(end);
        return Math.exp(e * lx) * -Math.expm1(e * (le - lx)) / -e;
    }

    private static int[] logSpacedModes(int first, int last) {
        List<Integer> ks = new ArrayList<>();
        double ratio = Math.pow(10, 1.0 / POINTS_PER_DECADE);
        double k = first;
        int previous = 0;
        while (k <= last) {
            int rounded = (int) Math.round(k);
            if (rounded > previous && rounded <= last) {
                ks.add(rounded);
                previous = rounded;
            }
            k *= ratio;
        }
        if (previous != last) {
            ks.add(last);
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }
}
