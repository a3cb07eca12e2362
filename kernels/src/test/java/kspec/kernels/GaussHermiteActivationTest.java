package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The generic quadrature activation at its default node count reproduces the closed forms to the
 * accuracy stated on {@link GaussHermiteActivation}, over q₁, q₂ ∈ [0.2, q_max] and |ρ| ≤ 0.999.
 */
class GaussHermiteActivationTest {

    private static final double[] Q1 = {0.2, 0.3, 1.0, 2.5, 3.0};
    private static final double[] Q2 = {0.2, 0.5, 1.7, 3.0};
    private static final double[] RHO = {-0.999, -0.9, -0.3, 0.0, 0.5, 0.95, 0.999};

    /** @return {max relative error of Φ, of Σ̇} of the default-node quadrature of {@code exact}'s φ */
    private static double[] maxErrors(Activation exact, double qMax) {
        return maxErrors(exact, Activations.numerical("quad", exact::apply, exact::slope, GaussHermiteActivation.DEFAULT_NODES),
                qMax);
    }

    private static double[] maxErrors(Activation exact, Activation quad, double qMax) {
        double ePhi = 0;
        double eDot = 0;
        for (double q1 : Q1) {
            for (double q2 : Q2) {
                for (double rho : RHO) {
                    if (q1 > qMax || q2 > qMax) {
                        continue;
                    }
                    double c = rho * Math.sqrt(q1 * q2);
                    double sPhi = Math.sqrt(exact.dualDiagonal(q1) * exact.dualDiagonal(q2));
                    double sDot = Math.sqrt(exact.dualSlopeDiagonal(q1) * exact.dualSlopeDiagonal(q2));
                    ePhi = Math.max(ePhi, Math.abs(quad.dual(q1, q2, c) - exact.dual(q1, q2, c)) / sPhi);
                    eDot = Math.max(eDot, Math.abs(quad.dualSlope(q1, q2, c) - exact.dualSlope(q1, q2, c)) / sDot);
                }
            }
        }
        return new double[] {ePhi, eDot};
    }

    @Test
    void reluMatchesClosedFormToStatedKinkAccuracy() {
        double[] e = maxErrors(Activations.relu(), 3);
        assertTrue(e[0] <= 5e-3, "ReLU Φ error " + e[0]);
        assertTrue(e[1] <= 3.5e-2, "ReLU Σ̇ error " + e[1]);
    }

    @Test
    void erfMatchesClosedFormToStatedAnalyticAccuracy() {
        double[] small = maxErrors(Activations.erf(), 1);
        assertTrue(small[0] <= 1e-14 && small[1] <= 1e-14, "Erf errors at q ≤ 1: " + small[0] + ", " + small[1]);
        double[] e = maxErrors(Activations.erf(), 3);
        assertTrue(e[0] <= 3e-6, "Erf Φ error " + e[0]);
        assertTrue(e[1] <= 1e-4, "Erf Σ̇ error " + e[1]);
    }

    @Test
    void geluMatchesClosedFormToStatedAnalyticAccuracy() {
        double[] e = maxErrors(Activations.gelu(), 3);
        assertTrue(e[0] <= 1e-9, "GELU Φ error " + e[0]);
        assertTrue(e[1] <= 4e-8, "GELU Σ̇ error " + e[1]);
    }

    @Test
    void tanhMatchesAConvergedRuleToItsStatedAccuracy() {
        // no closed form: the reference is the same quadrature with 200 nodes
        Activation tanh = Activations.tanh();
        double[] e = maxErrors(Activations.numerical("tanh200", tanh::apply, tanh::slope, 200), tanh, 1);
        assertTrue(e[0] <= 2e-9 && e[1] <= 4e-8, "tanh errors " + e[0] + ", " + e[1]);
    }

    @Test
    void diagonalRuleIntegratesEvenMomentsExactly() {
        // E[u⁴] = 3q² for u ~ N(0, q): a degree-4 polynomial, exact for m ≥ 3 nodes
        Activation square = Activations.numerical("square", x -> x * x, x -> 2 * x, 3);
        for (double q : new double[] {0.5, 2.0}) {
            assertTrue(Math.abs(square.dualDiagonal(q) - 3 * q * q) <= 1e-14 * 3 * q * q);
            // E[u²v²] = q1q2 + 2c² (Isserlis)
            double c = 0.3 * q;
            double want = q * 1.5 + 2 * c * c;
            assertTrue(Math.abs(square.dual(q, 1.5, c) - want) <= 1e-13 * want, "Isserlis " + square.dual(q, 1.5, c));
        }
    }
}
