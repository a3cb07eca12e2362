package kspec.dynamics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import kspec.core.stats.Estimate;
import kspec.core.stats.Stats;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The tail-sum estimate of a on exact and on noisy power laws of known exponent, and the
 * propagation of its interval into the predicted exponents.
 */
class TaskPowerTailTest {

    private static double[] powerLaw(int modes, double a) {
        double[] p = new double[modes];
        for (int k = 0; k < modes; k++) {
            p[k] = Math.pow(k + 1, -a);
        }
        return p;
    }

    /** An exact power law cut at n modes, down to a − 1 = 0.05 where the cut dominates the tail. */
    @Test
    void recoversTheExponentOfAnExactPowerLawCutAtTheLastMode() {
        for (double a : new double[] {1.05, 1.3, 1.5, 2, 3}) {
            TaskPowerTail fit = TaskPowerTail.fit(powerLaw(2000, a), 1, 0, 0);
            assertEquals(a, fit.a().value(), 0.01, "a = " + a);
            assertEquals(1, fit.window().iMin());
            assertEquals(200, fit.window().iMax());
        }
    }

    /**
     * Powers drawn as mean × χ²_T/T (T = 10 columns, like one-hot labels of ten classes) around
     * k^(−1.4): the bootstrap interval covers the true a, and over 20 data sets the estimates scatter
     * about it with a spread the intervals describe (mean half-width within a factor 2 of 1.96·sd).
     */
    @Test
    void bootstrapIntervalDescribesTheScatterOfNoisyPowers() {
        double a = 1.4;
        double[] mean = powerLaw(2000, a);
        GammaDistribution gamma = new GammaDistribution(new Well19937c(9), 5, 0.2);
        double[] estimates = new double[20];
        double halfWidths = 0;
        int covered = 0;
        for (int r = 0; r < estimates.length; r++) {
            double[] p = new double[mean.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = mean[k] * gamma.sample();
            }
            TaskPowerTail fit = TaskPowerTail.fit(p, 10, 100, r);
            estimates[r] = fit.a().value();
            halfWidths += fit.a().halfWidth() / estimates.length;
            if (fit.a().covers(a)) {
                covered++;
            }
        }
        double sd = Stats.sd(estimates);
        assertTrue(covered >= 16, "covered " + covered + " of 20");
        assertTrue(halfWidths > 0.5 * 1.96 * sd && halfWidths < 2 * 1.96 * sd, halfWidths + " vs sd " + sd);
    }

    @Test
    void propagatedExponentsCenterOnTheFormulasAndWidenWithTheInputs() {
        double[] noisy = powerLaw(2000, 1.5);
        SplittableRandom random = new SplittableRandom(4);
        for (int k = 0; k < noisy.length; k++) {
            noisy[k] *= Math.exp(0.3 * random.nextGaussian());
        }
        TaskPowerTail a = TaskPowerTail.fit(noisy, 10, 200, 1);
        PredictedExponents e = PredictedExponents.propagated(a, 1.25, 0.02, 2000, 2);
        BottleneckLaws laws = new BottleneckLaws(a.a().value(), 1.25);
        assertEquals(laws.time(), e.time().value(), 1e-12);
        assertEquals(laws.computeLoss(), e.computeLoss().value(), 1e-12);
        for (Estimate x : new Estimate[] {e.time(), e.width(), e.data(), e.computeLoss(), e.computeWidth()}) {
            assertTrue(x.lo() < x.value() && x.value() < x.hi(), x.toString());
        }
        PredictedExponents exact = PredictedExponents.exact(new BottleneckLaws(1.5, 1.25));
        assertEquals(exact.time().lo(), exact.time().hi());
        assertEquals(0.4, exact.time().value(), 1e-15);
    }

    @Test
    void refusesWindowsWithoutATail() {
        assertThrows(IllegalArgumentException.class, () -> TaskPowerTail.fit(powerLaw(10, 2), 1, 0, 0));
        double[] headOnly = new double[100];
        headOnly[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> TaskPowerTail.fit(headOnly, 1, 0, 0));
    }
}
