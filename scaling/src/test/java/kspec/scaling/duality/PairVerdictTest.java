package kspec.scaling.duality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairVerdictTest {

    private static Exponent exponent(String name, double value, double halfWidth, boolean clean) {
        return new Exponent(name, value, new double[] {value - halfWidth, value + halfWidth}, "", clean,
                clean ? "" : "local slope drifts");
    }

    /** Two normal errors with se 0.05 and 0.12 (half-widths 1.96·se) combine to se 0.13 = √(0.05² + 0.12²). */
    @Test
    void differenceIntervalCombinesStandardErrorsInQuadrature() {
        double z = PairVerdict.Z95;
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 0.60, z * 0.05, true), exponent("alphaK", 0.50, z * 0.12, true));
        assertEquals(0.10, v.difference(), 1e-12);
        assertEquals(0.10 - z * 0.13, v.ci95()[0], 1e-12);
        assertEquals(0.10 + z * 0.13, v.ci95()[1], 1e-12);
        assertEquals("consistent", v.verdict());
        assertEquals(Boolean.TRUE, v.consistent());
    }

    @Test
    void separatedExponentsAreInconsistent() {
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 1.0, 0.1, true), exponent("alphaP", 0.5, 0.1, true));
        assertEquals("inconsistent", v.verdict());
        assertEquals(Boolean.FALSE, v.consistent());
    }

    @Test
    void anUncleanPowerLawIsInconclusiveWhateverTheNumbers() {
        PairVerdict v = PairVerdict.compare(exponent("alphaD", 0.5, 0.1, true), exponent("alphaK", 0.5, 0.1, false));
        assertEquals("inconclusive", v.verdict());
        assertNull(v.consistent());
        assertTrue(v.reason().contains("alphaK is not a clean power law"), v.reason());
    }
}
