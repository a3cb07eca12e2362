package kspec.dynamics.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import kspec.core.linalg.Blas;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Sizes;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import org.apache.commons.math3.complex.Complex;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The κ equation: its residual, its symmetry under P ↔ D, κ_min, and the spectral edge against drawn
 * models. Residuals are compared with the rounding scale of κ·R_D·R_P − s, about ε(|κ| + |s|).
 */
class KappaEquationTest {

    private static final ModeSpectrum SPECTRUM = ModeSpectrum.powerLaw(1.5, 1.25, 3000);

    private static Complex residual(ModeSpectrum spectrum, Sizes sizes, Complex kappa, Complex s) {
        Complex df = Complex.ZERO;
        for (int k = 0; k < spectrum.modes(); k++) {
            df = df.add(new Complex(spectrum.eigenvalue(k)).divide(kappa.add(spectrum.eigenvalue(k))));
        }
        return kappa.multiply(Complex.ONE.subtract(df.multiply(sizes.inverseData())))
                .multiply(Complex.ONE.subtract(df.multiply(sizes.inverseWidth()))).subtract(s);
    }

    @Test
    void realRootSolvesTheEquationOnBothSidesOfTheInterpolationPeak() {
        for (Sizes sizes : new Sizes[] {Sizes.of(100, 400), Sizes.of(400, 100), Sizes.of(200, 200), Sizes.infiniteData(50),
                Sizes.infiniteWidth(50), Sizes.infinite()}) {
            KappaEquation equation = new KappaEquation(SPECTRUM, sizes);
            for (double s : new double[] {1e-8, 1e-4, 0.01, 1, 100}) {
                double kappa = equation.solveReal(s);
                assertTrue(kappa >= equation.kappaMin(), sizes + " s=" + s);
                double r = residual(SPECTRUM, sizes, new Complex(kappa), new Complex(s)).abs();
                assertTrue(r <= 1e-13 * kappa + 1e-12 * s, sizes + " s=" + s + " residual " + r);
            }
        }
    }

    @Test
    void kappaMinResolvesMinOfWidthAndData() {
        KappaEquation equation = new KappaEquation(SPECTRUM, Sizes.of(120, 700));
        assertEquals(120, equation.degreesOfFreedom(equation.kappaMin()), 1e-9);
        assertEquals(0, new KappaEquation(SPECTRUM, Sizes.of(5000, 4000)).kappaMin());
    }

    @Test
    void kappaIsSymmetricUnderWidthDataExchange() {
        Sizes sizes = Sizes.of(80, 500);
        Complex[] path = InversionContour.laplace(30, InversionContour.ONE_TIME_NODES).nodes();
        Complex[] a = new KappaEquation(SPECTRUM, sizes).solveAlong(path);
        Complex[] b = new KappaEquation(SPECTRUM, sizes.swapped()).solveAlong(path);
        for (int j = 0; j < path.length; j++) {
            assertEquals(0, a[j].subtract(b[j]).abs(), 1e-13 * a[j].abs(), "node " + j);
        }
    }

    @Test
    void continuationStaysOnTheUpperHalfPlaneBranch() {
        for (Sizes sizes : new Sizes[] {Sizes.of(100, 400), Sizes.of(10, 20), Sizes.infiniteData(30)}) {
            KappaEquation equation = new KappaEquation(SPECTRUM, sizes);
            for (double t : new double[] {0.1, 10, 1e4, 1e7}) {
                Complex[] path = InversionContour.laplace(t, InversionContour.ONE_TIME_NODES).nodes();
                Complex[] kappa = equation.solveAlong(path);
                for (int j = 1; j < path.length; j++) {
                    assertTrue(kappa[j].getImaginary() > 0, sizes + " t=" + t + " node " + j);
                    assertTrue(residual(SPECTRUM, sizes, kappa[j], path[j]).abs()
                                    <= 1e-13 * kappa[j].abs() + 1e-12 * path[j].abs(), sizes + " t=" + t + " node " + j);
                }
            }
        }
    }

    /**
     * The edge of the averaged spectrum of G = (AᵀA/P)(ΨᵀΨ/D) against the top eigenvalue of drawn
     * models (that of the P × P matrix ΦᵀΦ/(PD), Φ = ΨAᵀ, or AΛAᵀ/P at D = ∞), on a flat spectrum
     * whose top is a bulk edge with O(P^(−2/3)) fluctuations (a power-law spectrum's top modes are
     * isolated spikes that fluctuate by O(1/√P) below the averaged edge). A numpy check of the same
     * construction gave tops 22.0–22.6 against the edge 22.97 (P = 300, D = 600) and 17.05–17.44
     * against 17.32 (D = ∞).
     */
    @Test
    void spectralEdgeBoundsTheTopRateOfDrawnModels() {
        int modes = 2000;
        double[] flat = new double[modes];
        Arrays.fill(flat, 1.0);
        ModeSpectrum spectrum = ModeSpectrum.of(flat, flat);
        SplittableRandom random = new SplittableRandom(3);
        for (Sizes sizes : new Sizes[] {Sizes.of(300, 600), Sizes.infiniteData(200)}) {
            int p = (int) sizes.width();
            DMatrixRMaj a = gaussian(p, modes, random);
            DMatrixRMaj gram = new DMatrixRMaj(p, p);
            if (Double.isInfinite(sizes.data())) {
                Blas.gram(1.0 / p, a, gram);
            } else {
                int d = (int) sizes.data();
                DMatrixRMaj phi = new DMatrixRMaj(d, p);
                Blas.multTransB(gaussian(d, modes, random), a, phi);
                Blas.gram(1.0 / (p * (double) d), CommonOps_DDRM.transpose(phi, null), gram);
            }
            double top = Eigensolvers.symmetric(gram, EigenRequest.top(1).raw()).eigenvalue(0);
            double edge = new KappaEquation(spectrum, sizes).spectralEdge();
            assertEquals(edge, top, 0.05 * edge, sizes.toString());
        }
        assertEquals(1.0, new KappaEquation(SPECTRUM, Sizes.infinite()).spectralEdge());
    }

    private static DMatrixRMaj gaussian(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextGaussian();
        }
        return x;
    }
}
