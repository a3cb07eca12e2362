package kspec.spectra.fit;

import kspec.core.stats.Resampling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Power-law fits of descending kernel spectra, λ<sub>i</sub> ∝ i<sup>−(1+α)</sup> (α = α<sub>K</sub>,
 * notation of docs/README.md), with an honest verdict on whether a power law describes the spectrum at all.
 *
 * <h2>Estimators</h2>
 * <ul>
 *   <li>{@link #leastSquares}: least squares of log λ<sub>i</sub> on log i over a rank window, optionally
 *       with weights 1/i (each decade then weighs the same, instead of the top decade dominating).
 *       Interval: α ± t<sub>0.975, m−2</sub>·SE (regression standard error; {@link LogLogRegression}).</li>
 *   <li>{@link #maximumLikelihood}: Clauset, Shalizi &amp; Newman 2009 (arXiv 0706.1062) continuous
 *       power-law MLE with a Kolmogorov–Smirnov-chosen cut-off — an estimator independent of the
 *       regression.</li>
 *   <li>{@link #plateau}: regression of plateau values on block-midpoint ranks, for staircase spectra
 *       (docs/sphere-spectra.md §5).</li>
 * </ul>
 *
 * <h2>Automatic window</h2>
 * Only ranks 1 ≤ i ≤ i<sub>cap</sub> are trusted, i<sub>cap</sub> = min(last rank with
 * λ<sub>i</sub> ≥ n·ε·λ₁ (the numerical floor of a dense eigensolver, ε = 2<sup>−52</sup>), ⌊n/10⌋
 * (eigenvalues of K/n track the operator's only for i ≪ n; windows reaching i ≳ n/10 bias α low at
 * the finite-n bend)), n the kernel size. Within that range every window [a, b] with b ≥ 10a (at least
 * a decade) and ≥ 5 points, with end points on a grid of 8 per decade, is fitted, and the local
 * slope's drift across it is measured twice: Δs from a quadratic in log–log, and the difference of the
 * slopes fitted to the first and last thirds of the window (which sees kinks and end bends). The window
 * chosen is the widest (in decades, then in points) on which neither drift is significant
 * (|Δ| ≤ 2.576·SE(Δ)) — the longest stretch over which the local slope stays flat. If none passes,
 * the flattest window is taken, the one minimising the larger upper 95% bound |Δ| + 1.96·SE(Δ).
 * (Picking the flattest window on a clean spectrum instead would select on noise and make the
 * interval under-cover: 88% instead of 95% in our simulations.) If the trusted range spans less than
 * a decade the whole range is fitted and the verdict is {@code powerLaw = false}. When the chosen
 * window covers less than half of the trusted decades, the reason says so (the verdict stays true):
 * a slowly drifting spectrum can hold a short stretch on which noise hides the drift.
 *
 * <h2>Verdict</h2>
 * A fit is a power law when its window spans at least a decade and the local slope stays within the
 * fit's own uncertainty: |Δ| ≤ 2h + 2.576·SE(Δ) + 10<sup>−6</sup> for both drift statistics Δ, where
 * h is the half-width of the fit's 95% interval on α (so both window ends stay within ±h of the
 * fitted slope), 2.576·SE(Δ) is the 99% noise allowance of the drift estimate itself (false-alarm
 * rate ≈ 1–2% on a clean power law) and 10<sup>−6</sup> absorbs rounding on noise-free input.
 * {@link #bootstrap} re-applies the rule with the bootstrap interval. Otherwise
 * {@code powerLaw = false} and {@code reason} says why; deep ReLU NTKs on image pixels typically fail
 * this test because their local slope drifts throughout.
 *
 * <h2>Uncertainty</h2>
 * The regression interval assumes independent errors in log λ. Eigenvalues of a kernel estimated
 * from data are neither independent nor identically distributed (they are sorted, and one data point
 * moves all of them), and the regression interval is then too narrow. The honest interval is the
 * {@link #bootstrap} over data points.
 *
 * <p>All methods take eigenvalues sorted descending (checked) and do not modify them.
 */
public final class SpectralFits {

    /** Method name of the unweighted log–log regression. */
    public static final String OLS = "ols-loglog";
    /** Method name of the 1/i-weighted log–log regression. */
    public static final String OLS_INVERSE_INDEX = "ols-loglog-1/i";
    /** Method name of the plateau regression. */
    public static final String PLATEAU = "plateau";
    /** Method name of the Clauset MLE. */
    public static final String MLE = "mle-clauset";

    /** Grid points per decade for the end points of automatic windows. */
    private static final int WINDOW_GRID_PER_DECADE = 8;
    /** Grid points per decade for the MLE cut-off search. */
    private static final int CUTOFF_GRID_PER_DECADE = 16;
    /** Minimum points of a window whose drift is assessed. */
    private static final int MIN_DRIFT_POINTS = 5;
    /** Minimum points of any regression. */
    private static final int MIN_FIT_POINTS = 3;
    /** Minimum tail size of the MLE: one decade of ranks. */
    private static final int MIN_TAIL = 10;
    /** Rounding allowance on the drift of noise-free spectra (slope units). */
    private static final double SLOPE_RESOLUTION = 1e-6;
    /** Normal quantile of the 99% two-sided drift allowance. */
    private static final double Z_99 = 2.5758293035489;
    /** Normal quantile of the 95% two-sided interval. */
    private static final double Z_95 = 1.959963984540054;
    /** Asymptotic 5% Kolmogorov critical value, times 1/√n. */
    private static final double KS_CRITICAL_5 = 1.358;
    /** Double-precision unit roundoff used for the numerical floor. */
    private static final double EPS = Math.ulp(1.0);

    private SpectralFits() {
    }

    // ------------------------------------------------------------------ least squares

    /**
     * Least-squares fit of log λ<sub>i</sub> = c − (1+α) log i over a window.
     *
     * @param eigsDescending      eigenvalues sorted descending. Not modified.
     * @param window              explicit ranks or {@link FitWindow#auto()} (rule in the class comment)
     * @param inverseIndexWeights weight point i by 1/i (method "ols-loglog-1/i") instead of 1 ("ols-loglog")
     * @return the fit with its regression interval and verdict
     * @throws IllegalArgumentException if the spectrum is not descending, the window lies outside it,
     *                                  holds a non-positive eigenvalue, or has fewer than 3 points
     */
    public static PowerLawFit leastSquares(double[] eigsDescending, FitWindow window, boolean inverseIndexWeights) {
        requireDescending(eigsDescending);
        int n = window.kernelSize(eigsDescending.length);
        int usable = usableRank(eigsDescending, n);
        String method = inverseIndexWeights ? OLS_INVERSE_INDEX : OLS;
        if (window.isAuto()) {
            int cap = Math.min(usable, n / 10);
            requireEnoughForAuto(cap, usable, n, MIN_FIT_POINTS);
            LogLogRegression.Points points = spectrumPoints(eigsDescending, cap, inverseIndexWeights);
            return fitAuto(points, method);
        }
        requireUsableWindow(eigsDescending, window, usable);
        LogLogRegression.Points points = spectrumPoints(eigsDescending, window.iMax(), inverseIndexWeights);
        return fitExplicit(points, window.iMin() - 1, window.iMax() - 1, method,
                windowWarnings(window.iMax(), usable, n));
    }

    // ------------------------------------------------------------------ plateaus

    /**
     * Finds blocks of near-equal consecutive eigenvalues (rule in {@link Staircase}) among the ranks
     * above the numerical floor.
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @param relTol         relative tolerance, e.g. 1e-3 for exact multiplicities computed in float64,
     *                       larger (1e-2…5e-2) for Gram matrices of finitely many sphere points
     */
    public static Staircase detectStaircase(double[] eigsDescending, double relTol) {
        requireDescending(eigsDescending);
        if (!(relTol >= 0 && relTol < 1)) {
            throw new IllegalArgumentException("relTol must lie in [0, 1), got " + relTol);
        }
        int usable = usableRank(eigsDescending, eigsDescending.length);
        List<int[]> blocks = new ArrayList<>();
        int start = 0;
        while (start < usable) {
            int end = start;
            double anchor = eigsDescending[start];
            while (end + 1 < usable && anchor - eigsDescending[end + 1] <= relTol * anchor) {
                end++;
            }
            blocks.add(new int[] {start, end});
            start = end + 1;
        }
        return toStaircase(eigsDescending, blocks, relTol);
    }

    /** A gap is a block boundary when it exceeds this multiple of the local median gap. */
    static final double GAP_RATIO = 10.0;

    /**
     * Finds plateaus in the spectrum of a <em>finite-sample</em> kernel matrix, where sampling splits
     * each degenerate block (e.g. the N(d_in, k) spherical harmonics of degree k, docs/sphere-spectra.md §1) into
     * a cluster whose spread (≈ 10% on 2,000 sphere points) exceeds any tolerance that would not also
     * chain a smooth power law into blocks.
     *
     * <p>Rule: with gaps g<sub>i</sub> = ln(λ<sub>i</sub>/λ<sub>i+1</sub>), rank i ends a block when
     * g<sub>i</sub> &gt; {@value #GAP_RATIO} × the median gap over ranks i ± w (w = 5…50, growing as
     * i/5) — a smooth spectrum has gaps that vary slowly, a staircase has gaps between clusters far
     * larger than within them (15–80 × the median on 2,000 points of S², S³, S⁴). Within a cluster the
     * gaps are roughly exponential, so one exceeds 10 × the median (≈ 7 × the mean) with probability
     * e<sup>−7</sup> ≈ 0.001; a threshold of 4 would split a block of 11 about half the time. A candidate block of two or more ranks is kept only if it is flat:
     * its internal range ln(λ<sub>first</sub>/λ<sub>last</sub>) is below the gaps that bound it (and
     * it is bounded by at least one); otherwise its ranks become single blocks. A smooth spectrum thus yields single blocks and is
     * not a staircase. Ranks below the numerical floor are ignored.
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @return the blocks; {@link Staircase#relTol()} is NaN (no tolerance is used)
     */
    public static Staircase detectStaircaseByGaps(double[] eigsDescending) {
        requireDescending(eigsDescending);
        int m = usableRank(eigsDescending, eigsDescending.length);
        double[] gap = new double[Math.max(0, m - 1)];
        for (int i = 0; i + 1 < m; i++) {
            gap[i] = Math.log(eigsDescending[i] / eigsDescending[i + 1]);
        }
        boolean[] ends = new boolean[gap.length];
        for (int i = 0; i < gap.length; i++) {
            int w = Math.max(5, Math.min(50, i / 5));
            double[] local = Arrays.copyOfRange(gap, Math.max(0, i - w), Math.min(gap.length, i + w + 1));
            Arrays.sort(local);
            double median = local[local.length / 2];
            // exact plateaus have median 0: any gap above rounding then ends a block
            ends[i] = gap[i] > GAP_RATIO * median && gap[i] > 1e-9;
        }
        List<int[]> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < m; i++) {
            if (i == m - 1 || ends[i]) {
                double before = start > 0 ? gap[start - 1] : Double.POSITIVE_INFINITY;
                double after = i < m - 1 ? gap[i] : Double.POSITIVE_INFINITY;
                double bound = Math.min(before, after); // infinite only for one block spanning everything
                double range = Math.log(eigsDescending[start] / eigsDescending[i]);
                if (i > start && (range >= bound || bound == Double.POSITIVE_INFINITY)) {
                    for (int j = start; j <= i; j++) {
                        blocks.add(new int[] {j, j});
                    }
                } else {
                    blocks.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        return toStaircase(eigsDescending, blocks, Double.NaN);
    }

    private static Staircase toStaircase(double[] eigsDescending, List<int[]> blocks, double relTol) {
        int[] first = new int[blocks.size()];
        int[] size = new int[blocks.size()];
        double[] value = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            int s = blocks.get(b)[0];
            int e = blocks.get(b)[1];
            double sum = 0;
            for (int i = s; i <= e; i++) {
                sum += eigsDescending[i];
            }
            first[b] = s + 1;
            size[b] = e - s + 1;
            value[b] = sum / size[b];
        }
        return new Staircase(first, size, value, relTol);
    }

    /**
     * Plateau-aware fit for staircase spectra (docs/sphere-spectra.md §5): the mean value of each block of
     * {@link #detectStaircase} is regressed, unweighted, in log–log on the block's midpoint rank
     * (first + last)/2. An explicit window keeps the blocks lying wholly inside it; the automatic
     * window applies the class rule to the block points (cap: blocks ending at or before n/10).
     * With no plateaus this reduces to {@link #leastSquares} on single eigenvalues.
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @param relTol         block tolerance, see {@link #detectStaircase}
     * @param window         explicit ranks or automatic
     * @return the fit (method "plateau"); {@code points} counts blocks
     */
    public static PowerLawFit plateau(double[] eigsDescending, double relTol, FitWindow window) {
        return plateau(eigsDescending, detectStaircase(eigsDescending, relTol), window);
    }

    /**
     * The plateau fit on blocks found beforehand (e.g. by {@link #detectStaircaseByGaps}).
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @param stairs         blocks of these eigenvalues
     * @param window         explicit ranks or automatic
     */
    public static PowerLawFit plateau(double[] eigsDescending, Staircase stairs, FitWindow window) {
        requireDescending(eigsDescending);
        int n = window.kernelSize(eigsDescending.length);
        int usable = usableRank(eigsDescending, n);
        int[] start = stairs.blockStart();
        int[] size = stairs.blockSize();
        double[] value = stairs.blockValue();
        int lastRankAllowed;
        if (window.isAuto()) {
            lastRankAllowed = Math.min(usable, n / 10);
        } else {
            requireUsableWindow(eigsDescending, window, usable);
            lastRankAllowed = window.iMax();
        }
        int firstRankAllowed = window.isAuto() ? 1 : window.iMin();
        List<Integer> kept = new ArrayList<>();
        for (int b = 0; b < start.length; b++) {
            int last = start[b] + size[b] - 1;
            if (start[b] >= firstRankAllowed && last <= lastRankAllowed) {
                kept.add(b);
            }
        }
        if (kept.size() < MIN_FIT_POINTS) {
            throw new IllegalArgumentException("too few plateaus to fit: " + kept.size() + " block(s) lie wholly in "
                    + (window.isAuto() ? "ranks 1.." + lastRankAllowed + " (above the floor and ≤ n/10)"
                    : "the window " + window) + "; need ≥ " + MIN_FIT_POINTS
                    + " (widen the window, use a longer spectrum or lower relTol)");
        }
        int m = kept.size();
        double[] x = new double[m];
        double[] y = new double[m];
        double[] w = new double[m];
        int[] firstRank = new int[m];
        int[] lastRank = new int[m];
        for (int k = 0; k < m; k++) {
            int b = kept.get(k);
            firstRank[k] = start[b];
            lastRank[k] = start[b] + size[b] - 1;
            x[k] = Math.log(0.5 * (firstRank[k] + lastRank[k]));
            y[k] = Math.log(value[b]);
            w[k] = 1.0;
        }
        return fitPoints(new LogLogRegression.Points(x, y, w, firstRank, lastRank, false), window.isAuto(),
                PLATEAU, usable, n);
    }

    /**
     * Fits points that already lie in the trusted range (auto) or in an explicit window, and applies
     * the verdict; used by the plateau fit and {@link TargetSpectrum}.
     *
     * @param usable last rank above the numerical floor
     * @param n      kernel size
     */
    static PowerLawFit fitPoints(LogLogRegression.Points points, boolean auto, String method, int usable, int n) {
        if (auto) {
            return fitAuto(points, method);
        }
        return fitExplicit(points, 0, points.size() - 1, method,
                windowWarnings(points.lastRank()[points.size() - 1], usable, n));
    }

    // ------------------------------------------------------------------ maximum likelihood

    /** {@link #maximumLikelihood(double[], int)} with the kernel size equal to the spectrum length. */
    public static PowerLawFit maximumLikelihood(double[] eigsDescending) {
        return maximumLikelihood(eigsDescending, eigsDescending.length);
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
     * α̂ ± 1.96·SE ("wald-mle"). These treat the eigenvalues as i.i.d. draws, which they are not; on an
     * exact power law the interval is wide (conservative) and ŝ is biased low by ≈ s·ln(2πk)/(2k).
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
    public static PowerLawFit maximumLikelihood(double[] eigsDescending, int kernelSize) {
        requireDescending(eigsDescending);
        int n = Math.max(kernelSize, eigsDescending.length);
        int usable = usableRank(eigsDescending, n);
        int cap = Math.min(usable, n / 10);
        requireEnoughForAuto(cap, usable, n, MIN_TAIL);
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
        double alpha = bestS - 1.0;
        double se = bestS / Math.sqrt(bestK);
        double critical = KS_CRITICAL_5 / Math.sqrt(bestK);
        boolean powerLaw = bestKs <= critical;
        String reason = powerLaw ? "" : String.format(Locale.ROOT,
                "KS distance %.4f of the top %d eigenvalues exceeds the 5%% critical value %.4f: not a power law",
                bestKs, bestK, critical);
        return new PowerLawFit(alpha, se, new double[] {alpha - Z_95 * se, alpha + Z_95 * se}, "wald-mle",
                1, bestK, bestK, true, Double.NaN, MLE, powerLaw, reason, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, bestKs, eigsDescending[bestK - 1]);
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

    // ------------------------------------------------------------------ local slope, agreement

    /**
     * Local slope d log λ / d log i for plotting: at rank i the least-squares slope of log λ on log i
     * over ranks i − h … i + h (h = {@code smoothingWindow}), truncated to the ranks above the
     * numerical floor. NaN where fewer than 2 ranks remain (and beyond the floor).
     *
     * @param eigsDescending  eigenvalues sorted descending. Not modified.
     * @param smoothingWindow half-width h ≥ 1 in ranks
     * @return one value per rank (index i − 1 for rank i)
     */
    public static double[] localSlope(double[] eigsDescending, int smoothingWindow) {
        requireDescending(eigsDescending);
        if (smoothingWindow < 1) {
            throw new IllegalArgumentException("smoothing window must be ≥ 1 rank, got " + smoothingWindow);
        }
        int usable = usableRank(eigsDescending, eigsDescending.length);
        double[] out = new double[eigsDescending.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < usable; i++) {
            int lo = Math.max(0, i - smoothingWindow);
            int hi = Math.min(usable - 1, i + smoothingWindow);
            if (hi - lo < 1) {
                continue;
            }
            double sx = 0;
            double sy = 0;
            for (int j = lo; j <= hi; j++) {
                sx += Math.log(j + 1);
                sy += Math.log(eigsDescending[j]);
            }
            int m = hi - lo + 1;
            double xBar = sx / m;
            double yBar = sy / m;
            double sxx = 0;
            double sxy = 0;
            for (int j = lo; j <= hi; j++) {
                double u = Math.log(j + 1) - xBar;
                sxx += u * u;
                sxy += u * (Math.log(eigsDescending[j]) - yBar);
            }
            out[i] = sxy / sxx;
        }
        return out;
    }

    /**
     * The disagreement flag: two fits agree when their 95% intervals on α overlap
     * (lo<sub>a</sub> ≤ hi<sub>b</sub> and lo<sub>b</sub> ≤ hi<sub>a</sub>). This is lenient — for
     * independent estimates it tolerates |α<sub>a</sub> − α<sub>b</sub>| up to h<sub>a</sub> + h<sub>b</sub>,
     * about a 99.4% test for equal errors — so a disagreement is a strong signal.
     */
    public static boolean agree(PowerLawFit a, PowerLawFit b) {
        double[] ca = a.ci95();
        double[] cb = b.ci95();
        return ca[0] <= cb[1] && cb[0] <= ca[1];
    }

    // ------------------------------------------------------------------ bootstrap

    /**
     * Bootstrap interval over data points. The caller resamples data rows, rebuilds the kernel and
     * returns its descending spectrum for replicate r = 0..replicates−1 ({@link Resampling} draws
     * the rows from a seed); this method refits each with {@code refit} (use the same estimator and
     * window rule as the point fit, e.g. {@code e -> leastSquares(e, FitWindow.auto(), true)}) and
     * returns the point fit with the new interval, standard error and re-applied verdict.
     *
     * <p>Eigenvalues are not i.i.d., so resampling them is wrong; data rows are (Efron &amp; Tibshirani
     * 1993). Two schemes, told apart by {@code subsampleFraction} f = m/n:
     * <ul>
     *   <li>f = 1: rows drawn with replacement (Efron). Duplicated rows make the kernel singular,
     *       which is harmless for its spectrum: the non-zero eigenvalues are those of the
     *       multinomially reweighted empirical measure, and the zero ones fall below the floor.
     *       Percentile interval [q<sub>2.5%</sub>, q<sub>97.5%</sub>] of α*.</li>
     *   <li>f &lt; 1: m-out-of-n subsampling without replacement (Politis, Romano &amp; Wolf 1999,
     *       <i>Subsampling</i>, §2.2), with the √n rate of eigenvalue fluctuations: interval
     *       [α̂ − √f·q<sub>97.5%</sub>(α* − α̂), α̂ − √f·q<sub>2.5%</sub>(α* − α̂)], SE = √f·sd(α*).
     *       Eigenvalues of K<sub>m</sub>/m estimate the same operator eigenvalues as K/n, so no
     *       rescaling of the spectrum is needed, but the subsample's finite-m bend sits at m/10: keep
     *       the window well below it (f ≥ 1/2 recommended).</li>
     * </ul>
     * Replicates whose refit throws are dropped and counted; more than 10% dropped makes the verdict
     * false.
     *
     * @param pointFit          the fit on the full data
     * @param refit             the estimator to apply to each replicate spectrum
     * @param resampledSpectrum replicate index → descending spectrum
     * @param replicates        number of replicates (≥ 20; 200+ for stable 2.5% quantiles)
     * @param subsampleFraction m/n in (0, 1]
     */
    public static PowerLawFit bootstrap(PowerLawFit pointFit, Function<double[], PowerLawFit> refit,
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
                alphas[ok] = refit.apply(resampledSpectrum.apply(r)).alpha();
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
        double alpha = pointFit.alpha();
        double sd = standardDeviation(sample);
        double[] ci;
        double se;
        String ciMethod;
        if (subsampleFraction == 1.0) {
            ci = new double[] {quantile(sample, 0.025), quantile(sample, 0.975)};
            se = sd;
            ciMethod = "percentile-bootstrap";
        } else {
            double root = Math.sqrt(subsampleFraction);
            ci = new double[] {alpha - root * (quantile(sample, 0.975) - alpha),
                               alpha - root * (quantile(sample, 0.025) - alpha)};
            se = root * sd;
            ciMethod = "subsampling";
        }
        List<String> notes = new ArrayList<>();
        boolean powerLaw = pointFit.powerLaw();
        Drift drift = Drift.of(pointFit);
        boolean blockedByWindow = !pointFit.powerLaw() && !Double.isNaN(pointFit.drift())
                && verdict(drift, pointFit.halfWidth95(), pointFit.iMin(), pointFit.iMax(),
                WindowWarnings.NONE).powerLaw();
        if (!Double.isNaN(pointFit.drift()) && !blockedByWindow) {
            Verdict v = verdict(drift, 0.5 * (ci[1] - ci[0]), pointFit.iMin(), pointFit.iMax(), WindowWarnings.NONE);
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
        return pointFit.withUncertainty(se, ci, ciMethod, powerLaw, String.join("; ", notes));
    }

    // ------------------------------------------------------------------ shared machinery

    /** Fit over explicit point indices and apply the verdict. */
    private static PowerLawFit fitExplicit(LogLogRegression.Points p, int from, int to, String method,
                                           WindowWarnings warnings) {
        int m = to - from + 1;
        if (m < MIN_FIT_POINTS) {
            throw new IllegalArgumentException("too few points to fit: the window holds " + m
                    + "; need ≥ " + MIN_FIT_POINTS + " (widen the window)");
        }
        return finish(p, from, to, method, false, warnings);
    }

    /** Choose the window by the class rule, then fit. */
    private static PowerLawFit fitAuto(LogLogRegression.Points p, String method) {
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
                LogLogRegression.Line line = LogLogRegression.fit(p, from, to);
                double decades = Math.log10((double) p.lastRank()[to] / p.firstRank()[from]);
                Drift drift = Drift.of(line);
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

    /** The two drift statistics of a window (quadratic and segment; {@link LogLogRegression}). */
    private record Drift(double quadratic, double quadraticSe, double segment, double segmentSe) {

        static Drift of(LogLogRegression.Line line) {
            return new Drift(line.drift(), line.driftStandardError(), line.segmentDrift(),
                    line.segmentDriftStandardError());
        }

        static Drift of(PowerLawFit fit) {
            return new Drift(fit.drift(), fit.driftStandardError(), fit.segmentDrift(),
                    fit.segmentDriftStandardError());
        }

        /** |Δ| ≤ 2h + 2.576·SE(Δ) + 10⁻⁶ for the quadratic drift and, when defined, the segment drift. */
        boolean within(double halfWidth) {
            return quadraticWithin(halfWidth) && segmentWithin(halfWidth);
        }

        boolean quadraticWithin(double halfWidth) {
            return Math.abs(quadratic) <= allowed(halfWidth, quadraticSe);
        }

        boolean segmentWithin(double halfWidth) {
            return Double.isNaN(segment) || Math.abs(segment) <= allowed(halfWidth, segmentSe);
        }

        /** The larger upper 95% bound of the two |Δ| (the flatness score of automatic windows). */
        double upperBound95() {
            double q = Math.abs(quadratic) + Z_95 * quadraticSe;
            return Double.isNaN(segment) ? q : Math.max(q, Math.abs(segment) + Z_95 * segmentSe);
        }

        static double allowed(double halfWidth, double se) {
            return 2 * halfWidth + Z_99 * se + SLOPE_RESOLUTION;
        }
    }

    private static double t975(int dof) {
        return new TDistribution(null, dof).inverseCumulativeProbability(0.975);
    }

    private static PowerLawFit finish(LogLogRegression.Points p, int from, int to, String method, boolean auto,
                                      WindowWarnings warnings) {
        LogLogRegression.Line line = LogLogRegression.fit(p, from, to);
        double alpha = -line.slope() - 1.0;
        double h = t975(line.points() - 2) * line.slopeStandardError();
        int iMin = p.firstRank()[from];
        int iMax = p.lastRank()[to];
        Verdict v = verdict(Drift.of(line), h, iMin, iMax, warnings);
        return new PowerLawFit(alpha, line.slopeStandardError(), new double[] {alpha - h, alpha + h}, "t-regression",
                iMin, iMax, line.points(), auto, line.r2(), method, v.powerLaw(), v.reason(),
                line.drift(), line.driftStandardError(), line.segmentDrift(), line.segmentDriftStandardError(),
                Double.NaN, Double.NaN);
    }

    private record Verdict(boolean powerLaw, String reason) {
    }

    /** Problems of an explicit window: {@code blocking} ones make the verdict false, {@code advice} does not. */
    private record WindowWarnings(List<String> blocking, List<String> advice) {
        static final WindowWarnings NONE = new WindowWarnings(List.of(), List.of());
    }

    /** The verdict rule of the class comment, with the window's warnings appended to the reason. */
    private static Verdict verdict(Drift drift, double halfWidth, int iMin, int iMax, WindowWarnings warnings) {
        List<String> reasons = new ArrayList<>();
        double decades = Math.log10((double) iMax / iMin);
        if (decades < 1.0) {
            reasons.add(String.format(Locale.ROOT,
                    "window [%d, %d] spans %.2f decades (< 1): too short to call a power law", iMin, iMax, decades));
        } else if (Double.isNaN(drift.quadratic())) {
            reasons.add("too few points in the window to assess the local slope");
        } else {
            if (!drift.quadraticWithin(halfWidth)) {
                reasons.add(String.format(Locale.ROOT,
                        "local slope drifts by %.3f across the window [%d, %d], more than the fit's uncertainty "
                                + "allows (%.3f = 2 × 95%% half-width %.3f + drift noise): not a single power law",
                        drift.quadratic(), iMin, iMax, Drift.allowed(halfWidth, drift.quadraticSe()), halfWidth));
            }
            if (!drift.segmentWithin(halfWidth)) {
                reasons.add(String.format(Locale.ROOT,
                        "the slope of the last third of the window [%d, %d] differs from the first third's by %.3f, "
                                + "more than the fit's uncertainty allows (%.3f): a kink or bend, not a single power law",
                        iMin, iMax, drift.segment(), Drift.allowed(halfWidth, drift.segmentSe())));
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
    private static WindowWarnings windowWarnings(int iMax, int usable, int n) {
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

    private static LogLogRegression.Points spectrumPoints(double[] eigs, int count, boolean inverseIndexWeights) {
        double[] x = new double[count];
        double[] y = new double[count];
        double[] w = new double[count];
        int[] rank = new int[count];
        for (int i = 0; i < count; i++) {
            rank[i] = i + 1;
            x[i] = Math.log(i + 1);
            y[i] = Math.log(eigs[i]);
            w[i] = inverseIndexWeights ? 1.0 / (i + 1) : 1.0;
        }
        return new LogLogRegression.Points(x, y, w, rank, rank, false);
    }

    // ------------------------------------------------------------------ validation

    /**
     * @return the last 1-based rank whose eigenvalue is positive and at least n·ε·λ₁
     */
    static int usableRank(double[] eigs, int n) {
        double floor = n * EPS * eigs[0];
        int r = 0;
        while (r < eigs.length && eigs[r] > 0 && eigs[r] >= floor) {
            r++;
        }
        return r;
    }

    /** Throws unless the explicit window fits in the spectrum, has ≥ 3 ranks and no λ ≤ 0. */
    static void requireUsableWindow(double[] eigs, FitWindow window, int usable) {
        requireInside(window, eigs.length);
        requirePositive(eigs, window.iMax(), usable);
    }

    static void requireDescending(double[] eigs) {
        if (eigs == null || eigs.length == 0) {
            throw new IllegalArgumentException("the spectrum is empty; pass the eigenvalues sorted descending");
        }
        for (int i = 0; i < eigs.length; i++) {
            if (!Double.isFinite(eigs[i])) {
                throw new IllegalArgumentException("eigenvalue at rank " + (i + 1) + " is " + eigs[i]
                        + "; remove non-finite values before fitting");
            }
            if (i > 0 && eigs[i] > eigs[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be sorted descending, but rank " + (i + 1)
                        + " (" + eigs[i] + ") exceeds rank " + i + " (" + eigs[i - 1] + "); sort them first");
            }
        }
        if (!(eigs[0] > 0)) {
            throw new IllegalArgumentException("the largest eigenvalue is " + eigs[0] + " ≤ 0: nothing to fit");
        }
    }

    private static void requireInside(FitWindow window, int length) {
        if (window.iMax() > length) {
            throw new IllegalArgumentException("fit window " + window.iMin() + ":" + window.iMax()
                    + " lies outside the spectrum of " + length + " eigenvalues (ranks 1.." + length
                    + "); choose 1 ≤ iMin < iMax ≤ " + length);
        }
        if (window.iMax() - window.iMin() + 1 < MIN_FIT_POINTS) {
            throw new IllegalArgumentException("too few points to fit: window " + window.iMin() + ":" + window.iMax()
                    + " holds " + (window.iMax() - window.iMin() + 1) + " ranks; need ≥ " + MIN_FIT_POINTS);
        }
    }

    private static void requirePositive(double[] eigs, int iMax, int usable) {
        for (int i = usable; i < iMax; i++) {
            if (!(eigs[i] > 0)) {
                throw new IllegalArgumentException("eigenvalue at rank " + (i + 1) + " is " + eigs[i]
                        + " ≤ 0 and has no logarithm; end the window before rank " + (i + 1)
                        + " (the numerical floor starts at rank " + (usable + 1) + ")");
            }
        }
    }

    static void requireEnoughForAuto(int cap, int usable, int n, int needed) {
        if (cap < needed) {
            throw new IllegalArgumentException("too few eigenvalues to fit: only " + cap + " rank(s) are trusted ("
                    + usable + " above the numerical floor, n/10 = " + (n / 10) + "); need ≥ " + needed
                    + " (use a larger kernel or an explicit window)");
        }
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double standardDeviation(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
