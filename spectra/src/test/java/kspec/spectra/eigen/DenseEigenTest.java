package kspec.spectra.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The dense backends (LAPACK dsyevd, dsyevr, EJML) on matrices with prescribed eigenvalues, and
 * against each other, through the factory and directly.
 */
class DenseEigenTest {

    /**
     * Eigenvalues of Q·diag(λ)·Qᵀ: forming the product perturbs K by about n·ε·max|λ| ≤ 7e-13·max|λ|
     * at n ≤ 3000, and a backward-stable solver adds about the same (Weyl: |Δλ| ≤ ‖ΔK‖₂).
     */
    private static final double PRESCRIBED_TOL = 1e-12;
    /** The acceptance bound for two independent solvers: 1e-10 relative to max|λ|. */
    private static final double CROSS_TOL = 1e-10;
    /** ‖KV − VΛ‖ / (√k‖K‖) of a backward-stable solver: a small multiple of ε√n. */
    private static final double RESIDUAL_TOL = 1e-13;

    private final Random rand = new Random(42);

    /** λ = 3, 3, 3, 2, 1/i² …, 0, 0, 0: a triple top eigenvalue and a triple zero. */
    private static double[] repeatedAndZeros(int n) {
        double[] lambda = new double[n];
        lambda[0] = lambda[1] = lambda[2] = 3.0;
        lambda[3] = 2.0;
        for (int i = 4; i < n - 3; i++) {
            lambda[i] = 1.0 / ((double) i * i);
        }
        return lambda; // the last three stay 0
    }

