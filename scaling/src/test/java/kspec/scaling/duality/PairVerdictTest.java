package kspec.scaling.duality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;
import org.junit.jupiter.api.Test;

class PairVerdictTest {

    private static Exponent exponent(String name, double value, double halfWidth, boolean clean) {
        return new Exponent(name, new Estimate(value, halfWidth / Stats.Z95, value - halfWidth, value + halfWidth,
                IntervalMethod.BOOTSTRAP_SEEDS), "", clean, clean ? "" : "local slope drifts");
    }

    /** Two normal errors with se 0.05 and 0.12 (half-widths 1.96·se) combine to se 0.13 = √(0.05² + 0.12²). */
    @Test
    void differenceIntervalCombinesStandardErrorsInQuadrature() {
        double z = Stats.Z95;
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 0.60, z * 0.05, true), exponent("alphaK", 0.50, z * 0.12, true));
        assertEquals(0.10, v.difference().value(), 1e-12);
        assertEquals(0.13, v.difference().standardError(), 1e-12);
        assertEquals(0.10 - z * 0.13, v.difference().lo(), 1e-12);
        assertEquals(0.10 + z * 0.13, v.difference().hi(), 1e-12);
        assertEquals(IntervalMethod.DELTA_METHOD, v.difference().interval());
        assertEquals(Verdict.CONSISTENT, v.verdict());
        assertEquals(Boolean.TRUE, v.consistent());
    }

    /**
     * The standard error each side contributes is the one its interval implies, (hi − lo)/(2·1.96),
     * not the one it reports: a t-interval with half-width 0.2 counts as se 0.2/1.96.
     */
    @Test
    void eachSideCountsWithTheStandardErrorItsIntervalImplies() {
        Exponent regression = new Exponent("alphaK", new Estimate(0.5, 0.05, 0.3, 0.7, IntervalMethod.T_REGRESSION), "", true, "");
        Exponent exact = new Exponent("bcpExponent", Estimate.exact(0.5), "", true, "");
        assertEquals(0.2 / Stats.Z95, PairVerdict.compare(regression, exact).difference().standardError(), 1e-15);
    }

    @Test
    void separatedExponentsAreInconsistent() {
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 1.0, 0.1, true), exponent("alphaP", 0.5, 0.1, true));
        assertEquals(Verdict.INCONSISTENT, v.verdict());
        assertEquals(Boolean.FALSE, v.consistent());
    }

    @Test
    void anUncleanPowerLawIsInconclusiveWhateverTheNumbers() {
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 0.5, 0.1, true), exponent("alphaK", 0.5, 0.1, false));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertNull(v.consistent());
        assertTrue(v.reason().contains("alphaK is not a clean power law"), v.reason());
    }
}
