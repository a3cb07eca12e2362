package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelPair;
import kspec.core.progress.ProgressListener;
import kspec.kernels.SphericalHarmonicSpectrum;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.LogLogFits;
import kspec.spectra.fit.PowerLawFit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ReLU NTK and NNGP spectra of uniform points on S^(d_in−1) against the exact operator spectrum.
 *
 * <p>Dot-product kernels on the sphere are diagonal in spherical harmonics: degree k has
 * N(d_in, k) harmonics sharing the eigenvalue
 * μ_k = Γ(d_in/2)/(√π Γ((d_in−1)/2)) ∫ κ(t) P_k(t) (1 − t²)^((d_in−3)/2) dt (Bietti &amp; Mairal 2019,
 * arXiv 1905.12173; docs/sphere-spectra.md §1), from {@link SphericalHarmonicSpectrum} (itself checked against an
 * independent Legendre projection in the kernels module). This is the Monte-Carlo side of that check:
 * the eigenvalues of K/n of sampled points estimate the μ_k (with their multiplicities) for
 * ranks i ≪ n; their 1/i-weighted log–log slope over ranks 1..200 of n = 2000 points must match
 * the exact spectrum's over the same ranks within the fit's 95% interval.
 *
 * <p>The asymptotic exponents α_K = 1/(d_in−1) (NTK) and 3/(d_in−1) (NNGP) are only reached at large
 * ranks: the test also checks, on the exact spectrum, that widening the window from 200 to 20,000 ranks
 * moves the NTK's α towards 1/(d_in−1) — the Gram estimate at n = 2000 is pre-asymptotic, as
 * docs/sphere-spectra.md §4–§5 warn (measured here, NTK: Gram α over ranks 1..200 is 0.68, 0.53, 0.44 for d_in = 3, 4, 5; the exact
 * spectrum gives 0.69, 0.55, 0.46 there and 0.62, 0.50, 0.44 over ranks 1..20,000).
 */
class SphereSpectrumTest {

    private static final int N = 2000;
    private static final int WINDOW = 200;
    /** Ranks of the exact spectrum for the trend: harmonic degree ≈ 140, 39, 22 for d_in = 3, 4, 5. */
    private static final int LONG_WINDOW = 20000;
    private static final int DEPTH = 2;
    private static final double W_STD = Math.sqrt(2);

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void gramSpectrumMatchesTheSphericalHarmonicSpectrumAndTrendsToTheAsymptote(int dIn) {
        DMatrixRMaj x = SyntheticManifolds.sample(SyntheticSpec.parse("sphere:d=" + (dIn - 1)), N, 7).points();
        KernelPair kernels = KernelBuilder.gram(Architecture.simple(DEPTH, "relu", W_STD, null, null, null), x,
                EnumSet.of(KernelKind.NNGP, KernelKind.NTK), ProgressListener.NONE);
        for (KernelKind kind : KernelKind.values()) {
            boolean ntk = kind == KernelKind.NTK;
            double[] gram = Eigensolvers.symmetric(kernels.get(kind), EigenRequest.top(WINDOW)).eigenvalues();
            PowerLawFit measured = LogLogFits.leastSquares(gram, FitWindow.of(1, WINDOW), true);

            double exactShort = LogLogFits.leastSquares(exactSpectrum(dIn, ntk, WINDOW), FitWindow.of(1, WINDOW), true)
                    .alpha().value();
            String label = kind + " on S^" + (dIn - 1) + ": Gram " + measured + ", exact(1.." + WINDOW + ") " + exactShort;
            assertTrue(measured.alpha().covers(exactShort), label);
            if (ntk) {
                // the NNGP's local slope overshoots −(d_in + 2) before settling (docs/sphere-spectra.md §4:
                // −6.77, −6.96, −7.31 for d_in = 5), so only the NTK approaches monotonically
                double exactLong = LogLogFits.leastSquares(exactSpectrum(dIn, true, LONG_WINDOW),
                        FitWindow.of(1, LONG_WINDOW), true).alpha().value();
                double asymptote = 1.0 / (dIn - 1);
                assertTrue(Math.abs(exactLong - asymptote) < Math.abs(exactShort - asymptote),
                        label + ", exact(1.." + LONG_WINDOW + ") " + exactLong + ", asymptote " + asymptote);
            }
        }
    }

    /** The top {@code ranks} eigenvalues of the exact operator spectrum, descending, with multiplicity. */
    private static double[] exactSpectrum(int dIn, boolean ntk, int ranks) {
        return SphericalHarmonicSpectrum.of(Architecture.simple(DEPTH, "relu", W_STD, null, null, null),
                ntk ? KernelKind.NTK : KernelKind.NNGP, dIn - 1, dIn, 1.0).descending(ranks);
    }
}
