package kspec.spectra.fit;

import static kspec.spectra.fit.LogLogFitsTest.descending;
import static kspec.spectra.fit.LogLogFitsTest.noisyPowerLaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Staircase detection and the plateau fit on spectra whose blocks are known: the spherical-harmonic
 * multiplicities N(d_in, k), exact or spread by seeded noise.
 */
class StaircaseTest {

    private static final int N = 2000;

    /**
     * Multiplicities N(d_in, k) = (2k + d_in − 2)/k · C(k + d_in − 3, d_in − 2) of the degree-k
     * spherical harmonics on S^(d_in−1) (k ≥ 1; N = 1 at k = 0).
     */
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
     * operator whose eigenvalue counting function is a power law. The detector must find every block
     * with its multiplicity; numpy (np.polyfit on the same block means vs midpoints) gives slopes
     * −1.504…−1.511 (d_in = 3, s = 1.5) and −1.341…−1.350 (d_in = 4, s = 4/3) depending on the first
     * block used: tolerance 0.02.
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
        Staircase stairs = Staircase.detect(lam);
        assertTrue(stairs.isStaircase());
        assertEquals(maxDegree + 1, stairs.blocks());
        int[] sizes = stairs.blockSize();
        for (int k = 0; k <= maxDegree; k++) {
            assertEquals(harmonicMultiplicity(dIn, k), sizes[k], "block " + k);
        }
        PowerLawFit fit = LogLogFits.plateau(lam, stairs, FitWindow.auto());
        assertEquals(FitMethod.PLATEAU, fit.method());
        assertEquals(s - 1, fit.alpha().value(), 0.02);
        assertTrue(fit.window().iMax() <= total / 10);
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
        Staircase stairs = Staircase.detect(descending(lam));
        assertTrue(stairs.isStaircase(), stairs.toString());
        int[] sizes = stairs.blockSize();
        for (int k = 0; k <= maxDegree; k++) {
            assertEquals(2 * k + 1, sizes[k], "block " + k);
        }
        assertEquals(0, Staircase.detect(noisyPowerLaw(0.5, 0.0, N, 5)).plateaus());
        // sorted 5% noise leaves rare isolated large gaps: at most a stray pair, never a staircase
        assertFalse(Staircase.detect(noisyPowerLaw(0.5, 0.05, N, 5)).isStaircase());
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
        PowerLawFit fit = LogLogFits.plateau(lam, Staircase.detect(lam), FitWindow.of(5, 961));
        assertEquals(29, fit.diagnostics().points());
        assertEquals(new RankWindow(5, 961, false), fit.window());
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
}
