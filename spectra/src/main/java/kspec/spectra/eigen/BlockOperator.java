package kspec.spectra.eigen;

import org.ejml.data.DMatrixRMaj;

/**
 * A {@link SymmetricOperator} whose natural product is the block one — one pass over its tiles
 * multiplies b vectors at once — so a single vector goes through it as an n × 1 block. The two
 * public products check their arguments here, once for every tiled operator; subclasses implement
 * {@link #applyBlock} on checked arguments.
 */
public abstract class BlockOperator implements SymmetricOperator {

    /**
     * y = A·x, as the n × 1 block product.
     *
     * @param x length n. Not modified.
     * @param y length n. Modified: overwritten. Must not be {@code x}.
     */
    @Override
    public final void apply(double[] x, double[] y) {
        int n = size();
        if (x.length != n || y.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n + ", got " + x.length + " and " + y.length);
        }
        apply(DMatrixRMaj.wrap(n, 1, x), DMatrixRMaj.wrap(n, 1, y));
    }

    /**
     * Y = A·X.
     *
     * @param x n × b. Not modified.
     * @param y Modified: reshaped to n × b and overwritten. Must not alias {@code x}.
     */
    @Override
    public final void apply(DMatrixRMaj x, DMatrixRMaj y) {
        int n = size();
        if (x.numRows != n) {
            throw new IllegalArgumentException("block has " + x.numRows + " rows, operator size is " + n);
        }
        if (x == y || x.data == y.data) {
            throw new IllegalArgumentException("the output block must not alias the input block: pass a separate matrix");
        }
        applyBlock(x, y);
    }

    /**
     * Y = A·X on checked arguments.
     *
     * @param x n × b. Not modified.
     * @param y Modified: to be reshaped to n × b and overwritten; never aliases {@code x}.
     */
    protected abstract void applyBlock(DMatrixRMaj x, DMatrixRMaj y);
}
