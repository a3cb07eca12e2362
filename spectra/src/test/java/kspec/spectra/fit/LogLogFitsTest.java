package kspec.spectra.fit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import kspec.core.stats.IntervalMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Log–log least-squares fits and the Clauset MLE on synthetic spectra with known exponents.
 * Reference values are closed forms (the generating exponent, the Hill estimator on exact quantiles,
 * the analytic local slope) or binomial bounds on Monte-Carlo coverage.
 */
class LogLogFitsTest {

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
        PowerLawFit ls = LogLogFits.leastSquares(lam, FitWindow.auto(), false);
        PowerLawFit lsw = LogLogFits.leastSquares(lam, FitWindow.auto(), true);
        PowerLawFit mle = ClausetMle.fit(lam);
        assertAll(
                () -> assertEquals(alpha, ls.alpha().value(), 0.05, "OLS"),
                () -> assertEquals(alpha, lsw.alpha().value(), 0.05, "OLS 1/i"),
                // Wald SE of the MLE is (1+α)/√k ≈ 0.1 here; its bias on an exact power law ≈ 2%
                () -> assertEquals(alpha, mle.alpha().value(), 0.1, "MLE"),
                () -> assertTrue(ls.alpha().overlaps(mle.alpha()), "LS and MLE intervals overlap"),
                () -> assertTrue(lsw.alpha().overlaps(mle.alpha()), "LS(1/i) and MLE intervals overlap"),
                () -> assertTrue(ls.window().iMax() <= N / 10, "auto window stops at n/10"),
                () -> assertTrue(ls.window().automatic()),
                () -> assertEquals(FitMethod.CLAUSET_MLE, mle.method()),
                () -> assertEquals(FitMethod.LEAST_SQUARES, ls.method()),
                () -> assertEquals(FitMethod.LEAST_SQUARES_INVERSE_INDEX, lsw.method()),
                () -> assertEquals(IntervalMethod.T_REGRESSION, ls.alpha().interval()),
                () -> assertEquals(IntervalMethod.WALD, mle.alpha().interval()),
                () -> assertEquals(-(1 + ls.alpha().value()), ls.slope(), 1e-15));
    }

    @Test
    void exactPowerLawGivesExactExponentAndPowerLawVerdict() {
        double[] lam = new double[N];
        for (int i = 0; i < N; i++) {
            lam[i] = 3.0 * Math.pow(i + 1, -1.5);
        }
        PowerLawFit fit = LogLogFits.leastSquares(lam, FitWindow.of(1, 200), true);
        assertEquals(0.5, fit.alpha().value(), 1e-12);
        assertEquals(1.0, fit.diagnostics().r2(), 1e-12);
        assertTrue(fit.powerLaw(), fit.reason());
        assertEquals("", fit.reason());
        // Hill estimator on exact quantiles: (1/k) Σ_j s·ln(k/j) = s·(ln k − ln(k!)/k), closed form for the chosen k
        PowerLawFit mle = ClausetMle.fit(lam);
        int k = mle.window().iMax();
        double lnFactorial = 0;
        for (int j = 2; j <= k; j++) {
            lnFactorial += Math.log(j);
        }
        double hill = 1.5 * (Math.log(k) - lnFactorial / k);
        assertEquals(hill - 1, mle.alpha().value(), 1e-12);
        // Wald interval: α ± 1.96·s/√k with s = 1 + α
        assertEquals(hill / Math.sqrt(k), mle.alpha().standardError(), 1e-12);
        assertEquals(hill - 1 - 1.959963984540054 * hill / Math.sqrt(k), mle.alpha().lo(), 1e-12);
        assertEquals(lam[k - 1], mle.diagnostics().cutoff(), 0.0);
        assertTrue(mle.diagnostics().ksDistance() < 1.358 / Math.sqrt(k));
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
            PowerLawFit ols = LogLogFits.leastSquares(lam, FitWindow.auto(), false);
            PowerLawFit wls = LogLogFits.leastSquares(lam, FitWindow.auto(), true);
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
        return fit.alpha().covers(alpha);
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
        PowerLawFit fit = LogLogFits.leastSquares(lam, FitWindow.auto(), true);
        assertFalse(fit.powerLaw());
        assertTrue(fit.reason().contains("local slope drifts"), fit.reason());
        double expectedDrift = -2 * c * Math.log((double) fit.window().iMax() / fit.window().iMin());
        assertEquals(expectedDrift, fit.diagnostics().drift().quadratic(), 1e-9);
        // the local slope curve matches the analytic −2c ln i in the middle of the spectrum
        double[] slope = LogLogFits.localSlope(lam, 5);
        assertEquals(-2 * c * Math.log(100), slope[99], 0.01);
        // and a clean power law passes
        double[] clean = noisyPowerLaw(0.5, 0.001, N, 3);
        PowerLawFit ok = LogLogFits.leastSquares(clean, FitWindow.auto(), true);
        assertTrue(ok.powerLaw(), ok.reason());
        assertTrue(ok.window().decades() >= 1.0);
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
        PowerLawFit ls = LogLogFits.leastSquares(lam, FitWindow.auto(), false);
        PowerLawFit mle = ClausetMle.fit(lam);
        assertEquals(-0.7, ls.alpha().value(), 1e-9);
        assertTrue(ls.window().iMax() <= 20, "window stays in the head: " + ls);
        assertFalse(ls.alpha().overlaps(mle.alpha()), ls + " vs " + mle);
    }

    @Test
    void localSlopeOfAnExactPowerLawIsConstant() {
        double[] lam = new double[300];
        for (int i = 0; i < lam.length; i++) {
            lam[i] = Math.pow(i + 1, -2.0);
        }
        double[] slope = LogLogFits.localSlope(lam, 3);
        for (double s : slope) {
            assertEquals(-2.0, s, 1e-12);
        }
    }

    @Test
    void badInputGetsOneClearMessage() {
        double[] lam = noisyPowerLaw(0.5, 0.001, 100, 1);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> LogLogFits.leastSquares(lam, FitWindow.of(10, 500), false));
        assertTrue(outside.getMessage().contains("outside the spectrum of 100 eigenvalues"), outside.getMessage());
        IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
                () -> LogLogFits.leastSquares(lam, FitWindow.of(10, 11), false));
        assertTrue(shortWindow.getMessage().contains("too few points"), shortWindow.getMessage());
        IllegalArgumentException zeroBased = assertThrows(IllegalArgumentException.class, () -> FitWindow.of(0, 10));
        assertTrue(zeroBased.getMessage().contains("1-based"), zeroBased.getMessage());
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class, () -> FitWindow.parse("10-20"));
        assertTrue(parse.getMessage().contains("IMIN:IMAX"), parse.getMessage());
        double[] tiny = {1.0, 0.5, 0.3, 0.2, 0.1};
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> LogLogFits.leastSquares(tiny, FitWindow.auto(), false));
        assertTrue(few.getMessage().contains("too few eigenvalues"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClausetMle.fit(tiny));
        double[] unsorted = {1.0, 0.5, 0.7};
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> LogLogFits.leastSquares(unsorted, FitWindow.of(1, 3), false));
        assertTrue(order.getMessage().contains("sorted descending"), order.getMessage());
        double[] withZero = {1.0, 0.5, 0.25, 0.0, 0.0};
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LogLogFits.leastSquares(withZero, FitWindow.of(1, 5), false));
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
        PowerLawFit fit = LogLogFits.leastSquares(lam, FitWindow.of(2, 500), false);
        assertTrue(fit.powerLaw(), fit.reason());
        assertTrue(fit.reason().contains("n/10"), fit.reason());
    }
}
