package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/**
 * The Golub–Welsch Gauss–Hermite rule against Commons Math's Newton-iteration rule (an independent
 * implementation) and against exact moments ∫ e^{−x²} x^{2k} dx = Γ(k + ½).
 */
class GaussHermiteRuleTest {

    @Test
    void nodesAndWeightsEqualCommonsMath() {
        for (int m : new int[] {1, 2, 7, 20, 64}) {
            GaussHermiteRule rule = GaussHermiteRule.of(m);
            GaussIntegrator reference = new GaussIntegratorFactory().hermite(m);
            for (int j = 0; j < m; j++) {
                assertEquals(reference.getPoint(j), rule.node(j), 1e-12 * (1 + Math.abs(reference.getPoint(j))), m + " node " + j);
                assertEquals(reference.getWeight(j), rule.weight(j), 1e-12 * reference.getWeight(j) + 1e-300, m + " weight " + j);
            }
        }
    }

    /** The 200-node rule integrates x^{2k} exactly for 2k ≤ 399; checked to 1e-12 up to k = 40. */
    @Test
    void largeRuleIntegratesEvenMomentsExactly() {
        GaussHermiteRule rule = GaussHermiteRule.of(200);
        assertSame(rule, GaussHermiteRule.of(200), "memoized");
        for (int k = 0; k <= 40; k++) {
            double sum = 0;
            for (int j = 0; j < 200; j++) {
                sum += rule.weight(j) * Math.pow(rule.node(j), 2 * k);
            }
            double exact = Math.exp(org.apache.commons.math3.special.Gamma.logGamma(k + 0.5));
            assertEquals(exact, sum, 1e-12 * exact, "moment x^" + 2 * k);
        }
    }
}
