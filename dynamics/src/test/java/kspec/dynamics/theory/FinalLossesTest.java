package kspec.dynamics.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.spectra.theory.LearningCurveTheory;
import org.junit.jupiter.api.Test;

/**
 * The closed final-value systems against kspec's independent Bordelon–Canatar–Pehlevan kernel
 * regression theory (P = ∞), against the long-time limit of the time-domain theory, and in their
 * special cases.
 */
class FinalLossesTest {

    private static final ModeSpectrum SPECTRUM = ModeSpectrum.powerLaw(1.7, 1.3, 2500);

    /** At P = ∞ the model is ridgeless kernel regression: E_g of spectra.theory.LearningCurveTheory. */
    @Test
    void infiniteWidthIsBordelonCanatarPehlevanKernelRegression() {
        int[] ds = {10, 80, 640};
        double[] bcp = LearningCurveTheory.testLoss(SPECTRUM.eigenvalues(), SPECTRUM.taskPower(), ds, 0, 0);
        for (int i = 0; i < ds.length; i++) {
            assertEquals(bcp[i], FinalLosses.of(SPECTRUM, Sizes.infiniteWidth(ds[i])).test(), 1e-10 * bcp[i], "D=" + ds[i]);
        }
    }

    /**
     * L(t) and L̂(t) from the two-frequency inversion approach the closed forms at late time; the
     * late-time transients of power-law spectra are slow, so t = 1e8 leaves ~1e-6 of them.
     */
    @Test
    void timeDomainTheoryConvergesToTheFinalValues() {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        for (Sizes sizes : new Sizes[] {Sizes.of(60, 240), Sizes.of(240, 60), Sizes.infiniteData(90),
                Sizes.infiniteWidth(90)}) {
            Losses late = theory.losses(sizes, new Optimizer.GradientFlow(), 1e8);
            Losses end = FinalLosses.of(SPECTRUM, sizes);
            assertEquals(end.test(), late.test(), 1e-5 * end.test(), sizes.toString());
            assertEquals(end.train(), late.train(), 1e-5 * end.test(), sizes.toString());
        }
    }

    @Test
    void trainingLossIsTheTestLossScaledByTheSquaredDataResponse() {
        Losses l = FinalLosses.of(SPECTRUM, Sizes.of(50, 200));
        assertEquals(Math.pow(1 - 50.0 / 200, 2) * l.test(), l.train(), 1e-15);
        assertEquals(0, FinalLosses.of(SPECTRUM, Sizes.of(200, 50)).train());
    }

    @Test
    void interpolationPeakDivergesAndMoreSizeThanModesLearnsEverything() {
        assertEquals(Double.POSITIVE_INFINITY, FinalLosses.of(SPECTRUM, Sizes.of(100, 100)).test());
        assertEquals(0, FinalLosses.of(SPECTRUM, Sizes.of(3000, 2600)).test());
        assertEquals(0, FinalLosses.of(SPECTRUM, Sizes.infinite()).test());
        // the peak is approached continuously from both sides
        double below = FinalLosses.of(SPECTRUM, Sizes.of(99, 100)).test();
        double above = FinalLosses.of(SPECTRUM, Sizes.of(101, 100)).test();
        double far = FinalLosses.of(SPECTRUM, Sizes.of(50, 100)).test();
        assertEquals(true, below > 10 * far && above > 10 * far, below + " " + above + " " + far);
    }
}
