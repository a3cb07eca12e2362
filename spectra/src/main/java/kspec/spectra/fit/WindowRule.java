package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The window search and the power-law verdict shared by every log–log fit ({@link LogLogFits},
 * {@link TargetSpectrum}).
 *
 * <h2>Automatic window</h2>
 * Only the ranks {@link TrustedRanks} trusts are used: above the numerical floor and at most n/10.
 * Within them every window [a, b] with b ≥ 10a (at least a decade) and ≥ 5 points, with end points
 * on a grid of 8 per decade, is fitted, and the local slope's drift across it is measured twice
 * ({@link SlopeDrift}). The window chosen is the widest (in decades, then in points) on which
 * neither drift is significant (|Δ| ≤ 2.576·SE(Δ)) — the longest stretch over which the local slope
 * stays flat. If none passes, the flattest window is taken, the one minimising the larger upper 95%
 * bound |Δ| + 1.96·SE(Δ). (Picking the flattest window on a clean spectrum instead would select on
 * noise and make the interval under-cover: 88% instead of 95% in our simulations.) If the trusted
 * range spans less than a decade the whole range is fitted and the verdict is {@code powerLaw =
 * false}. When the chosen window covers less than half of the trusted decades, the reason says so
 * (the verdict stays true): a slowly drifting spectrum can hold a short stretch on which noise hides
 * the drift.
 *
 * <h2>Verdict</h2>
 * A fit is a power law when its window spans at least a decade and the local slope stays within the
 * fit's own uncertainty: |Δ| ≤ 2h + 2.576·SE(Δ) + 10<sup>−6</sup> for both drift statistics Δ, where
 * h is the half-width of the fit's 95% interval on α (so both window ends stay within ±h of the
 * fitted slope), 2.576·SE(Δ) is the 99% noise allowance of the drift estimate itself (false-alarm
 * rate ≈ 1–2% on a clean power law) and 10<sup>−6</sup> absorbs rounding on noise-free input.
 * {@link SpectrumBootstrap} re-applies the rule with the bootstrap interval. Otherwise
 * {@code powerLaw = false} and {@code reason} says why; deep ReLU NTKs on image pixels typically fail
 * this test because their local slope drifts throughout.
 *
 * <p>The interval of every fit here is the regression's, α ± t<sub>0.975, m−2</sub>·SE
 * ({@link IntervalMethod#T_REGRESSION}).
 */
final class WindowRule {

    /** Minimum points of any regression. */
    static final int MIN_FIT_POINTS = 3;
    /** Grid points per decade for the end points of automatic windows. */
    private static final int WINDOW_GRID_PER_DECADE = 8;
    /** Minimum points of a window whose drift is assessed. */
    private static final int MIN_DRIFT_POINTS = 5;

    private WindowRule() {
    }

    /** The verdict on one window: a power law or not, and why (or a warning). */
    record Verdict(boolean powerLaw, String reason) {
    }

    /** Problems of an explicit window: {@code blocking} ones make the verdict false, {@code advice} does not. */
    record WindowWarnings(List<String> blocking, List<String> advice) {
        static final WindowWarnings NONE = new WindowWarnings(List.of(), List.of());
    }

    /**
     * Fits points that already lie in the trusted range (automatic window) or in an explicit window,
     * and applies the verdict.
     *
     * @param usable last rank above the numerical floor
     * @param n      kernel size
     */
    static PowerLawFit fitPoints(LogLogRegression.Points points, boolean auto, FitMethod method, int usable, int n) {
        if (auto) {
            return fitAuto(points, method);
        }
        return fitExplicit(points, 0, points.size() - 1, method,
                windowWarnings(points.lastRank()[points.size() - 1], usable, n));
    }

    /** Fit over explicit point indices and apply the verdict. */
    static PowerLawFit fitExplicit(LogLogRegression.Points p, int from, int to, FitMethod method,
                                   WindowWarnings warnings) {
        int m = to - from + 1;
        if (m < MIN_FIT_POINTS) {
            throw new IllegalArgumentException("too few points to fit: the window holds " + m
                    + "; need ≥ " + MIN_FIT_POINTS + " (widen the window)");
        }
        return finish(p, from, to, method, false, warnings);
    }

    /** Choose the window by the class rule, then fit. */
    static PowerLawFit fitAuto(LogLogRegression.Points p, FitMethod method) {
        int[] widest = null;
        double widestDecades = -1;
        int[] flattest = null;
        double flattestScore = Double.POSITIVE_INFINITY;
        int[] ends = gridIndices(p);
        for (int a = 0; a < ends.length; a++) {
            for (int b = a + 1; b < ends.length; b++) {
                int from = ends[a];
                int to = ends[b];
                int m = to - from + 1;
                if (m < MIN_DRIFT_POINTS || p.lastRank()[to] < 10L * p.firstRank()[from]) {
                    continue;
                }
                SlopeDrift drift = LogLogRegression.fit(p, from, to).drift();
                double decades = Math.log10((double) p.lastRank()[to] / p.firstRank()[from]);
                if (drift.within(0.0)
                        && (decades > widestDecades || decades == widestDecades && m > widest[1] - widest[0] + 1)) {
                    widestDecades = decades;
                    widest = new int[] {from, to};
                }
                double score = drift.upperBound95();
                if (score < flattestScore) {
                    flattestScore = score;
                    flattest = new int[] {from, to};
                }
            }
        }
        int[] best = widest != null ? widest : flattest != null ? flattest : new int[] {0, p.size() - 1};
        double trusted = Math.log10((double) p.lastRank()[p.size() - 1] / p.firstRank()[0]);
        double chosen = Math.log10((double) p.lastRank()[best[1]] / p.firstRank()[best[0]]);
        WindowWarnings advice = WindowWarnings.NONE;
        if (widest != null && chosen < 0.5 * trusted) {
            advice = new WindowWarnings(List.of(), List.of(String.format(Locale.ROOT,
                    "the power law holds on %.1f of the %.1f trusted decades only (ranks %d..%d); the local slope "
                            + "changes outside it, so α depends on the window", chosen, trusted,
                    p.firstRank()[0], p.lastRank()[p.size() - 1])));
        }
        return finish(p, best[0], best[1], method, true, advice);
    }

    private static double t975(int dof) {
        return new TDistribution(null, dof).inverseCumulativeProbability(0.975);
    }

    private static PowerLawFit finish(LogLogRegression.Points p, int from, int to, FitMethod method, boolean auto,
                                      WindowWarnings warnings) {
        LogLogRegression.Line line = LogLogRegression.fit(p, from, to);
        double alpha = -line.slope() - 1.0;
        double h = t975(line.points() - 2) * line.slopeStandardError();
        RankWindow window = new RankWindow(p.firstRank()[from], p.lastRank()[to], auto);
        Verdict v = verdict(line.drift(), h, window, warnings);
        return new PowerLawFit(method, new Estimate(alpha, line.slopeStandardError(), alpha - h, alpha + h,
                IntervalMethod.T_REGRESSION), window, v.powerLaw(), v.reason(), FitDiagnostics.ofLine(line));
    }

    /** The verdict rule of the class comment, with the window's warnings appended to the reason. */
    static Verdict verdict(SlopeDrift drift, double halfWidth, RankWindow window, WindowWarnings warnings) {
        List<String> reasons = new ArrayList<>();
        int iMin = window.iMin();
        int iMax = window.iMax();
        double decades = window.decades();
        if (decades < 1.0) {
            reasons.add(String.format(Locale.ROOT,
                    "window [%d, %d] spans %.2f decades (< 1): too short to call a power law", iMin, iMax, decades));
        } else if (!drift.measured()) {
            reasons.add("too few points in the window to assess the local slope");
        } else {
            if (!drift.quadraticWithin(halfWidth)) {
                reasons.add(String.format(Locale.ROOT,
                        "local slope drifts by %.3f across the window [%d, %d], more than the fit's uncertainty "
                                + "allows (%.3f = 2 × 95%% half-width %.3f + drift noise): not a single power law",
                        drift.quadratic(), iMin, iMax, SlopeDrift.allowed(halfWidth, drift.quadraticStandardError()),
                        halfWidth));
            }
            if (!drift.segmentWithin(halfWidth)) {
                reasons.add(String.format(Locale.ROOT,
                        "the slope of the last third of the window [%d, %d] differs from the first third's by %.3f, "
                                + "more than the fit's uncertainty allows (%.3f): a kink or bend, not a single power law",
                        iMin, iMax, drift.segment(), SlopeDrift.allowed(halfWidth, drift.segmentStandardError())));
            }
        }
        reasons.addAll(warnings.blocking());
        boolean powerLaw = reasons.isEmpty();
        reasons.addAll(warnings.advice());
        return new Verdict(powerLaw, String.join("; ", reasons));
    }

    /**
     * Warnings for explicit windows: reaching below the numerical floor blocks the verdict; reaching
     * past n/10 is advice only, since an explicit window may be meant for a spectrum without a
     * finite-n bend.
     */
    static WindowWarnings windowWarnings(int iMax, int usable, int n) {
        List<String> blocking = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        if (iMax > usable) {
            blocking.add("window reaches rank " + iMax + ", below the numerical floor n·ε·λ₁ (from rank "
                    + (usable + 1) + ")");
        }
        if (iMax > n / 10) {
            advice.add("window reaches rank " + iMax + " > n/10 = " + (n / 10)
                    + ": for a kernel spectrum the finite-n bend biases α low");
        }
        return new WindowWarnings(blocking, advice);
    }

    /** Point indices at grid ranks 10^(j/8), plus the last point. */
    private static int[] gridIndices(LogLogRegression.Points p) {
        List<Integer> idx = new ArrayList<>();
        double[] mid = new double[p.size()];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = 0.5 * (p.firstRank()[i] + p.lastRank()[i]);
        }
        int pos = 0;
        for (int j = 0; pos < mid.length; j++) {
            double g = Math.pow(10.0, (double) j / WINDOW_GRID_PER_DECADE);
            while (pos < mid.length && mid[pos] < g) {
                pos++;
            }
            if (pos < mid.length && (idx.isEmpty() || idx.get(idx.size() - 1) != pos)) {
                idx.add(pos);
            }
        }
        if (idx.get(idx.size() - 1) != mid.length - 1) {
            idx.add(mid.length - 1);
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
