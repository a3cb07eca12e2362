package kspec.spectra.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Resampling;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap over data points on a data model with a known spectrum: rows x ~ N(0, diag k^(−1.5)) in
 * R^120, linear kernel, so the spectrum of K/n is that of the sample covariance XᵀX/n and α = 0.5.
 * The reference is the Monte-Carlo spread of α̂ over independent data sets.
 */
class SpectrumBootstrapTest {

    private static final int FEATURES = 120;
    private static final int ROWS = 300;
    private static final FitWindow WINDOW = FitWindow.of(2, 30);
    private static final Function<double[], PowerLawFit> REFIT = e -> LogLogFits.leastSquares(e, WINDOW, false);

    private static DMatrixRMaj data(long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(ROWS, FEATURES);
        for (int i = 0; i < ROWS; i++) {
            for (int k = 0; k < FEATURES; k++) {
                x.set(i, k, rng.nextGaussian() * Math.pow(k + 1, -0.75));
            }
        }
        return x;
    }

    /** Descending eigenvalues of XᵀX/m over the given rows (the non-zero spectrum of K/m). */
    private static double[] spectrum(DMatrixRMaj x, int[] rows) {
        DMatrixRMaj sub = new DMatrixRMaj(rows.length, FEATURES);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x.data, rows[i] * FEATURES, sub.data, i * FEATURES, FEATURES);
        }
        DMatrixRMaj cov = new DMatrixRMaj(FEATURES, FEATURES);
        CommonOps_DDRM.multTransA(1.0 / rows.length, sub, sub, cov);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(FEATURES, false, true);
        if (!eig.decompose(cov)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[] v = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            v[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(v);
        double[] d = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            d[i] = v[FEATURES - 1 - i];
        }
        return d;
    }

    private static int[] allRows() {
        int[] rows = new int[ROWS];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /**
     * The spread of α̂ over 30 independent data sets (its own relative SE ≈ 1/√58 = 13%) is the
     * truth. Both bootstrap schemes on one data set must estimate it within a factor [0.6, 1.7]
     * (measured here: spread 0.0175, subsampling SE 0.0133, with-replacement SE 0.0167, while the
     * regression SE averages 0.0128 — too small, as the eigenvalue errors are correlated).
     */
    @Test
    void bootstrapStandardErrorMatchesTheSpreadOverIndependentDataSets() {
        int sets = 30;
        double[] alphas = new double[sets];
        for (int s = 0; s < sets; s++) {
            alphas[s] = REFIT.apply(spectrum(data(s), allRows())).alpha().value();
        }
        double mean = Arrays.stream(alphas).average().orElseThrow();
        double ss = 0;
        for (double a : alphas) {
            ss += (a - mean) * (a - mean);
        }
        double truth = Math.sqrt(ss / (sets - 1));
        // sample-covariance eigenvalues at ranks ≤ n/10 sit close to the population's: α ≈ 0.5
        assertEquals(0.5, mean, 0.03);

        DMatrixRMaj x = data(1000);
        PowerLawFit point = REFIT.apply(spectrum(x, allRows()));
        long seed = 77;
        PowerLawFit sub = SpectrumBootstrap.overPoints(point, REFIT,
                r -> spectrum(x, Resampling.subsampleRows(ROWS, ROWS / 2, seed, r)), 60, 0.5);
        PowerLawFit boot = SpectrumBootstrap.overPoints(point, REFIT,
                r -> spectrum(x, Resampling.bootstrapRows(ROWS, seed, r)), 60, 1.0);
        for (PowerLawFit b : new PowerLawFit[] {sub, boot}) {
            double ratio = b.alpha().standardError() / truth;
            assertTrue(ratio > 0.6 && ratio < 1.7, b.alpha().interval() + " SE " + b.alpha().standardError()
                    + " vs spread " + truth);
            assertEquals(point.alpha().value(), b.alpha().value(), 0.0);
            assertTrue(b.alpha().lo() < point.alpha().value() && point.alpha().value() < b.alpha().hi());
        }
        assertEquals(IntervalMethod.SUBSAMPLING_POINTS, sub.alpha().interval());
        assertEquals(IntervalMethod.BOOTSTRAP_POINTS, boot.alpha().interval());
    }

    @Test
    void resamplingIsReproducibleAndWithoutReplacementWhenSubsampling() {
        int[] a = Resampling.subsampleRows(100, 50, 5, 3);
        assertArrayEquals(a, Resampling.subsampleRows(100, 50, 5, 3));
        assertEquals(50, Arrays.stream(a).distinct().count());
        assertTrue(!Arrays.equals(a, Resampling.subsampleRows(100, 50, 5, 4)));
        int[] b = Resampling.bootstrapRows(100, 5, 0);
        assertArrayEquals(b, Resampling.bootstrapRows(100, 5, 0));
        // with replacement: expected distinct fraction 1 − (1 − 1/n)^n ≈ 0.634, sd ≈ 0.03 at n = 100
        assertEquals(0.634, Arrays.stream(b).distinct().count() / 100.0, 0.15);
        assertThrows(IllegalArgumentException.class, () -> Resampling.subsampleRows(10, 11, 1, 0));
    }

    @Test
    void bootstrapRejectsTooFewReplicates() {
        PowerLawFit point = REFIT.apply(spectrum(data(1), allRows()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectrumBootstrap.overPoints(point, REFIT, r -> new double[0], 5, 1.0));
        assertTrue(e.getMessage().contains("≥ 20"), e.getMessage());
    }
}
