package kspec.spectra.eigen;

import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;

/**
 * Block products A·q<sub>j</sub> for Krylov basis vectors stored as the <b>rows</b> of a row-major
 * array (vector j = row j), which is how {@link BlockKrylovEigensolver} keeps its bases so that a
 * new block is a contiguous range.
 *
 * <p>{@link #of(SymmetricOperator)} picks how: a stored dense matrix with native BLAS available is
 * copied once into native memory and multiplied there ({@link NativeDenseProducts}); any other
 * operator gets its n × b column block by a cache-blocked transpose. Close after the solve: the
 * native copy is freed then, not at garbage collection.
 */
interface RowProducts extends AutoCloseable {

    /** @return n, the dimension */
    int size();

    /**
     * out rows [outRow, outRow + rows) ← (A·q<sub>j</sub>)ᵀ for the vectors q<sub>j</sub> in rows
     * [inRow, inRow + rows) of {@code in}.
     *
     * @param in  basis rows. Not modified.
     * @param out Modified: only the given rows.
     */
    void multiply(double[] in, int inRow, int rows, double[] out, int outRow);

    /**
     * Whether a product with few vectors costs proportionally less than one with many, as for a
     * stored matrix (GEMM flops ∝ width). A matrix-free operator that computes its entries on every
     * pass pays about the same for 1 vector as for b, so its blocks should stay wide.
     */
    boolean narrowIsCheaper();

    @Override
    void close();

    /**
     * @param op the operator. Not modified; a stored dense matrix is copied to native memory, so
     *           it must not change during the solve.
     */
    static RowProducts of(SymmetricOperator op) {
        // a native-only buffer strategy (the matrix kept in native memory); no pure-Java counterpart
        if (op instanceof DenseOperator dense && NativeBlas.isAvailable()) {
            return new NativeDenseProducts(dense.matrix());
        }
        return new OperatorProducts(op, op instanceof DenseOperator);
    }

    /** Any operator, through its n × b block product and two blocked transposes. */
    final class OperatorProducts implements RowProducts {
        private final SymmetricOperator op;
        private final boolean stored;

        OperatorProducts(SymmetricOperator op, boolean stored) {
            this.op = op;
            this.stored = stored;
        }

        @Override
        public int size() {
            return op.size();
        }

        @Override
        public void multiply(double[] in, int inRow, int rows, double[] out, int outRow) {
            int n = op.size();
            DMatrixRMaj x = new DMatrixRMaj(n, rows);
            transpose(in, inRow * n, rows, n, x.data, 0);
            DMatrixRMaj y = new DMatrixRMaj(n, rows);
            op.apply(x, y);
            transpose(y.data, 0, n, rows, out, outRow * n);
        }

        @Override
        public boolean narrowIsCheaper() {
            return stored;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /**
     * dst[dstOff + j·rows + i] = src[srcOff + i·cols + j]: the rows × cols block becomes cols × rows,
     * in 64 × 64 tiles so both sides stay in cache.
     */
    static void transpose(double[] src, int srcOff, int rows, int cols, double[] dst, int dstOff) {
        final int tile = 64;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int s = srcOff + i * cols;
                    for (int j = j0; j < j1; j++) {
                        dst[dstOff + j * rows + i] = src[s + j];
                    }
                }
            }
        }
    }
}
