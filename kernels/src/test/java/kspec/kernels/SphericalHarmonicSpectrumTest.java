package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import kspec.kernels.ReferenceKernels.Ref;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact spherical-harmonic spectrum against closed forms and an independent projection.
 */
class SphericalHarmonicSpectrumTest {

    private static final double W = Math.sqrt(2);
    private static final double B = 0.3;

    @Test
    void linearKernelHasOneDegreeWithEigenvalueWSquaredRSquaredOverAmbientTimesInputDimension() {
        // NNGP of Dense(w): K = w²·x·x′/ambient = (w² r²/ambient)·t. E[x xᵀ] = (r²/d_in)·I on the
        // sphere's subspace, so the operator has eigenvalue w² r²/(ambient·d_in) on the d_in linear functions.
        int ambient = 7;
        double r = 2;
        SphericalHarmonicSpectrum s = SphericalHarmonicSpectrum.of(Architecture.parse("Dense(1.5)"), KernelKind.NNGP, 3, ambient, r);
        assertArrayEquals(new int[] {1}, s.degrees());
        assertEquals(1.5 * 1.5 * r * r / (ambient * 4.0), s.eigenvalues()[0], 1e-14);
        assertEquals(4.0, s.multiplicities()[0]);
        assertEquals(0.0, s.unresolvedMass(), 1e-14);
    }

    @Test
    void multiplicitiesAreTheDimensionsOfTheHarmonicSpaces() {
        // S²: 2ℓ + 1; S³: (ℓ + 1)²; S⁴: (ℓ + 1)(ℓ + 2)(2ℓ + 3)/6
        for (int l = 0; l < 30; l++) {
            assertEquals(2 * l + 1, SphericalHarmonicSpectrum.multiplicity(3, l));
            assertEquals((l + 1) * (l + 1), SphericalHarmonicSpectrum.multiplicity(4, l));
            assertEquals((l + 1) * (l + 2) * (2 * l + 3) / 6, SphericalHarmonicSpectrum.multiplicity(5, l));
        }
    }

    /**
     * On S² (d_in = 3) μ_ℓ = ½ ∫ κ(t) P_ℓ(t) dt with the Legendre polynomial: computed here with
     * commons-math's Legendre coefficients, the scalar reference recursion for κ and an adaptive
     * Gauss rule, none of which the production path uses.
     */
    @ParameterizedTest
    @CsvSource({"NNGP", "NTK"})
    void reluSpectrumOnTheTwoSphereMatchesAnIndependentLegendreProjection(KernelKind kind) {
        int ambient = 6;
        double r = 1.7;
        Architecture arch = Architecture.simple(2, "relu", W, B, null, null);
        SphericalHarmonicSpectrum s = SphericalHarmonicSpectrum.of(arch, kind, 2, ambient, r);
        RefDual relu = ReferenceDuals.abRelu(0, 1);
        List<Ref> net = List.of(Ref.dense(W, B), Ref.act(relu), Ref.dense(W, B), Ref.act(relu), Ref.dense(W, B));
        int out = kind == KernelKind.NNGP ? 0 : 1;
        double[] x = new double[ambient];
        x[0] = r;
        double kappaOne = ReferenceKernels.pair(net, false, 0, x, x, true)[out];
        assertEquals(kappaOne, s.trace(), 1e-13 * kappaOne);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-16);
        int[] degrees = s.degrees();
        for (int l = 0; l <= 10; l++) {
            PolynomialFunction legendre = PolynomialsUtils.createLegendrePolynomial(l);
            double expected = 0.5 * integrator.integrate(100_000, theta -> {
                double[] y = new double[ambient];
                y[0] = r * Math.cos(theta);
                y[1] = r * Math.sin(theta);
                return ReferenceKernels.pair(net, false, 0, x, y, false)[out] * legendre.value(Math.cos(theta)) * Math.sin(theta);
            }, 0, Math.PI);
            int k = Arrays.binarySearch(degrees, l);
            assertTrue(k >= 0, "degree " + l + " resolved");
            assertEquals(expected, s.eigenvalues()[k], 1e-11 * kappaOne, kind + " degree " + l);
        }
    }

    @Test
    void oneHiddenReluLayerWithoutBiasHasNoOddDegreesAboveOne() {
        // docs/sphere-spectra.md §3 (parity): one hidden layer, no bias → μ_ℓ = 0 for odd ℓ ≥ 3
        SphericalHarmonicSpectrum s = SphericalHarmonicSpectrum.of(Architecture.simple(1, "relu", W, null, null, null),
                KernelKind.NTK, 3, 4, 1);
        for (int l : s.degrees()) {
            assertTrue(l <= 1 || l % 2 == 0, "odd degree " + l + " present");
        }
        assertTrue(s.degrees().length > 20, Arrays.toString(s.degrees()));
    }

    /**
     * The addition theorem makes κ(1) = Σ N(d_in, ℓ) μ_ℓ; what the resolved degrees miss is the tail
     * beyond the rounding floor. ReLU: μ_ℓ ∼ ℓ^−(d_in+2) (NNGP), ℓ^−d_in (NTK) and N ∼ ℓ^(d_in−2), so
     * the tail after degree L is ∼ L^−3 (NNGP: measured 5e-9, 8e-8, 5e-7 of the trace for d_in = 3, 4, 5)
     * and ∼ 1/L (NTK, L ≤ 2000: 1e-4, 2e-4, 8e-4); bounds 1e-5 and 2e-3. The far exponent is a secant
     * over ranks ~10³–10⁶ and carries the O(1/ℓ) corrections of μ_ℓ (measured within 3.4% of
     * 3/(d_in − 1) and 1.5% of 1/(d_in − 1)); bound 5%.
     */
    @ParameterizedTest
    @CsvSource({"2, NNGP", "3, NNGP", "4, NNGP", "2, NTK", "3, NTK", "4, NTK"})
    void traceIsCarriedByTheResolvedDegreesAndTheFarExponentApproachesTheReluAsymptote(int sphereDim, KernelKind kind) {
        SphericalHarmonicSpectrum s = SphericalHarmonicSpectrum.of(Architecture.simple(2, "relu", W, B, null, null),
                kind, sphereDim, sphereDim + 3, 1);
        double tailBound = kind == KernelKind.NNGP ? 1e-5 : 2e-3;
        assertTrue(s.unresolvedMass() > -1e-12 * s.trace() && s.unresolvedMass() < tailBound * s.trace(), s.toString());
        double asymptote = (kind == KernelKind.NNGP ? 3.0 : 1.0) / sphereDim;
        SphericalHarmonicSpectrum.LocalExponent far = s.farExponent().orElseThrow();
        assertEquals(asymptote, far.alpha(), 0.05 * asymptote, far.toString());
    }
}
