package kspec.core.linalg;

import org.ejml.data.DMatrixRMaj;

/** Copies of selected rows and columns of a dense row-major matrix (index lists may repeat or reorder). */
public final class Submatrix {

    private Submatrix() {
    }

    /**
     * The |rows| × |cols| matrix out[i][j] = m[rows[i]][cols[j]].
     *
     * @param m    source matrix. Not modified.
     * @param rows row indices into {@code m}
     * @param cols column indices into {@code m}
     */
    public static DMatrixRMaj of(DMatrixRMaj m, int[] rows, int[] cols) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, cols.length);
        for (int i = 0; i < rows.length; i++) {
            int src = rows[i] * m.numCols;
            int dst = i * cols.length;
            for (int j = 0; j < cols.length; j++) {
                out.data[dst + j] = m.data[src + cols[j]];
            }
        }
        return out;
    }

    /**
     * The |rows| × cols(m) matrix whose row i is row rows[i] of {@code m}.
     *
     * @param m    source matrix. Not modified.
     * @param rows row indices into {@code m}
     */
    public static DMatrixRMaj rows(DMatrixRMaj m, int[] rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, m.numCols);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data, rows[i] * m.numCols, out.data, i * m.numCols, m.numCols);
        }
        return out;
    }
}
