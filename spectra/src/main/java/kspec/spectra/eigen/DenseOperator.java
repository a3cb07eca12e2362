package kspec.spectra.eigen;

import kspec.core.linalg.Blas;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** A stored dense symmetric matrix as a {@link SymmetricOperator}: GEMV and GEMM products. */
final class DenseOperator implements SymmetricOperator {

    private final DMatrixRMaj a;

    DenseOperator(DMatrixRMaj a) {
        this.a = a;
    }

    /** @return the referenced matrix. Not to be modified. */
    DMatrixRMaj matrix() {
        return a;
    }

    @Override
    public int size() {
        return a.numRows;
    }

    @Override
    public void apply(double[] x, double[] y) {
        int n = a.numRows;
        if (NativeBlas.isAvailable()) {
            NativeBlas.dgemv(n, n, 1.0, a.data, x, 0.0, y);
        } else {
            CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(n, 1, x), DMatrixRMaj.wrap(n, 1, y));
        }
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        Blas.mult(a, x, y);
    }
}
