package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Resampling;
import kspec.core.stats.Stats;

/**
 * The honest interval of a spectral exponent: a bootstrap over data points. The regression interval
 * of {@link LogLogFits} assumes independent errors in log λ; eigenvalues of a kernel estimated from
 * data are neither independent nor identically distributed (they are sorted, and one data point moves
 * all of them), so that interval is too narrow.
 */
public final class SpectrumBootstrap {

    private SpectrumBootstrap() {
    }

    /**
     * Bootstrap interval over data points. The caller resamples data rows, rebuilds the kernel and
     * returns its descending spectrum for replicate r = 0..replicates−1 ({@link Resampling} draws
     * the rows from a seed); this method refits each with {@code refit} (use the same estimator and
     * window rule as the point fit, e.g. {@code e -> LogLogFits.leastSquares(e, FitWindow.auto(), true)})
     * and returns the point fit with the new interval, standard error and re-applied verdict.
     *
     * <p>Eigenvalues are not i.i.d., so resampling them is wrong; data rows are (Efron &amp; Tibshirani
     * 1993). Two schemes, told apart by {@code subsampleFraction} f = m/n:
     * <ul>
     *   <li>f = 1: rows drawn with replacement (Efron). Duplicated rows make the kernel singular,
     *       which is harmless for its spectrum: the non-zero eigenvalues are those of the
     *       multinomially reweighted empirical measure, and the zero ones fall below the floor.
     *       Percentile interval [q<sub>2.5%</sub>, q<sub>97.5%</sub>] of α*, SE = sd(α*)
     *       ({@link IntervalMethod#BOOTSTRAP_POINTS}).</li>
     *   <li>f &lt; 1: m-out-of-n subsampling without replacement (Politis, Romano &amp; Wolf 1999,
     *       <i>Subsampling</i>, §2.2), with the √n rate of eigenvalue fluctuations: interval
     *       [α̂ − √f·q<sub>97.5%</sub>(α* − α̂), α̂ − √f·q<sub>2.5%</sub>(α* − α̂)], SE = √f·sd(α*).
     *       Eigenvalues of K<sub>m</sub>/m estimate the same operator eigenvalues as K/n, so no
     *       rescaling of the spectrum is needed, but the subsample's finite-m bend sits at m/10: keep
     *       the window well below it (f ≥ 1/2 recommended; {@link IntervalMethod#SUBSAMPLING_POINTS}).</li>
     * </ul>
     * The power-law verdict is re-applied with the bootstrap half-width (rule in {@code WindowRule}).
     * Replicates whose refit throws are dropped and counted; more than 10% dropped makes the verdict
     * false.
     *
     * @param pointFit          the fit on the full data
     * @param refit             the estimator to apply to each replicate spectrum
     * @param resampledSpectrum replicate index → descending spectrum
     * @param replicates        number of replicates (≥ 20; 200+ for stable 2.5% quantiles)
     * @param subsampleFraction m/n in (0, 1]
     */
    public static PowerLawFit overPoints(PowerLawFit pointFit, Function<double[], PowerLawFit> refit,
                                         IntFunction<double[]> resampledSpectrum, int replicates,
                                         double subsampleFraction) {
        if (replicates < 20) {
            throw new IllegalArgumentException("need ≥ 20 bootstrap replicates for a 95% interval, got " + replicates);
        }
        if (!(subsampleFraction > 0 && subsampleFraction <= 1)) {
            throw new IllegalArgumentException("subsample fraction m/n must lie in (0, 1], got " + subsampleFraction);
        }
        double[] alphas = new double[replicates];
        int ok = 0;
        String lastFailure = "";
        for (int r = 0; r < replicates; r++) {
            try {
                alphas[ok] = refit.apply(resampledSpectrum.apply(r)).alpha().value();
                ok++;
            } catch (IllegalArgumentException e) {
                lastFailure = e.getMessage();
            }
        }
        if (ok < 20) {
            throw new IllegalArgumentException("only " + ok + " of " + replicates
                    + " bootstrap refits succeeded (last error: " + lastFailure + "); use a larger subsample");
        }
        double[] sample = Arrays.copyOf(alphas, ok);
        Arrays.sort(sample);
        double alpha = pointFit.alpha().value();
        double sd = Stats.sd(sample);
        Estimate interval;
        if (subsampleFraction == 1.0) {
            interval = new Estimate(alpha, sd, Stats.quantileSorted(sample, 0.025), Stats.quantileSorted(sample, 0.975),
                    IntervalMethod.BOOTSTRAP_POINTS);
        } else {
            double root = Math.sqrt(subsampleFraction);
            interval = new Estimate(alpha, root * sd, alpha - root * (Stats.quantileSorted(sample, 0.975) - alpha),
                    alpha - root * (Stats.quantileSorted(sample, 0.025) - alpha), IntervalMethod.SUBSAMPLING_POINTS);
        }
        List<String> notes = new ArrayList<>();
        boolean powerLaw = pointFit.powerLaw();
        SlopeDrift drift = pointFit.diagnostics().drift();
        RankWindow window = pointFit.window();
        boolean blockedByWindow = !pointFit.powerLaw() && drift.measured()
                && WindowRule.verdict(drift, pointFit.alpha().halfWidth(), window, WindowRule.WindowWarnings.NONE)
                .powerLaw();
        if (drift.measured() && !blockedByWindow) {
            WindowRule.Verdict v = WindowRule.verdict(drift, interval.halfWidth(), window, WindowRule.WindowWarnings.NONE);
            powerLaw = v.powerLaw();
            if (!v.reason().isEmpty()) {
                notes.add(v.reason());
            }
            if (pointFit.powerLaw() && !pointFit.reason().isEmpty()) {
                notes.add(pointFit.reason()); // advice on the window, e.g. past n/10
            }
        } else if (!pointFit.reason().isEmpty()) {
            notes.add(pointFit.reason());
        }
        int failed = replicates - ok;
        if (failed > 0.1 * replicates) {
            powerLaw = false;
            notes.add(failed + " of " + replicates + " bootstrap refits failed (" + lastFailure + ")");
        }
        return pointFit.withUncertainty(interval, powerLaw, String.join("; ", notes));
    }
}
