package kspec.spectra.fit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Power-law fits on synthetic spectra with known exponents. Reference values are closed forms
 * (the generating exponent, exact block multiplicities, the analytic local slope) or binomial
 * bounds on Monte-Carlo coverage.
 */
class SpectralFitsTest {

    private static final int N = 2000;

    /**
     * λ_i = i^(−(1+α))·exp(σ·ε_i), ε_i ~ N(0,1), sorted descending. With σ small against the gaps
     * (1+α)/i inside the trusted ranks i ≤ n/10, sorting leaves the window untouched and the
     * log-errors are independent, as the regression interval assumes.
     */
    static double[] noisyPowerLaw(double alpha, double sigma, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] lam = new double[n];
        for (int i = 0; i < n; i++) {
            lam[i] = Math.pow(i + 1, -(1 + alpha)) * Math.exp(sigma * gaussian(rng));
        }
        return descending(lam);
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller, one variate per call
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    static double[] descending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 1.0})
    void leastSquaresAndMleRecoverTheExponentAndAgree(double alpha) {
        // σ = 5%: sorting now reorders the tail, a realistic, correlated error
        double[] lam = noisyPowerLaw(alpha, 0.05, N, 7);
        PowerLawFit ls = SpectralFits.leastSquares(lam, FitWindow.auto(), false);
        PowerLawFit lsw = SpectralFits.leastSquares(lam, FitWindow.auto(), true);
        PowerLawFit mle = SpectralFits.maximumLikelihood(lam);
        assertAll(
                () -> assertEquals(alpha, ls.alpha(), 0.05, "OLS"),
                () -> assertEquals(alpha, lsw.alpha(), 0.05, "OLS 1/i"),
                // Wald SE of the MLE is (1+α)/√k ≈ 0.1 here; its bias on an exact power law ≈ 2%
                () -> assertEquals(alpha, mle.alpha(), 0.1, "MLE"),
                () -> assertTrue(SpectralFits.agree(ls, mle), "LS and MLE intervals overlap"),
                () -> assertTrue(SpectralFits.agree(lsw, mle), "LS(1/i) and MLE intervals overlap"),
                () -> assertTrue(ls.iMax() <= N / 10, "auto window stops at n/10"),
                () -> assertEquals("mle-clauset", mle.method()),
                () -> assertEquals("ols-loglog", ls.method()),
                () -> assertEquals("ols-loglog-1/i", lsw.method()),
                () -> assertEquals(-(1 + ls.alpha()), ls.slope(), 1e-15));
    }

    @Test
    void exactPowerLawGivesExactExponentAndPowerLawVerdict() {
        double[] lam = new double[N];
        for (int i = 0; i < N; i++) {
            lam[i] = 3.0 * Math.pow(i + 1, -1.5);
        }
        PowerLawFit fit = SpectralFits.leastSquares(lam, FitWindow.of(1, 200), true);
        assertEquals(0.5, fit.alpha(), 1e-12);
        assertEquals(1.0, fit.r2(), 1e-12);
        assertTrue(fit.powerLaw(), fit.reason());
        assertEquals("", fit.reason());
        // Hill estimator on exact quantiles: (1/k) Σ_j s·ln(k/j) = s·(ln k − ln(k!)/k), closed form for the chosen k
        PowerLawFit mle = SpectralFits.maximumLikelihood(lam);
        int k = mle.iMax();
        double lnFactorial = 0;
        for (int j = 2; j <= k; j++) {
            lnFactorial += Math.log(j);
        }
        double hill = 1.5 * (Math.log(k) - lnFactorial / k);
        assertEquals(hill - 1, mle.alpha(), 1e-12);
        assertEquals(lam[k - 1], mle.cutoff(), 0.0);
        assertTrue(mle.ksDistance() < 1.358 / Math.sqrt(k));
    }

    /**
     * Coverage of the regression interval over 200 seeds. For p = 0.95 the binomial standard error
     * is √(0.95·0.05/200) = 0.0154; we accept 0.95 ± 3 SE = [0.904, 0.996].
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 1.0})
    void regressionIntervalHasNominalCoverage(double alpha) {
        int seeds = 200;
        int coveredOls = 0;
        int coveredWeighted = 0;
        int powerLaw = 0;
        for (int seed = 0; seed < seeds; seed++) {
            double[] lam = noisyPowerLaw(alpha, 0.001, N, 1000 + seed);
            PowerLawFit ols = SpectralFits.leastSquares(lam, FitWindow.auto(), false);
            PowerLawFit wls = SpectralFits.leastSquares(lam, FitWindow.auto(), true);
            coveredOls += covers(ols, alpha) ? 1 : 0;
            coveredWeighted += covers(wls, alpha) ? 1 : 0;
            powerLaw += ols.powerLaw() ? 1 : 0;
        }
        double lo = 0.95 - 3 * Math.sqrt(0.95 * 0.05 / seeds);
        double hi = 0.95 + 3 * Math.sqrt(0.95 * 0.05 / seeds);
        double cOls = (double) coveredOls / seeds;
        double cW = (double) coveredWeighted / seeds;
        assertTrue(cOls >= lo && cOls <= hi, "OLS coverage " + cOls);
        assertTrue(cW >= lo && cW <= hi, "1/i-weighted coverage " + cW);
        // the verdict's false-alarm rate on a clean power law is < 1% by construction; allow 3%
        assertTrue(powerLaw >= 0.97 * seeds, "power-law verdicts " + powerLaw + " of " + seeds);
    }

    private static boolean covers(PowerLawFit fit, double alpha) {
        double[] ci = fit.ci95();
        return ci[0] <= alpha && alpha <= ci[1];
    }

    @Test
    void steadilyDriftingSpectrumIsNotAPowerLaw() {
        // λ_i = exp(−c (ln i)²): local slope d ln λ/d ln i = −2c ln i drifts by 2c·ln 10 ≈ 0.46 per decade
        double c = 0.1;
        double[] lam = new double[N];
        for (int i = 0; i < N; i++) {
            double li = Math.log(i + 1);
            lam[i] = Math.exp(-c * li * li);
        }
        PowerLawFit fit = SpectralFits.leastSquares(lam, FitWindow.auto(), true);
        assertFalse(fit.powerLaw());
        assertTrue(fit.reason().contains("local slope drifts"), fit.reason());
        double expectedDrift = -2 * c * Math.log((double) fit.iMax() / fit.iMin());
        assertEquals(expectedDrift, fit.drift(), 1e-9);
        // the local slope curve matches the analytic −2c ln i in the middle of the spectrum
        double[] slope = SpectralFits.localSlope(lam, 5);
        assertEquals(-2 * c * Math.log(100), slope[99], 0.01);
        // and a clean power law passes
        double[] clean = noisyPowerLaw(0.5, 0.001, N, 3);
        PowerLawFit ok = SpectralFits.leastSquares(clean, FitWindow.auto(), true);
        assertTrue(ok.powerLaw(), ok.reason());
        assertTrue(Math.log10((double) ok.iMax() / ok.iMin()) >= 1.0);
    }

    /**
     * A broken power law — slope −0.3 up to rank 20, −2 beyond — has no single exponent. The regression
     * keeps the widest flat stretch (the exact head, α = −0.7), the MLE's Hill average over ranks
     * 1..k mixes both regimes; their intervals do not overlap, which is the disagreement flag.
     */
    @Test
    void brokenPowerLawMakesTheEstimatorsDisagree() {
        double[] lam = new double[N];
        for (int i = 0; i < N; i++) {
            int r = i + 1;
            lam[i] = r <= 20 ? Math.pow(r, -0.3) : Math.pow(20, -0.3) * Math.pow(r / 20.0, -2.0);
        }
        PowerLawFit ls = SpectralFits.leastSquares(lam, FitWindow.auto(), false);
        PowerLawFit mle = SpectralFits.maximumLikelihood(lam);
        assertEquals(-0.7, ls.alpha(), 1e-9);
        assertTrue(ls.iMax() <= 20, "window stays in the head: " + ls);
        assertFalse(SpectralFits.agree(ls, mle), ls + " vs " + mle);
    }

    @Test
    void agreementIsOverlapOfIntervals() {
        PowerLawFit a = fitWithInterval(0.4, 0.6);
        assertTrue(SpectralFits.agree(a, fitWithInterval(0.6, 0.9)));
        assertTrue(SpectralFits.agree(fitWithInterval(0.0, 0.41), a));
        assertFalse(SpectralFits.agree(a, fitWithInterval(0.61, 0.9)));
        assertFalse(SpectralFits.agree(fitWithInterval(0.1, 0.39), a));
    }

    private static PowerLawFit fitWithInterval(double lo, double hi) {
        return new PowerLawFit(0.5 * (lo + hi), (hi - lo) / 3.92, new double[] {lo, hi}, "t-regression", 1, 100, 100,
                false, 1.0, SpectralFits.OLS, true, "", 0, 0, 0, 0, Double.NaN, Double.NaN);
    }

    @Test
    void localSlopeOfAnExactPowerLawIsConstant() {
        double[] lam = new double[300];
        for (int i = 0; i < lam.length; i++) {
            lam[i] = Math.pow(i + 1, -2.0);
        }
        double[] slope = SpectralFits.localSlope(lam, 3);
        for (double s : slope) {
            assertEquals(-2.0, s, 1e-12);
        }
    }

    /** Multiplicities of degree-k spherical harmonics on S^(d_in−1), docs/sphere-spectra.md §1. */
    static int harmonicMultiplicity(int dIn, int k) {
        if (k == 0) {
            return 1;
        }
        long binom = 1;
        for (int j = 1; j <= dIn - 2; j++) {
            binom = binom * (k + dIn - 3 - (dIn - 2) + j) / j;
        }
        return (int) ((2L * k + dIn - 2) * binom / k);
    }

    @Test
    void multiplicityFormulaMatchesKnownValues() {
        // S²: 2k+1; S³: (k+1)²
        assertEquals(7, harmonicMultiplicity(3, 3));
        assertEquals(16, harmonicMultiplicity(4, 3));
        assertEquals(1, harmonicMultiplicity(5, 0));
        // d_in = 5: (2k+3)(k+2)(k+1)/6 at k = 2 → 7·4·3/6 = 14
        assertEquals(14, harmonicMultiplicity(5, 2));
    }

    /**
     * A power law j^(−s) averaged over blocks of N(d_in, k) ranks: the plateau values of a degenerate
     * operator whose eigenvalue counting function is a power law. numpy (np.polyfit on the same
     * block means vs midpoints) gives slopes −1.504…−1.511 (d_in = 3, s = 1.5) and
     * −1.341…−1.350 (d_in = 4, s = 4/3) depending on the first block used: tolerance 0.02.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void staircaseIsDetectedAndPlateauFitRecoversTheExponent(int dIn) {
        int maxDegree = dIn == 3 ? 100 : 40;
        double s = dIn / (dIn - 1.0);
        int total = 0;
        for (int k = 0; k <= maxDegree; k++) {
            total += harmonicMultiplicity(dIn, k);
        }
        double[] lam = new double[total];
        int pos = 0;
        for (int k = 0; k <= maxDegree; k++) {
            int size = harmonicMultiplicity(dIn, k);
            double sum = 0;
            for (int j = pos; j < pos + size; j++) {
                sum += Math.pow(j + 1, -s);
            }
            Arrays.fill(lam, pos, pos + size, sum / size);
            pos += size;
        }
        Staircase stairs = SpectralFits.detectStaircase(lam, 1e-6);
        assertTrue(stairs.isStaircase());
        assertEquals(maxDegree + 1, stairs.blocks());
        int[] sizes = stairs.blockSize();
        for (int k = 0; k <= maxDegree; k++) {
            assertEquals(harmonicMultiplicity(dIn, k), sizes[k], "block " + k);
        }
        PowerLawFit fit = SpectralFits.plateau(lam, 1e-6, FitWindow.auto());
        assertEquals("plateau", fit.method());
        assertEquals(s - 1, fit.alpha(), 0.02);
        assertTrue(fit.iMax() <= total / 10);
        // a clean power law is not a staircase
        assertFalse(SpectralFits.detectStaircase(noisyPowerLaw(0.5, 0.001, N, 5), 1e-6).isStaircase());
    }

    /**
     * Finite-sample staircases: the degenerate blocks of the d_in = 3 harmonic spectrum (sizes 2k + 1,
     * values k^−3) each spread by a seeded ±6% (the spread of K/n eigenvalues of 2,000 sphere points,
     * where a 2% tolerance fragments the blocks). The gap rule must find the first blocks exactly,
     * a clean power law must yield no plateau and a 5%-noisy one no staircase.
     */
    @Test
    void gapRuleFindsSpreadPlateausButNoneInSmoothSpectra() {
        SplittableRandom rng = new SplittableRandom(3);
        int maxDegree = 8;
        double[] lam = new double[(maxDegree + 1) * (maxDegree + 1)];
        int pos = 0;
        for (int k = 0; k <= maxDegree; k++) {
            for (int j = 0; j < 2 * k + 1; j++) {
                lam[pos++] = Math.pow(k + 1, -3) * (1 + 0.06 * (2 * rng.nextDouble() - 1));
            }
        }
        Staircase stairs = SpectralFits.detectStaircaseByGaps(descending(lam));
        assertTrue(stairs.isStaircase(), stairs.toString());
        int[] sizes = stairs.blockSize();
        for (int k = 0; k <= maxDegree; k++) {
            assertEquals(2 * k + 1, sizes[k], "block " + k);
        }
        assertEquals(0, SpectralFits.detectStaircaseByGaps(noisyPowerLaw(0.5, 0.0, N, 5)).plateaus());
        // sorted 5% noise leaves rare isolated large gaps: at most a stray pair, never a staircase
        assertFalse(SpectralFits.detectStaircaseByGaps(noisyPowerLaw(0.5, 0.05, N, 5)).isStaircase());
    }

    @Test
    void plateauFitOnExplicitWindowMatchesNumpy() {
        // d_in = 3, block-averaged j^(−1.5), blocks 1..30 (ranks 2..961): np.polyfit slope −1.510560 on
        // blocks starting at k = 2 through the last block ending ≤ 1020, cross-checked below in Java
        int maxDegree = 40;
        double[] lam = new double[(maxDegree + 1) * (maxDegree + 1)];
        int pos = 0;
        for (int k = 0; k <= maxDegree; k++) {
            int size = 2 * k + 1;
            double sum = 0;
            for (int j = pos; j < pos + size; j++) {
                sum += Math.pow(j + 1, -1.5);
            }
            Arrays.fill(lam, pos, pos + size, sum / size);
            pos += size;
        }
        // blocks k = 2..30 occupy ranks k²+1 .. (k+1)²: 5 .. 961
        PowerLawFit fit = SpectralFits.plateau(lam, 1e-9, FitWindow.of(5, 961));
        assertEquals(29, fit.points());
        assertArrayEquals(new int[] {5, 961}, fit.window());
        double[] x = new double[29];
        double[] y = new double[29];
        for (int k = 2; k <= 30; k++) {
            x[k - 2] = Math.log(0.5 * (k * k + 1 + (k + 1) * (k + 1)));
            y[k - 2] = Math.log(lam[k * k]);
        }
        double xm = Arrays.stream(x).average().orElseThrow();
        double ym = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 29; i++) {
            sxy += (x[i] - xm) * (y[i] - ym);
            sxx += (x[i] - xm) * (x[i] - xm);
        }
        assertEquals(sxy / sxx, fit.slope(), 1e-12);
        assertEquals(-1.510560, fit.slope(), 5e-3);
    }

    @Test
    void badInputGetsOneClearMessage() {
        double[] lam = noisyPowerLaw(0.5, 0.001, 100, 1);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> SpectralFits.leastSquares(lam, FitWindow.of(10, 500), false));
        assertTrue(outside.getMessage().contains("outside the spectrum of 100 eigenvalues"), outside.getMessage());
        IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
                () -> SpectralFits.leastSquares(lam, FitWindow.of(10, 11), false));
        assertTrue(shortWindow.getMessage().contains("too few points"), shortWindow.getMessage());
        IllegalArgumentException zeroBased = assertThrows(IllegalArgumentException.class, () -> FitWindow.of(0, 10));
        assertTrue(zeroBased.getMessage().contains("1-based"), zeroBased.getMessage());
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class, () -> FitWindow.parse("10-20"));
        assertTrue(parse.getMessage().contains("IMIN:IMAX"), parse.getMessage());
        double[] tiny = {1.0, 0.5, 0.3, 0.2, 0.1};
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> SpectralFits.leastSquares(tiny, FitWindow.auto(), false));
        assertTrue(few.getMessage().contains("too few eigenvalues"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectralFits.maximumLikelihood(tiny));
        double[] unsorted = {1.0, 0.5, 0.7};
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> SpectralFits.leastSquares(unsorted, FitWindow.of(1, 3), false));
        assertTrue(order.getMessage().contains("sorted descending"), order.getMessage());
        double[] withZero = {1.0, 0.5, 0.25, 0.0, 0.0};
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> SpectralFits.leastSquares(withZero, FitWindow.of(1, 5), false));
        assertTrue(zero.getMessage().contains("rank 4"), zero.getMessage());
    }

    @Test
    void windowParsing() {
        assertTrue(FitWindow.parse(" AUTO ").isAuto());
        FitWindow w = FitWindow.parse("10:1000");
        assertEquals(10, w.iMin());
        assertEquals(1000, w.iMax());
        assertEquals("10:1000", w.toString());
    }

    @Test
    void explicitWindowPastTenthOfKernelWarnsButKeepsVerdict() {
        double[] lam = noisyPowerLaw(0.5, 0.001, 1000, 11);
        PowerLawFit fit = SpectralFits.leastSquares(lam, FitWindow.of(2, 500), false);
        assertTrue(fit.powerLaw(), fit.reason());
        assertTrue(fit.reason().contains("n/10"), fit.reason());
    }
}