    private static double[] descending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    private static void assertPrefixClose(double[] expected, double[] actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected[0]), Math.abs(expected[expected.length - 1]));
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], tol * scale, what + ": eigenvalue " + i);
        }
    }

    @Test
    void everyDenseBackendRecoversPrescribedRepeatedAndZeroEigenvalues() {
        int n = 300;
        double[] lambda = repeatedAndZeros(n);
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        double[] expected = descending(lambda);

        assertPrefixClose(expected, DenseSymmetricEigen.lapackAll(k, false).values(), PRESCRIBED_TOL, "dsyevd");
        assertPrefixClose(expected, DenseSymmetricEigen.lapackValues(k, true).values(), PRESCRIBED_TOL, "dsyevd_2stage");
        assertPrefixClose(expected, DenseSymmetricEigen.ejml(k, 0, false).values(), PRESCRIBED_TOL, "ejml");
        assertPrefixClose(expected, DenseSymmetricEigen.lapackTop(k, 40, false).values(), PRESCRIBED_TOL, "dsyevr");

        Spectrum raw = Eigensolvers.symmetric(k, EigenRequest.all().raw());
        assertEquals(DenseSymmetricEigen.LAPACK_ALL, raw.backend());
        assertTrue(raw.complete());
        assertPrefixClose(expected, raw.eigenvalues(), PRESCRIBED_TOL, "factory");
    }

    @Test
    void topHundredAtN2000AgreeWithPrescribedValuesAcrossLapackRoutines() {
        int n = 2000;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(i + 1, -1.5); // a kernel-like power-law spectrum
        }
        lambda[7] = lambda[8]; // one repeated pair inside the top 100
        lambda[n - 1] = 0.0;
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.goeEigenvectors(n, rand), lambda);
        double[] expected = descending(lambda);

        double[] all = DenseSymmetricEigen.lapackAll(k, false).values();
        double[] twoStage = DenseSymmetricEigen.lapackValues(k, true).values();
        double[] top = DenseSymmetricEigen.lapackTop(k, 100, false).values();
        assertPrefixClose(expected, Arrays.copyOf(all, 100), CROSS_TOL, "dsyevd vs prescribed");
        assertPrefixClose(expected, Arrays.copyOf(twoStage, 100), CROSS_TOL, "dsyevd_2stage vs prescribed");
        assertPrefixClose(expected, top, CROSS_TOL, "dsyevr vs prescribed");
        assertPrefixClose(all, top, CROSS_TOL, "dsyevr vs dsyevd");
        assertPrefixClose(all, twoStage, CROSS_TOL, "dsyevd_2stage vs dsyevd, all n");
    }

    @Test
    void largeEigenvalueOnlyRequestsTakeTheTwoStageReductionAndRecoverPrescribedValues() {
        int n = Eigensolvers.TWO_STAGE_MIN_N; // 3000 = 50 · 60
        double[] lambda = repeatedAndZeros(n);
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.kroneckerOrthogonal(50, 60, rand), lambda);
        double[] expected = descending(lambda);

        Spectrum raw = Eigensolvers.symmetric(k, EigenRequest.all().raw());
        assertEquals(DenseSymmetricEigen.LAPACK_ALL_TWO_STAGE, raw.backend());
        assertPrefixClose(expected, raw.eigenvalues(), PRESCRIBED_TOL, "factory at n = " + n);

        int k200 = 200; // block size 240 > n/25, so a dense top-k: dsyevr's one-stage reduction is the slower route
        Spectrum top = Eigensolvers.symmetric(k, EigenRequest.top(k200).raw());
        assertEquals(DenseSymmetricEigen.LAPACK_ALL_TWO_STAGE, top.backend());
        assertPrefixClose(expected, top.eigenvalues(), PRESCRIBED_TOL, "top 200 at n = " + n);
    }

    @Test
    void lapackAndEjmlAgreeOnARandomKernelMatrixWithVectors() {
        int n = 400;
        DMatrixRMaj k = TestKernels.exponentialKernelMatrix(TestKernels.uniformPoints(n, 2, rand), 0.5);
        RawEigen lapack = DenseSymmetricEigen.lapackAll(k, true);
        RawEigen ejml = DenseSymmetricEigen.ejml(k, 0, true);
        assertPrefixClose(ejml.values(), lapack.values(), CROSS_TOL, "dsyevd vs ejml");
        assertTrue(lapack.residual() < RESIDUAL_TOL, "dsyevd residual " + lapack.residual());
        assertTrue(ejml.residual() < RESIDUAL_TOL, "ejml residual " + ejml.residual());
        // the top eigenvector is simple here, so both solvers agree on it up to sign
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += lapack.vectors().get(i, 0) * ejml.vectors().get(i, 0);
        }
        assertEquals(1.0, Math.abs(dot), 1e-10, "top eigenvectors must coincide up to sign");
    }

    @Test
    void residualIsRecomputableFromTheReturnedPairs() {
        int n = 200;
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), repeatedAndZeros(n));
        Spectrum s = Eigensolvers.symmetric(k, EigenRequest.top(30).withVectors().raw());
        DMatrixRMaj v = s.eigenvectors().orElseThrow();
        // independent recomputation of ‖Kv_j − λ_j v_j‖ with plain loops
        double sum = 0;
        for (int j = 0; j < 30; j++) {
            for (int i = 0; i < n; i++) {
                double kv = 0;
                for (int l = 0; l < n; l++) {
                    kv += k.get(i, l) * v.get(l, j);
                }
                double r = kv - s.eigenvalue(j) * v.get(i, j);
                sum += r * r;
            }
        }
        assertEquals(Math.sqrt(sum / 30) / 3.0, s.residual(), 1e-16);
        assertTrue(s.residual() < RESIDUAL_TOL);
        assertTrue(Double.isNaN(Eigensolvers.symmetric(k, EigenRequest.all()).residual()),
                "eigenvalues-only dense solves report NaN");
    }

    @Test
    void negativeEigenvaluesAreCountedWithTheirMass() {
        int n = 150;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 / (i + 1);
        }
        lambda[n - 1] = -0.5;
        lambda[n - 2] = -0.25;
        lambda[n - 3] = -1e-3;
        double total = 0;
        for (double l : lambda) {
            total += Math.abs(l);
        }
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        Spectrum s = Eigensolvers.symmetric(k, EigenRequest.all());
        assertEquals(3, s.negativeCount());
        assertEquals((0.5 + 0.25 + 1e-3) / total, s.negativeMass(), 1e-12);
        assertEquals(-0.5 / n, s.eigenvalue(n - 1), 1e-12, "PER_POINT divides by n");
    }

    @Test
    void perPointNormalizationIsRawOverN() {
        int n = 180;
        DMatrixRMaj k = TestKernels.exponentialKernelMatrix(TestKernels.uniformPoints(n, 3, rand), 1.0);
        DMatrixRMaj before = k.copy();
        double[] raw = Eigensolvers.symmetric(k, EigenRequest.all().raw()).eigenvalues();
        Spectrum perPoint = Eigensolvers.symmetric(k, EigenRequest.all());
        assertEquals(Normalization.PER_POINT, perPoint.normalization());
        for (int i = 0; i < n; i++) {
            assertEquals(raw[i] / n, perPoint.eigenvalue(i), 1e-15 * raw[0]);
        }
        assertTrue(perPoint.toString().contains("eigenvalues of K/n"), perPoint.toString());
        assertTrue(Arrays.equals(before.data, k.data), "the input matrix must not be modified");
    }
}
