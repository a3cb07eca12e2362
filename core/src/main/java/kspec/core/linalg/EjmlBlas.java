package kspec.core.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The pure-Java twins, on EJML, of the {@link NativeBlas} routines that {@link Blas} dispatches:
 * same arguments, same row-major storage, same results up to round-off. Used when the natives do not
 * load; kept separate so that tests can hold each one against its native twin.
 */
final class EjmlBlas {

    private EjmlBlas() {
    }

    /**
     * C ← α·op(A)·op(B) + β·C on the leading parts of row-major arrays, as {@link NativeBlas#dgemm(
     * boolean, boolean, int, int, int, double, double[], double[], double, double[])}; EJML offers
     * only β ∈ {0, 1} (overwrite or accumulate).
     *
     * @throws IllegalArgumentException for any other β
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, double[] b, double beta, double[] c) {
        if (beta != 0.0 && beta != 1.0) {
            throw new IllegalArgumentException("the pure-Java GEMM supports beta 0 or 1, got " + beta);
        }
        DMatrixRMaj ma = transA ? DMatrixRMaj.wrap(k, m, a) : DMatrixRMaj.wrap(m, k, a);
        DMatrixRMaj mb = transB ? DMatrixRMaj.wrap(n, k, b) : DMatrixRMaj.wrap(k, n, b);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
        boolean add = beta == 1.0;
        if (transA && transB) {
            if (add) {
                CommonOps_DDRM.multAddTransAB(alpha, ma, mb, mc);
            } else {
                CommonOps_DDRM.multTransAB(alpha, ma, mb, mc);
            }
        } else if (transA) {
            if (add) {
                CommonOps_DDRM.multAddTransA(alpha, ma, mb, mc);
            } else {
                CommonOps_DDRM.multTransA(alpha, ma, mb, mc);
            }
        } else if (transB) {
            if (add) {
                CommonOps_DDRM.multAddTransB(alpha, ma, mb, mc);
            } else {
                CommonOps_DDRM.multTransB(alpha, ma, mb, mc);
            }
        } else if (add) {
            CommonOps_DDRM.multAdd(alpha, ma, mb, mc);
        } else {
            CommonOps_DDRM.mult(alpha, ma, mb, mc);
        }
    }

    /** C ← α·A·Aᵀ in full (both triangles), A n × k, C n × n: the twin of {@link NativeBlas#dsyrkUpper} with β = 0. */
    static void syrk(int n, int k, double alpha, double[] a, double[] c) {
        CommonOps_DDRM.multTransB(alpha, DMatrixRMaj.wrap(n, k, a), DMatrixRMaj.wrap(n, k, a), DMatrixRMaj.wrap(n, n, c));
    }

    /** y ← A·x, A m × n: {@link NativeBlas#dgemv} with α = 1, β = 0. */
    static void gemv(int m, int n, double[] a, double[] x, double[] y) {
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(m, n, a), DMatrixRMaj.wrap(n, 1, x), DMatrixRMaj.wrap(m, 1, y));
    }

    /**
     * A = L·Lᵀ, the twin of {@link NativeBlas#dpotrf} with lda = n. EJML's blocked factorisation
     * (n ≥ 1000) leaves its input in block storage, so L is taken from the decomposition and copied
     * back row-major; the strict upper triangle becomes 0.
     *
     * @param a n × n, lower triangle read. Modified: the lower triangle holds L on success.
     * @return 0 on success, else 1: EJML does not say which leading minor failed, so no leading
     *     block of {@code a} is reported as factorised
     */
    static int choleskyLower(int n, double[] a) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            return 1;
        }
        System.arraycopy(chol.getT(null).data, 0, a, 0, n * n);
        return 0;
    }

    /**
     * X = A⁻¹·B from the factor of {@link #choleskyLower}, the twin of {@link NativeBlas#dpotrs}: forward
     * substitution with L, then back substitution with Lᵀ, one right-hand side at a time.
     *
     * @param l the factor's leading n × n block with leading dimension {@code lda}. Not modified.
     * @param b n × nrhs row-major. Modified: overwritten with X.
     */
    static void choleskySolve(int n, int nrhs, double[] l, int lda, double[] b) {
        double[] lower = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(l, i * lda, lower, i * n, i + 1);
        }
        double[] column = new double[n];
        for (int c = 0; c < nrhs; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = b[i * nrhs + c];
            }
            TriangularSolver_DDRM.solveL(lower, column, n);
            TriangularSolver_DDRM.solveTranL(lower, column, n);
            for (int i = 0; i < n; i++) {
                b[i * nrhs + c] = column[i];
            }
        }
    }

    /**
     * The symmetric eigen-decomposition by EJML's symmetric QR algorithm, the twin of
     * {@link NativeBlas#dsyevd} with vectors.
     *
     * @param a n × n symmetric. Modified: the eigenvectors as columns, in the order of {@code w}.
     * @param w length n. Modified: the eigenvalues in ascending order.
     * @return 0 on success, 1 when the algorithm did not converge
     */
    static int symmetricEigen(int n, double[] a, double[] w) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            return 1;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> eig.getEigenvalue(i).real));
        for (int j = 0; j < n; j++) {
            w[j] = eig.getEigenvalue(order[j]).real;
            double[] v = eig.getEigenVector(order[j]).data;
            for (int i = 0; i < n; i++) {
                a[i * n + j] = v[i];
            }
        }
        return 0;
    }
}
