package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;

/**
 * The Clauset–Shalizi–Newman maximum-likelihood power-law fit of a descending spectrum, an estimator
 * of α<sub>K</sub> independent of the log–log regression ({@link LogLogFits}): where the two
 * disagree ({@link Estimate#overlaps}), a single exponent is in doubt.
 */
public final class ClausetMle {

    /** Grid points per decade for the cut-off search. */
    private static final int CUTOFF_GRID_PER_DECADE = 16;
    /** Minimum tail size: one decade of ranks. */
    private static final int MIN_TAIL = 10;
    /** Asymptotic 5% Kolmogorov critical value, times 1/√n. */
    private static final double KS_CRITICAL_5 = 1.358;

    private ClausetMle() {
    }

    /** {@link #fit(double[], int)} with the kernel size equal to the spectrum length. */
    public static PowerLawFit fit(double[] eigsDescending) {
        return fit(eigsDescending, eigsDescending.length);
    }

    /**
     * Clauset–Shalizi–Newman continuous power-law MLE (arXiv 0706.1062, eqs. 3.1–3.2 and §3.3),
     * treating the eigenvalues as samples.
     *
     * <p><b>From ranks to a density.</b> If λ<sub>i</sub> = C i<sup>−s</sup>, s = 1 + α, the counting
     * function is N(λ) = #{i : λ<sub>i</sub> ≥ λ} = (C/λ)<sup>1/s</sup>, so the eigenvalues, read as a
     * sample, have density −dN/dλ ∝ λ<sup>−β</sup> with β = 1 + 1/s. The Pareto part is the large-λ
     * end: a cut-off λ<sub>min</sub> = λ<sub>k</sub> keeps ranks 1..k, so the KS-chosen cut-off picks
     * the last trusted rank iMax = k (iMin = 1).
     *
     * <p><b>Estimate.</b> β̂ = 1 + k / Σ<sub>j≤k</sub> ln(λ<sub>j</sub>/λ<sub>k</sub>), i.e.
     * s = 1/(β̂ − 1) = (1/k) Σ<sub>j≤k</sub> ln(λ<sub>j</sub>/λ<sub>k</sub>) (the Hill estimator).
     * SE(β̂) = (β̂ − 1)/√k; by the delta method SE(α̂) = SE(s) = SE(β̂)/(β̂ − 1)² = s/√k; interval
     * α̂ ± 1.96·SE ({@link IntervalMethod#WALD}). These treat the eigenvalues as i.i.d. draws, which
     * they are not; on an exact power law the interval is wide (conservative) and ŝ is biased low by
     * ≈ s·ln(2πk)/(2k).
     *
     * <p><b>Cut-off.</b> k is chosen on a grid (16 per decade, 10 ≤ k ≤ min(floor rank, n/10)) to
     * minimise the KS distance between the empirical distribution of λ<sub>1..k</sub> and the fitted
     * Pareto CDF 1 − (λ/λ<sub>k</sub>)<sup>−(β−1)</sup>. Verdict: {@code powerLaw} when that distance is
     * below the asymptotic 5% Kolmogorov value 1.358/√k (lenient, as β is fitted; Clauset et al.
     * instead bootstrap a p-value).
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @param kernelSize     n, the size of the kernel the eigenvalues came from (≥ the spectrum length)
     * @throws IllegalArgumentException if fewer than 10 ranks are trusted
     */
    public static PowerLawFit fit(double[] eigsDescending, int kernelSize) {
        TrustedRanks.requireDescending(eigsDescending);
        int n = Math.max(kernelSize, eigsDescending.length);
        int usable = TrustedRanks.usableRank(eigsDescending, n);
        int cap = TrustedRanks.cap(usable, n);
        TrustedRanks.requireEnoughForAuto(cap, usable, n, MIN_TAIL);
        double[] prefixLog = new double[cap + 1];
        for (int j = 0; j < cap; j++) {
            prefixLog[j + 1] = prefixLog[j] + Math.log(eigsDescending[j]);
        }
        int bestK = -1;
        double bestKs = Double.POSITIVE_INFINITY;
        double bestS = Double.NaN;
        for (int k : logGrid(MIN_TAIL, cap, CUTOFF_GRID_PER_DECADE)) {
            double s = prefixLog[k] / k - Math.log(eigsDescending[k - 1]);
            if (!(s > 0)) {
                continue;
            }
            double ks = ksDistance(eigsDescending, k, s);
            if (ks <= bestKs) {
                bestKs = ks;
                bestK = k;
                bestS = s;
            }
        }
        if (bestK < 0) {
            throw new IllegalArgumentException("the top " + cap + " eigenvalues are all equal: no decay to fit");
        }
        double critical = KS_CRITICAL_5 / Math.sqrt(bestK);
        boolean powerLaw = bestKs <= critical;
        String reason = powerLaw ? "" : String.format(Locale.ROOT,
                "KS distance %.4f of the top %d eigenvalues exceeds the 5%% critical value %.4f: not a power law",
                bestKs, bestK, critical);
        Estimate alpha = Estimate.normal(bestS - 1.0, bestS / Math.sqrt(bestK), IntervalMethod.WALD);
        return new PowerLawFit(FitMethod.CLAUSET_MLE, alpha, new RankWindow(1, bestK, true), powerLaw, reason,
                new FitDiagnostics(bestK, Double.NaN, SlopeDrift.NONE, bestKs, eigsDescending[bestK - 1]));
    }

    /** KS distance of λ₁..λ_k / λ_k against the Pareto CDF F(x) = 1 − x^(−1/s), x ≥ 1. */
    private static double ksDistance(double[] eigs, int k, double s) {
        double lnMin = Math.log(eigs[k - 1]);
        double d = 0;
        // ascending order of the sample is descending rank: t-th smallest is rank k − t + 1
        for (int t = 1; t <= k; t++) {
            double lnX = Math.log(eigs[k - t]) - lnMin;
            double f = -Math.expm1(-lnX / s);
            d = Math.max(d, Math.max((double) t / k - f, f - (double) (t - 1) / k));
        }
        return d;
    }

    /** Integers round(10^(j/perDecade)) in [lo, hi], plus hi, ascending and distinct. */
    private static int[] logGrid(int lo, int hi, int perDecade) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; ; j++) {
            long k = Math.round(Math.pow(10.0, (double) j / perDecade));
            if (k > hi) {
                break;
            }
            if (k >= lo && (out.isEmpty() || out.get(out.size() - 1) != k)) {
                out.add((int) k);
            }
        }
        if (out.isEmpty() || out.get(out.size() - 1) != hi) {
            out.add(hi);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
