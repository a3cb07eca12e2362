package kspec.dynamics.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.progress.ProgressListener;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.theory.DynamicsTheory;
import kspec.dynamics.theory.Losses;
import org.junit.jupiter.api.Test;

/**
 * The mean-field theory against the exact simulation of the finite model it describes, at the
 * paper's settings (a = 1.5, b = 1.25; Bordelon, Atanasov &amp; Pehlevan, arXiv 2402.01092, Fig. 2):
 * test and training losses at several times and at t = ∞, and E[v<sub>k</sub>/w*<sub>k</sub>] against
 * H<sub>k</sub>(t), each within 3 standard errors of the draw average, on both sides of the
 * interpolation peak P = D, and for every optimizer. Every run uses seed 1.
 */
class TheoryVersusSimulationTest {

    private static final double ERRORS = 3;
    private static final int[] TRACKED = {0, 3, 15};

    private static void assertAgree(ModeSpectrum spectrum, Sizes sizes, Optimizer optimizer, double[] times, int draws) {
        DynamicsTheory theory = new DynamicsTheory(spectrum);
        Simulation sim = new FiniteModelSimulator(spectrum).run(sizes, optimizer, times, draws, 1, TRACKED,
                ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            Losses expected = theory.losses(sizes, optimizer, times[i]);
            String where = sizes + ", " + optimizer + ", time " + times[i];
            MeanEstimate test = sim.test()[i];
            MeanEstimate train = sim.train()[i];
            assertTrue(test.deviationInErrors(expected.test()) <= ERRORS,
                    where + ": test " + test + " vs theory " + expected.test());
            if (expected.train() > 0) {
                assertTrue(train.deviationInErrors(expected.train()) <= ERRORS,
                        where + ": train " + train + " vs theory " + expected.train());
            } else {
                assertTrue(train.mean() <= 1e-12 * test.mean(), where + ": interpolating, train " + train);
            }
            if (optimizer instanceof Optimizer.FullBatch fullBatch && Double.isFinite(times[i])) {
                double[] h = theory.transfer(sizes, fullBatch, times[i]);
                for (int j = 0; j < TRACKED.length; j++) {
                    MeanEstimate m = sim.transfer(i, j);
                    assertTrue(m.deviationInErrors(h[TRACKED[j]]) <= ERRORS,
                            where + ": H_" + (TRACKED[j] + 1) + " " + m + " vs theory " + h[TRACKED[j]]);
                }
            }
        }
    }

    @Test
    void gradientFlowOnBothSidesOfTheInterpolationPeak() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(1.5, 1.25, 3000);
        double[] times = {2, 20, 200, Double.POSITIVE_INFINITY};
        for (Sizes sizes : new Sizes[] {Sizes.of(100, 400), Sizes.of(400, 100), Sizes.of(150, 300), Sizes.of(300, 150)}) {
            assertAgree(spectrum, sizes, new Optimizer.GradientFlow(), times, 40);
        }
    }

    @Test
    void gradientFlowWithUnlimitedDataOrWidth() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(1.5, 1.25, 3000);
        double[] times = {2, 20, 200, Double.POSITIVE_INFINITY};
        assertAgree(spectrum, Sizes.infiniteData(100), new Optimizer.GradientFlow(), times, 40);
        assertAgree(spectrum, Sizes.infiniteWidth(100), new Optimizer.GradientFlow(), times, 40);
    }

    /** GD below 1/g_max (Talbot rule in log z) and above it (oscillating top modes: circle rule). */
    @Test
    void discreteGradientDescent() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(1.5, 1.25, 2000);
        double[] steps = {3, 30, 300};
        assertAgree(spectrum, Sizes.of(100, 200), new Optimizer.GradientDescent(0.5), steps, 30);
        assertAgree(spectrum, Sizes.of(200, 100), new Optimizer.GradientDescent(1.3), steps, 30);
    }

    /** Heavy ball, under-damped (circle rule) and over-damped (Talbot rule in log z). */
    @Test
    void heavyBallMomentum() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(1.5, 1.25, 2000);
        assertAgree(spectrum, Sizes.of(200, 100), new Optimizer.Momentum(0.3, 0.5), new double[] {3, 30, 300}, 30);
        assertAgree(spectrum, Sizes.of(100, 200), new Optimizer.Momentum(0.05, 0.3), new double[] {3, 40, 400}, 30);
    }

    @Test
    void onePassSgd() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(1.5, 1.25, 500);
        double[] steps = {3, 30, 200};
        assertAgree(spectrum, Sizes.infiniteData(40), new Optimizer.OnePassSgd(0.3, 2), steps, 100);
        assertAgree(spectrum, Sizes.infinite(), new Optimizer.OnePassSgd(0.2, 1), steps, 100);
    }
}
