package kspec.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native bridge against EJML's pure-Java results on the same random inputs. */
class NativeBlasTest {

    /** Relative agreement expected between two float64 implementations of the same product. */
    private static final double PRODUCT_TOL = 1e-12;
    /** Eigenvalues of a well-conditioned 150×150 matrix from two different algorithms. */
    private static final double EIGEN_TOL = 1e-10;

    private final Random rand = new Random(20261122);

    @Test
    void nativeLibraryLoadsOnThisPlatform() {
        assertTrue(NativeBlas.isAvailable(), () -> "natives did not load: " + NativeBlas.unavailableReason());
    }

    @Test
    void gemmMatchesEjmlInAllTranspositions() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(37, 23, -1, 1, rand);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(23, 41, -1, 1, rand);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);

        CommonOps_DDRM.mult(a, b, expected);
        Blas.mult(a, b, actual);
        assertMatrixClose(expected, actual, PRODUCT_TOL);

        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        Blas.multTransB(a, bt, actual);
        assertMatrixClose(expected, actual, PRODUCT_TOL);

        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        Blas.multTransA(at, b, actual);
        assertMatrixClose(expected, actual, PRODUCT_TOL);
    }

    @Test
    void syrkGramIsSymmetricAndMatchesEjml() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(53, 17, -1, 1, rand);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransB(0.5, x, x, expected);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        Blas.gram(0.5, x, actual);
        assertMatrixClose(expected, actual, PRODUCT_TOL);
        for (int i = 0; i < 53; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(actual.get(j, i), actual.get(i, j), 0.0, "Gram must be exactly symmetric");
            }
        }
    }

    @Test
    void dsyevdMatchesEjmlSymmetricQr() {
        int n = 150;
        DMatrixRMaj a = RandomMatrices_DDRM.symmetric(n, -1, 1, rand);
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(n, true, true);
        assertTrue(ejml.decompose(a.copy()));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = ejml.getEigenvalue(i).real;
        }
        Arrays.sort(expected);

        double[] work = a.data.clone();
        double[] w = new double[n];
        assertEquals(0, NativeBlas.dsyevd(n, work, w, true));
        double scale = Math.max(Math.abs(expected[0]), Math.abs(expected[n - 1]));
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], w[i], EIGEN_TOL * scale, "eigenvalue " + i);
        }
        // columns of `work` are eigenvectors: A v = λ v to machine precision relative to ‖A‖
        DMatrixRMaj v = DMatrixRMaj.wrap(n, n, work);
        DMatrixRMaj av = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, v, av);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                assertEquals(w[j] * v.get(i, j), av.get(i, j), EIGEN_TOL * scale);
            }
        }
    }

    @Test
    void choleskyOfALeadingBlockSolvesLikeEjml() {
        int big = 40;
        int n = 25;
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(big, big + 5, -1, 1, rand);
        DMatrixRMaj spd = new DMatrixRMaj(big, big);
        CommonOps_DDRM.multTransB(x, x, spd);
        DMatrixRMaj lead = CommonOps_DDRM.extract(spd, 0, n, 0, n);
        DMatrixRMaj rhs = RandomMatrices_DDRM.rectangle(n, 3, -1, 1, rand);
        DMatrixRMaj expected = new DMatrixRMaj(n, 3);
        assertTrue(CommonOps_DDRM.solveSPD(lead.copy(), rhs, expected));

        // factor the whole matrix once; its leading n × n block is the factor of the leading block
        double[] factor = spd.data.clone();
        assertEquals(0, NativeBlas.dpotrf(big, factor, big));
        double[] solution = rhs.data.clone();
        assertEquals(0, NativeBlas.dpotrs(n, 3, factor, big, solution));
        assertMatrixClose(expected, DMatrixRMaj.wrap(n, 3, solution), 1e-10);
    }

    @Test
    void choleskyReportsTheFirstNonPositiveMinor() {
        // leading minors 2, 3, -5: the first that is not positive is of order 3
        double[] a = {2, 1, 0, 1, 2, 1, 0, 1, -1};
        assertEquals(3, NativeBlas.dpotrf(3, a, 3));
    }

    @Test
    void dsyevrLargestMatchesTheTopOfDsyevd() {
        int n = 120;
        int k = 7;
        DMatrixRMaj a = RandomMatrices_DDRM.symmetric(n, -1, 1, rand);
        double[] all = new double[n];
        assertEquals(0, NativeBlas.dsyevd(n, a.data.clone(), all, false));
        double[] top = new double[k];
        double[] z = new double[n * k];
        double[] work = a.data.clone();
        assertEquals(0, NativeBlas.dsyevrLargest(n, k, work, top, z));
        double scale = Math.max(Math.abs(all[0]), Math.abs(all[n - 1]));
        for (int j = 0; j < k; j++) {
            assertEquals(all[n - k + j], top[j], EIGEN_TOL * scale, "eigenvalue " + j);
        }
        // columns of z are eigenvectors of the matching eigenvalues
        DMatrixRMaj v = DMatrixRMaj.wrap(n, k, z);
        DMatrixRMaj av = new DMatrixRMaj(n, k);
        CommonOps_DDRM.mult(a, v, av);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                assertEquals(top[j] * v.get(i, j), av.get(i, j), EIGEN_TOL * scale);
            }
        }
        double[] valuesOnly = new double[k];
        assertEquals(0, NativeBlas.dsyevrLargest(n, k, a.data.clone(), valuesOnly, null));
        assertEquals(top[k - 1], valuesOnly[k - 1], EIGEN_TOL * scale);
    }

    @ParameterizedTest(name = "two-stage: {0}")
    @ValueSource(booleans = {false, true})
    void valuesOnlyCallsReadTheUpperTriangleLikeTheRowMajorDsyevd(boolean twoStage) {
        int n = 90;
        DMatrixRMaj a = RandomMatrices_DDRM.symmetric(n, -1, 1, rand);
        double[] expected = new double[n];
        assertEquals(0, NativeBlas.dsyevd(n, a.data.clone(), expected, false));
        double[] upperOnly = a.data.clone();
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                upperOnly[i * n + j] = Double.NaN; // the strict lower triangle must not be read
            }
        }
        double[] w = new double[n];
        double[] before = upperOnly.clone();
        assertEquals(0, NativeBlas.symmetricEigenvalues(n, upperOnly, w, twoStage));
        assertArrayEquals(before, upperOnly, 0.0, "the input is not modified");
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], w[i], EIGEN_TOL * Math.abs(expected[n - 1]), "eigenvalue " + i);
        }
    }

    @Test
    void parallelCopyToNativeMemoryReproducesEveryElement() {
        int length = (int) NativeBlas.PARALLEL_COPY_MIN + 12_345; // above the threshold, not a multiple of the workers
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = i * 0.5 - 7.0;
        }
        int before = NativeBlas.threads();
        NativeBlas.setThreads(3); // three chunks, the last one shorter
        try (DoublePointer p = NativeBlas.copyToNative(a, length)) {
            double[] back = new double[length];
            p.get(back, 0, length);
            assertArrayEquals(a, back, 0.0);
        } finally {
            NativeBlas.setThreads(before);
        }
        try (DoublePointer prefix = NativeBlas.copyToNative(a, 10)) { // below the threshold: the caller copies
            assertEquals(a[9], prefix.get(9), 0.0);
        }
    }

    @Test
    void gemvMatchesEjml() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(31, 19, -1, 1, rand);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(19, 1, -1, 1, rand);
        DMatrixRMaj expected = new DMatrixRMaj(31, 1);
        CommonOps_DDRM.mult(a, x, expected);
        double[] y = new double[31];
        NativeBlas.dgemv(31, 19, 1.0, a.data, x.data, 0.0, y);
        assertMatrixClose(expected, DMatrixRMaj.wrap(31, 1, y), PRODUCT_TOL);
    }

    private static void assertMatrixClose(DMatrixRMaj expected, DMatrixRMaj actual, double relTol) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        double scale = CommonOps_DDRM.elementMaxAbs(expected);
        for (int i = 0; i < expected.data.length && i < expected.getNumElements(); i++) {
            assertEquals(expected.data[i], actual.data[i], relTol * scale, "element " + i);
        }
    }
}
