package kspec.spectra.eigen;

import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * C ← α·op(A)·op(B) + β·C on raw row-major arrays whose leading rows are used (the Krylov bases
 * here grow row by row inside one preallocated array): native DGEMM when loaded, EJML otherwise
 * (where β must be 0 or 1).
 */
final class Gemm {

    private Gemm() {
    }

    /**
     * @param a op(A) is m × k: A is m × k, or k × m when {@code transA}. Not modified.
     * @param b op(B) is k × n: B is k × n, or n × k when {@code transB}. Not modified.
     * @param c m × n. Modified.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (NativeBlas.isAvailable()) {
            NativeBlas.dgemm(transA, transB, m, n, k, alpha, a, b, beta, c);
            return;
        }
        if (beta != 0.0 && beta != 1.0) {
            throw new IllegalArgumentException("the EJML fallback supports beta 0 or 1, got " + beta);
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
}
