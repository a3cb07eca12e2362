package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Least-squares power-law fits of descending kernel spectra in log–log coordinates,
 * λ<sub>i</sub> ∝ i<sup>−(1+α)</sup> (α = α<sub>K</sub>, notation of docs/README.md), each with an
 * honest verdict on whether a power law describes the spectrum at all.
 *
 * <ul>
 *   <li>{@link #leastSquares}: least squares of log λ<sub>i</sub> on log i over a rank window, optionally
 *       with weights 1/i (each decade then weighs the same, instead of the top decade dominating).</li>
 *   <li>{@link #plateau}: regression of plateau values on block-midpoint ranks, for staircase spectra
 *       (spherical-harmonic blocks, docs/sphere-spectra.md §5; {@link Staircase}).</li>
 *   <li>{@link #localSlope}: the local slope d log λ / d log i along the spectrum, for plots.</li>
 * </ul>
 * An automatic window ({@link FitWindow#auto()}) is the widest stretch of trusted ranks (above the
 * numerical floor, at most n/10) over which the local slope stays flat; the verdict asks the window
 * to span a decade and its local slope to drift no more than the fit's own uncertainty allows. Both
 * rules, with their constants, are written out in {@code WindowRule}. The interval is the
 * regression's, α ± t<sub>0.975, m−2</sub>·SE ({@link LogLogRegression}), which assumes independent
 * errors in log λ; eigenvalues of a kernel estimated from data are not independent (they are sorted,
 * and one data point moves all of them), so the regression interval is too narrow and the honest
 * one is {@link SpectrumBootstrap}'s over data points.
 *
 * <p>All methods take eigenvalues sorted descending (checked) and do not modify them.
 */
public final class LogLogFits {

    private LogLogFits() {
    }

    /**
     * Least-squares fit of log λ<sub>i</sub> = c − (1+α) log i over a window.
     *
     * @param eigsDescending      eigenvalues sorted descending. Not modified.
     * @param window              explicit ranks or {@link FitWindow#auto()}
     * @param inverseIndexWeights weight point i by 1/i ({@link FitMethod#LEAST_SQUARES_INVERSE_INDEX}) instead of 1
     *                            ({@link FitMethod#LEAST_SQUARES})
     * @return the fit with its regression interval and verdict
     * @throws IllegalArgumentException if the spectrum is not descending, the window lies outside it,
     *                                  holds a non-positive eigenvalue, or has fewer than 3 points
     */
    public static PowerLawFit leastSquares(double[] eigsDescending, FitWindow window, boolean inverseIndexWeights) {
        TrustedRanks.requireDescending(eigsDescending);
        int n = window.kernelSize(eigsDescending.length);
        int usable = TrustedRanks.usableRank(eigsDescending, n);
        FitMethod method = inverseIndexWeights ? FitMethod.LEAST_SQUARES_INVERSE_INDEX : FitMethod.LEAST_SQUARES;
        if (window.isAuto()) {
            int cap = TrustedRanks.cap(usable, n);
            TrustedRanks.requireEnoughForAuto(cap, usable, n, WindowRule.MIN_FIT_POINTS);
            return WindowRule.fitAuto(spectrumPoints(eigsDescending, cap, inverseIndexWeights), method);
        }
        TrustedRanks.requireUsableWindow(eigsDescending, window, usable);
        LogLogRegression.Points points = spectrumPoints(eigsDescending, window.iMax(), inverseIndexWeights);
        return WindowRule.fitExplicit(points, window.iMin() - 1, window.iMax() - 1, method,
                WindowRule.windowWarnings(window.iMax(), usable, n));
    }

    /**
     * Plateau-aware fit for staircase spectra, whose degenerate blocks (e.g. the N(d, ℓ) spherical
     * harmonics of degree ℓ) make single eigenvalues a poor description: the mean value of each block
     * is regressed, unweighted, in log–log on the block's midpoint rank (first + last)/2. An explicit
     * window keeps the blocks lying wholly inside it; the automatic window applies the window rule to
     * the block points (cap: blocks ending at or before n/10). With no plateaus this reduces to
     * {@link #leastSquares} on single eigenvalues.
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @param stairs         blocks of these eigenvalues ({@link Staircase#detect})
     * @param window         explicit ranks or automatic
     * @return the fit ({@link FitMethod#PLATEAU}); its diagnostics count blocks as points
     */
    public static PowerLawFit plateau(double[] eigsDescending, Staircase stairs, FitWindow window) {
        TrustedRanks.requireDescending(eigsDescending);
        int n = window.kernelSize(eigsDescending.length);
        int usable = TrustedRanks.usableRank(eigsDescending, n);
        int[] start = stairs.blockStart();
        int[] size = stairs.blockSize();
        double[] value = stairs.blockValue();
        int lastRankAllowed;
        if (window.isAuto()) {
            lastRankAllowed = TrustedRanks.cap(usable, n);
        } else {
            TrustedRanks.requireUsableWindow(eigsDescending, window, usable);
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
        if (kept.size() < WindowRule.MIN_FIT_POINTS) {
            throw new IllegalArgumentException("too few plateaus to fit: " + kept.size() + " block(s) lie wholly in "
                    + (window.isAuto() ? "ranks 1.." + lastRankAllowed + " (above the floor and ≤ n/10)"
                    : "the window " + window) + "; need ≥ " + WindowRule.MIN_FIT_POINTS
                    + " (widen the window or use a longer spectrum)");
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
        return WindowRule.fitPoints(new LogLogRegression.Points(x, y, w, firstRank, lastRank, false), window.isAuto(),
                FitMethod.PLATEAU, usable, n);
    }

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
        TrustedRanks.requireDescending(eigsDescending);
        if (smoothingWindow < 1) {
            throw new IllegalArgumentException("smoothing window must be ≥ 1 rank, got " + smoothingWindow);
        }
        int usable = TrustedRanks.usableRank(eigsDescending, eigsDescending.length);
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
}
