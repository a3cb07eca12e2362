package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The complexity fit on synthetic timings (never on live ones: those are noise on a shared machine). */
class ComplexityFitTest {

    /** t = 2e-9 · n³ exactly (an O(n³) eigensolver): c = 3, and the extrapolation is the law itself. */
    @Test
    void recoversAnExactPowerLawAndExtrapolatesIt() {
        int[] n = {1000, 2000, 4000, 8000};
        double[] t = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            t[i] = 2e-9 * Math.pow(n[i], 3);
        }
        ComplexityFit fit = ComplexityFit.of(n, t);
        assertEquals(3.0, fit.exponent(), 1e-12);
        assertEquals(1.0, fit.r2(), 1e-12);
        assertEquals(2e-9 * Math.pow(20000, 3), fit.predict(20000), 1e-9 * 2e-9 * Math.pow(20000, 3));
    }

    /**
     * Quadratic work plus a constant start-up cost t = 0.05 + 1e-7 n²: between n = 1000 and 8000 the
     * log–log slope is ln(t(8000)/t(1000)) / ln 8 = ln(6.45/0.15)/ln 8 = 1.809 for two points — the fit
     * reports the effective exponent over the measured range, below the asymptotic 2.
     */
    @Test
    void reportsTheEffectiveExponentOverTheMeasuredRange() {
        int[] n = {1000, 8000};
        double[] t = {0.05 + 1e-7 * 1e6, 0.05 + 1e-7 * 64e6};
        assertEquals(Math.log(6.45 / 0.15) / Math.log(8), ComplexityFit.of(n, t).exponent(), 1e-12);
    }

    /** The same law over n = 1000, 2000, 4000, 8000: the larger half (4000, 8000) gives ln(6.45/1.65)/ln 2 = 1.966. */
    @Test
    void theLargerHalfOfTheSizesApproachesTheAsymptoticExponent() {
        int[] n = {1000, 2000, 4000, 8000};
        double[] t = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            t[i] = 0.05 + 1e-7 * n[i] * (double) n[i];
        }
        assertEquals(Math.log(6.45 / 1.65) / Math.log(2), ComplexityFit.ofLargest(n, t).exponent(), 1e-12);
        assertEquals(2.0, ComplexityFit.ofLargest(new int[] {1000, 2000, 4000}, new double[] {1, 4, 16}).exponent(), 1e-12);
    }

    @Test
    void refusesTooFewOrNonPositiveMeasurements() {
        assertThrows(IllegalArgumentException.class, () -> ComplexityFit.of(new int[] {1000}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ComplexityFit.of(new int[] {1000, 2000}, new double[] {1, 0}));
    }
}
