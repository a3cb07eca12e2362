package kspec.spectra.eigen;

import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

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
        Blas.gemv(a, x, y);
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        Blas.mult(a, x, y);
    }
}
