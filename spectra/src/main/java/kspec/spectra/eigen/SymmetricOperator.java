package kspec.spectra.eigen;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A real symmetric linear operator A on R<sup>n</sup>, known only through products y = A·x.
 *
 * <p>This is what lets iterative top-k solvers run on kernels too large to store: an implementation
 * may compute the entries of A on the fly, tile by tile, and never hold n × n numbers (which would
 * also cap n at 46 340, the largest square that fits one Java array). Implementations should
 * override the block form {@link #apply(DMatrixRMaj, DMatrixRMaj)}: one pass over A's tiles
 * multiplying b vectors at once (a GEMM per tile) costs about as much as one vector, which is why
 * the solvers here are block methods.
 *
 * <p>Symmetry is a contract, not checked: A = Aᵀ up to round-off.
 */
public interface SymmetricOperator {

    /** @return n, the dimension */
    int size();

    /**
     * y = A·x.
     *
     * @param x length n. Not modified.
     * @param y length n. Modified: overwritten.
     */
    void apply(double[] x, double[] y);

    /**
     * Y = A·X for a block of b column vectors. The default applies {@link #apply(double[], double[])}
     * column by column; tiled operators should override it with one pass over their tiles.
     *
     * @param x n × b. Not modified.
     * @param y Modified: reshaped to n × b and overwritten. Must not alias {@code x}.
     */
    default void apply(DMatrixRMaj x, DMatrixRMaj y) {
        int n = size();
        if (x.numRows != n) {
            throw new IllegalArgumentException("block has " + x.numRows + " rows, operator size is " + n);
        }
        int b = x.numCols;
        y.reshape(n, b);
        double[] col = new double[n];
        double[] out = new double[n];
        for (int j = 0; j < b; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = x.data[i * b + j];
            }
            apply(col, out);
            for (int i = 0; i < n; i++) {
                y.data[i * b + j] = out[i];
            }
        }
    }

    /**
     * The operator of a stored dense symmetric matrix (products by native BLAS when available).
     * The matrix is referenced, not copied, and not checked for symmetry: use
     * {@link Eigensolvers#symmetric} for validated dense input.
     *
     * @param a n × n symmetric. Not modified (referenced: later changes to it are seen).
     */
    static SymmetricOperator dense(DMatrixRMaj a) {
        Objects.requireNonNull(a, "matrix");
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("a symmetric operator needs a square matrix, got "
                    + a.numRows + "×" + a.numCols);
        }
        return new DenseOperator(a);
    }
}
