package kspec.spectra.eigen;

import smile.math.blas.Transpose;
import smile.math.matrix.IMatrix;

/**
 * A {@link SymmetricOperator} seen as Smile's {@link IMatrix}, so that ARPACK
 * ({@code smile.math.matrix.ARPACK.syev}, implicitly restarted Lanczos; Lehoucq, Sorensen &amp; Yang
 * 1998) can serve as an independent matrix-free reference. Symmetric, so Aᵀx = Ax.
 */
final class SmileOperator extends IMatrix {

    private final SymmetricOperator op;

    SmileOperator(SymmetricOperator op) {
        this.op = op;
    }

    @Override
    public int nrow() {
        return op.size();
    }

    @Override
    public int ncol() {
        return op.size();
    }

    @Override
    public long size() {
        return (long) op.size() * op.size();
    }

    @Override
    public void mv(Transpose trans, double alpha, double[] x, double beta, double[] y) {
        double[] ax = new double[op.size()];
        op.apply(x, ax);
        for (int i = 0; i < ax.length; i++) {
            y[i] = alpha * ax[i] + beta * y[i];
        }
    }

    @Override
    public void mv(double[] work, int inputOffset, int outputOffset) {
        int n = op.size();
        double[] x = new double[n];
        double[] y = new double[n];
        System.arraycopy(work, inputOffset, x, 0, n);
        op.apply(x, y);
        System.arraycopy(y, 0, work, outputOffset, n);
    }

    @Override
    public void tv(double[] work, int inputOffset, int outputOffset) {
        mv(work, inputOffset, outputOffset);
    }
}
