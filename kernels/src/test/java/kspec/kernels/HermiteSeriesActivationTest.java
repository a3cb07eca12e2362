package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Hermite-series activation ({@link HermiteSeriesActivation}, default K terms) against closed
 * forms where they exist (Erf, GELU, Sin) and, for tanh, softplus and SiLU, against the 2-D
 * Gauss–Hermite rule at 200 nodes per dimension ({@link GaussHermiteActivation}); errors relative
 * to √(Φ(q₁,q₁,q₁)Φ(q₂,q₂,q₂)) (resp. Σ̇) over q₁, q₂ ∈ [0.2, q_max] and |ρ| ≤ 0.999, as on the
 * class's accuracy statement. The tile path (cached per-point coefficients) must equal the pointwise maps.
 */
class HermiteSeriesActivationTest {

    private static final double[] Q1 = {0.2, 1.0, 3.0};
    private static final double[] Q2 = {0.5, 1.0, 3.0};
    private static final double[] RHO = {-0.999, -0.3, 0.0, 0.95, 0.999, 1.0};

    private static Activation series(Activation a) {
        return Activations.series("series", a::apply, a::slope, HermiteSeriesActivation.DEFAULT_TERMS);
    }

    /** @return {max relative error of Φ, of Σ̇} of {@code got} against {@code want} */
    private static double[] maxErrors(Activation want, Activation got, double qMax) {
        double ePhi = 0;
        double eDot = 0;
        for (double q1 : Q1) {
            for (double q2 : Q2) {
                if (q1 > qMax || q2 > qMax) {
                    continue;
                }
                for (double rho : RHO) {
                    double c = rho * Math.sqrt(q1 * q2);
                    double sPhi = Math.sqrt(want.dualDiagonal(q1) * want.dualDiagonal(q2));
                    double sDot = Math.sqrt(want.dualSlopeDiagonal(q1) * want.dualSlopeDiagonal(q2));
                    ePhi = Math.max(ePhi, Math.abs(got.dual(q1, q2, c) - want.dual(q1, q2, c)) / sPhi);
                    eDot = Math.max(eDot, Math.abs(got.dualSlope(q1, q2, c) - want.dualSlope(q1, q2, c)) / sDot);
                }
            }
        }
        return new double[] {ePhi, eDot};
    }

    private static double[] againstQuadrature(Activation a, double qMax) {
        return maxErrors(Activations.numerical("quad200", a::apply, a::slope, 200), a, qMax);
    }

    @Test
    void closedFormsAreReproducedToRoundingAtModerateVariance() {
        for (Activation exact : new Activation[] {Activations.erf(), Activations.gelu(), Activations.sin(1, 1, 0.3)}) {
            double[] e = maxErrors(exact, series(exact), 1);
            assertTrue(e[0] <= 1e-13 && e[1] <= 1e-12, exact + " errors at q ≤ 1: " + e[0] + ", " + e[1]);
        }
        double[] gelu = maxErrors(Activations.gelu(), series(Activations.gelu()), 3);
        assertTrue(gelu[0] <= 1e-12 && gelu[1] <= 1e-10, "GELU at q ≤ 3: " + gelu[0] + ", " + gelu[1]);
    }

    @Test
    void softplusAndSiluMatchTheQuadratureToTheStatedAccuracy() {
        double[] softplus = againstQuadrature(Activations.softplus(), 3);
        assertTrue(softplus[0] <= 1e-13 && softplus[1] <= 1e-13, "softplus errors at q ≤ 3: " + softplus[0] + ", " + softplus[1]);
        double[] silu = againstQuadrature(Activations.silu(), 3);
        assertTrue(silu[0] <= 1e-13 && silu[1] <= 2e-12, "SiLU errors at q ≤ 3: " + silu[0] + ", " + silu[1]);
    }

    @Test
    void tanhMatchesTheQuadratureToTheStatedAccuracy() {
        Activation tanh = Activations.tanh();
        double[] small = againstQuadrature(tanh, 1);
        assertTrue(small[0] <= 2e-12 && small[1] <= 1e-10, "tanh at q ≤ 1: " + small[0] + ", " + small[1]);
        double[] e = againstQuadrature(tanh, 3);
        assertTrue(e[0] <= 1e-7 && e[1] <= 1e-5, "tanh at q ≤ 3: " + e[0] + ", " + e[1]);
    }

    @Test
    void tilePathEqualsThePointwiseMaps() {
        Activation silu = Activations.silu();
        double[] qRow = {0.4, 1.3, 2.2};
        double[] qCol = {0.0, 0.9, 1.8, 2.9};
        double[] nngp = new double[12];
        double[] ntk = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 4; k++) {
                nngp[r * 4 + k] = 0.37 * (r - k) * Math.sqrt(qRow[r] * qCol[k]);
                ntk[r * 4 + k] = 1.5 + r;
            }
        }
        double[] s = nngp.clone();
        double[] t = ntk.clone();
        silu.applyTile(qRow, 0, 3, qCol, 0, 4, s, t);
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 4; k++) {
                int e = r * 4 + k;
                assertEquals(silu.dual(qRow[r], qCol[k], nngp[e]), s[e], 0.0, "Φ " + e);
                assertEquals(ntk[e] * silu.dualSlope(qRow[r], qCol[k], nngp[e]), t[e], 0.0, "Θ " + e);
            }
        }
    }
}
