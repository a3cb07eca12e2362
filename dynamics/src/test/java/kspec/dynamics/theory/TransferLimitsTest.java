package kspec.dynamics.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.laws.DualityCheck;
import org.junit.jupiter.api.Test;

/**
 * Limits the transfer function must reach: e<sup>−λt</sup> at P = D → ∞, the O(1/P) early correction
 * of App. D (doubling P halves it; the closed-form expansion matches at small λt), and the P ↔ D
 * symmetry of the mean predictor with an asymmetric full loss.
 */
class TransferLimitsTest {

    private static final ModeSpectrum SPECTRUM = ModeSpectrum.powerLaw(1.5, 1.25, 3000);
    private static final Optimizer.GradientFlow FLOW = new Optimizer.GradientFlow();

    @Test
    void infiniteWidthAndDataRelaxEachModeExponentially() {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        for (double t : new double[] {0.1, 3, 100, 1e4}) {
            double[] h = theory.transfer(Sizes.of(1e9, 1e9), FLOW, t);
            double loss = 0;
            for (int k = 0; k < h.length; k++) {
                double exact = Math.exp(-SPECTRUM.eigenvalue(k) * t);
                // the remaining O(1/P + 1/D) correction is c₀(2e-9)t at most
                assertEquals(exact, h[k], 1e-8 * Math.max(1, t) + 1e-10, "t=" + t + " k=" + k);
                loss += SPECTRUM.taskPower(k) * exact * exact;
            }
            assertEquals(loss, theory.losses(Sizes.infinite(), FLOW, t).test(), 1e-9 * loss, "loss at t=" + t);
        }
    }

    /** H_k(t; P, ∞) − e^(−λt) at early times, P = 100, 200, 400: each doubling halves it (to 1%). */
    @Test
    void earlyCorrectionHalvesWhenTheWidthDoubles() {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        double t = 0.5;
        double[] previous = null;
        for (int p : new int[] {100, 200, 400}) {
            double[] h = theory.transfer(Sizes.infiniteData(p), FLOW, t);
            double[] correction = {h[0] - Math.exp(-t), h[9] - Math.exp(-SPECTRUM.eigenvalue(9) * t)};
            if (previous != null) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(2, previous[k] / correction[k], 0.02, "P=" + p + " mode " + k);
                }
            }
            previous = correction;
        }
        double loss100 = theory.losses(Sizes.infiniteData(100), FLOW, t).test() - theory.losses(Sizes.infinite(), FLOW, t).test();
        double loss200 = theory.losses(Sizes.infiniteData(200), FLOW, t).test() - theory.losses(Sizes.infinite(), FLOW, t).test();
        assertEquals(2, loss100 / loss200, 0.02, "loss gap");
    }

    /**
     * The closed-form expansion against the full theory: within 3% at λ₁t = 0.1, and about 7% at
     * λ₁t = 0.5 (the next order, Σλ²/κ² against c₀/κ, is ~0.15 of the first there).
     */
    @Test
    void earlyTimeExpansionMatchesAtSmallTimes() {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        Sizes sizes = Sizes.of(300, 600);
        for (double t : new double[] {0.02, 0.1}) {
            double[] h = theory.transfer(sizes, FLOW, t);
            for (int k : new int[] {0, 4, 30}) {
                double l = SPECTRUM.eigenvalue(k);
                double exact = h[k] - Math.exp(-l * t);
                double expansion = EarlyTimeExpansion.correction(l, SPECTRUM.trace(), sizes, t);
                assertEquals(expansion, exact, 0.03 * expansion, "t=" + t + " k=" + k);
            }
        }
        double[] h = theory.transfer(sizes, FLOW, 0.5);
        double off = (h[0] - Math.exp(-0.5)) / EarlyTimeExpansion.correction(1, SPECTRUM.trace(), sizes, 0.5);
        assertTrue(off > 0.88 && off < 0.97, "ratio at λt = 0.5: " + off);
        double x = 1e-6;
        assertEquals(x * x / 2 - x * x * x / 3, EarlyTimeExpansion.secondOrderDecay(x), 1e-12 * x * x);
    }

    @Test
    void meanPredictorIsSymmetricUnderWidthDataExchangeButTheLossIsNot() {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        for (double t : new double[] {5, 500}) {
            DualityCheck check = DualityCheck.of(theory, Sizes.of(80, 320), FLOW, t);
            // κ agrees to rounding; the Talbot sum amplifies rounding by e^(2N/5) ~ 4e5
            assertEquals(check.bias(), check.biasSwapped(), 1e-10 * check.bias(), "t=" + t);
            assertTrue(Math.abs(check.losses().test() - check.lossesSwapped().test()) > 1e-3 * check.losses().test(),
                    "t=" + t + ": " + check);
            assertTrue(check.losses().test() > check.bias(), "the variance over draws adds to the bias");
        }
    }
}
