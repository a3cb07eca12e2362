package kspec.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java path of {@link Blas} (what runs where the natives do not load) against its native
 * twin, routine by routine, on the same inputs: two independent implementations of each operation.
 */
class EjmlBlasTest {

    /** Relative agreement of two float64 implementations of the same product. */
    private static final double PRODUCT_TOL = 1e-12;
    /** Factorisations, solves and eigenpairs of well-conditioned matrices, relative to their scale. */
    private static final double DECOMPOSITION_TOL = 1e-10;

    private final Random rand = new Random(20261205);

    /** GEMM on the leading rows of larger arrays, every transposition, overwrite and accumulate. */
    @ParameterizedTest(name = "transA={0} transB={1} alpha={2} beta={3}")
    @CsvSource({"false,false,1.0,0.0", "true,false,-0.5,1.0", "false,true,2.0,0.0", "true,true,1.5,1.0"})
    void gemmMatchesTheNativeTwin(boolean transA, boolean transB, double alpha, double beta) {
        int m = 13;
        int n = 9;
        int k = 21;
        double[] a = random((transA ? k : m) * (transA ? m : k) + 50); // spare tail: only the leading part is used
        double[] b = random(k * n + 30);
        double[] c = random(m * n);
        double[] expected = c.clone();
        NativeBlas.dgemm(transA, transB, m, n, k, alpha, a, b, beta, expected);
        double[] actual = c.clone();
        EjmlBlas.gemm(transA, transB, m, n, k, alpha, a, b, beta, actual);
        assertClose(expected, actual, PRODUCT_TOL);
    }

    @Test
    void gemmRefusesABetaEjmlCannotApply() {
        assertThrows(IllegalArgumentException.class,
                () -> EjmlBlas.gemm(false, false, 2, 2, 2, 1.0, new double[4], new double[4], 0.5, new double[4]));
    }

    @Test
    void syrkUpperTriangleAndGemvMatchTheNativeTwins() {
        int n = 17;
        int k = 6;
        double[] a = random(n * k);
        double[] expected = new double[n * n];
        NativeBlas.dsyrkUpper(n, k, 0.75, a, 0.0, expected);
        double[] actual = new double[n * n];
        EjmlBlas.syrk(n, k, 0.75, a, actual);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                assertEquals(expected[i * n + j], actual[i * n + j], PRODUCT_TOL, "upper (" + i + ", " + j + ")");
            }
        }
        double[] x = random(k);
        double[] y = new double[n];
        NativeBlas.dgemv(n, k, 1.0, a, x, 0.0, y);
        double[] yJava = new double[n];
        EjmlBlas.gemv(n, k, a, x, yJava);
        assertClose(y, yJava, PRODUCT_TOL);
    }

    /**
     * Above n = 1000 EJML factorises in blocks and leaves its input in block storage; the twin must
     * still return L row-major, as LAPACK does. The leading 300 × 300 block of the factor then
     * solves the leading block's system.
     */
    @Test
    void blockedCholeskyReturnsTheRowMajorFactorAndItsLeadingBlockSolves() {
        int n = 1040;
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(n, n + 8, -1, 1, rand);
        DMatrixRMaj spd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, spd);
        double[] lapack = spd.data.clone();
        assertEquals(0, NativeBlas.dpotrf(n, lapack, n));
        double[] java = spd.data.clone();
        assertEquals(0, EjmlBlas.choleskyLower(n, java));
        double scale = Math.sqrt(CommonOps_DDRM.elementMaxAbs(spd));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(lapack[i * n + j], java[i * n + j], DECOMPOSITION_TOL * scale, "L(" + i + ", " + j + ")");
            }
        }
        int lead = 300;
        double[] rhs = random(lead * 2);
        double[] expected = rhs.clone();
        assertEquals(0, NativeBlas.dpotrs(lead, 2, lapack, n, expected));
        double[] actual = rhs.clone();
        EjmlBlas.choleskySolve(lead, 2, java, n, actual);
        assertClose(expected, actual, DECOMPOSITION_TOL);
    }

    @Test
    void choleskyOfAnIndefiniteMatrixFailsWithoutNamingAMinor() {
        // leading minors 2, 3, -5: LAPACK names order 3; EJML cannot tell, so no block is trusted
        double[] a = {2, 1, 0, 1, 2, 1, 0, 1, -1};
        assertEquals(3, NativeBlas.dpotrf(3, a.clone(), 3));
        assertEquals(1, EjmlBlas.choleskyLower(3, a.clone()));
    }

    /** Ascending eigenvalues and their eigenvectors (compared up to sign), as dsyevd returns them. */
    @Test
    void symmetricEigenMatchesDsyevdInOrderAndUpToSign() {
        int n = 40;
        DMatrixRMaj sym = RandomMatrices_DDRM.symmetric(n, -1, 1, rand);
        double[] vLapack = sym.data.clone();
        double[] wLapack = new double[n];
        assertEquals(0, NativeBlas.dsyevd(n, vLapack, wLapack, true));
        double[] vJava = sym.data.clone();
        double[] wJava = new double[n];
        assertEquals(0, EjmlBlas.symmetricEigen(n, vJava, wJava));
        double scale = Math.max(Math.abs(wLapack[0]), Math.abs(wLapack[n - 1]));
        for (int j = 0; j < n; j++) {
            assertEquals(wLapack[j], wJava[j], DECOMPOSITION_TOL * scale, "eigenvalue " + j);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += vLapack[i * n + j] * vJava[i * n + j];
            }
            assertEquals(1.0, Math.abs(dot), 1e-8, "eigenvector " + j); // random spectrum: gaps well above 1e-8
        }
    }

    private double[] random(int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rand.nextDouble() * 2 - 1;
        }
        return v;
    }

    private static void assertClose(double[] expected, double[] actual, double relTol) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relTol * scale, "element " + i);
        }
    }
}
