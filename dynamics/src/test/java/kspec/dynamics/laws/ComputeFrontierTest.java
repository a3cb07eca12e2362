package kspec.dynamics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.simulation.FiniteModelSimulator;
import kspec.dynamics.theory.DynamicsTheory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compute-optimal frontier measured from a (t, P) sweep of the theory at D = ∞ against the
 * formula of Bordelon, Atanasov &amp; Pehlevan (eq. 17; their Fig. 4 shows L* ∼ C<sup>−0.5</sup>,
 * C<sup>−0.40</sup>, C<sup>−0.33</sup> for b = 1, 1.5, 2 at a = 2): L* and P* exponents within ±0.05.
 *
 * <p>Budgets and modes: C from 10⁴ to 10⁶ with M = 10⁵ for b = 1, whose frontier converges slowest
 * (local L* slopes 0.471 and 0.491 per decade there in the numpy prototype); C from 10³ to 10⁶ with
 * M = 3·10⁴ otherwise. Widths on a grid of four per octave.
 */
class ComputeFrontierTest {

    private static double[] grid(double lo, double hi, int perOctave) {
        int n = (int) Math.round(Math.log(hi / lo) / Math.log(2) * perOctave) + 1;
        return IntStream.range(0, n).mapToDouble(i -> lo * Math.pow(2, (double) i / perOctave)).toArray();
    }

    @ParameterizedTest(name = "a = {0}, b = {1}")
    @CsvSource({"2, 1, 100000, 1e4", "2, 1.5, 30000, 1e3", "2, 2, 30000, 1e3"})
    void theoryFrontierFollowsTheComputeOptimalLaw(double a, double b, int modes, double firstBudget) {
        DynamicsTheory theory = new DynamicsTheory(ModeSpectrum.powerLaw(a, b, modes));
        Optimizer flow = new Optimizer.GradientFlow();
        double[] budgets = IntStream.range(0, (int) Math.round(Math.log10(1e6 / firstBudget)) + 1)
                .mapToDouble(i -> firstBudget * Math.pow(10, i)).toArray();
        ComputeFrontier frontier = ComputeFrontier.measure(budgets, grid(8, modes / 8.0, 4),
                (t, p) -> theory.losses(Sizes.infiniteData(p), flow, t).test());
        BottleneckLaws laws = new BottleneckLaws(a, b);
        assertTrue(frontier.points().stream().allMatch(ComputeFrontier.Point::interior), frontier.points().toString());
        assertEquals(laws.computeLoss(), frontier.lossSlope().exponent(), 0.05, "L*");
        assertEquals(laws.computeWidth(), frontier.widthSlope().slope(), 0.05, "P*");
    }

    @Test
    void figureFourExponents() {
        assertEquals(0.5, new BottleneckLaws(2, 1).computeLoss(), 1e-15);
        assertEquals(0.4, new BottleneckLaws(2, 1.5).computeLoss(), 1e-15);
        assertEquals(1.0 / 3, new BottleneckLaws(2, 2).computeLoss(), 1e-15);
        assertEquals(0.4, new BottleneckLaws(1.5, 1.25).time(), 1e-15);
        // a − 1 > 2b caps the width and data exponent at 2b
        assertEquals(1.0, new BottleneckLaws(4, 0.5).resource(), 1e-15);
    }

    /**
     * The same frontier measured on the simulator's (t, P) sweep (population gradient flow, 12 draws
     * per point) lands on the theory's: each simulated L* within 3 standard errors of the theory's
     * loss at the simulated optimum, whose grid position agrees within one grid step.
     */
    @Test
    void simulatedFrontierAgreesWithTheTheory() {
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(2, 1.5, 1500);
        DynamicsTheory theory = new DynamicsTheory(spectrum);
        FiniteModelSimulator simulator = new FiniteModelSimulator(spectrum);
        Optimizer flow = new Optimizer.GradientFlow();
        double[] widths = {8, 16, 32, 64, 128};
        double[] budgets = {300, 3000};
        ComputeFrontier fromTheory = ComputeFrontier.measure(budgets, widths,
                (t, p) -> theory.losses(Sizes.infiniteData(p), flow, t).test());
        ComputeFrontier fromSimulation = ComputeFrontier.measure(budgets, widths,
                (t, p) -> simulator.run(Sizes.infiniteData(p), flow, new double[] {t}, 12, 5, new int[0],
                        ProgressListener.NONE).test()[0].mean());
        for (int i = 0; i < budgets.length; i++) {
            ComputeFrontier.Point th = fromTheory.points().get(i);
            ComputeFrontier.Point sim = fromSimulation.points().get(i);
            assertEquals(Math.log(th.width()), Math.log(sim.width()), Math.log(2), "P* at C = " + budgets[i]);
            assertEquals(th.loss(), sim.loss(), 0.1 * th.loss(), "L* at C = " + budgets[i]);
        }
    }
}
