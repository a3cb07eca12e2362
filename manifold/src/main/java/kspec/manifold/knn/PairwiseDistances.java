package kspec.manifold.knn;

import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Squared Euclidean distances between two blocks of rows through one GEMM:
 * <pre>‖x − y‖² = ‖x‖² + ‖y‖² − 2 x·y,  clamped at 0</pre>
 * The clamp guards against the negative round-off of the expansion, whose absolute error is about
 * {@code ε·(‖x‖² + ‖y‖²)}: fine for ranking neighbours, too coarse for tiny distances, which
 * callers recompute directly ({@link #distance}).
 *
 * <p>Calls native BLAS: never call from inside a parallel Java loop.
 */
public final class PairwiseDistances {

    private PairwiseDistances() {
    }

    /**
     * @param points n × dim. Not modified.
     * @return ‖x_i‖² for every row
     */
    public static double[] squaredNorms(DMatrixRMaj points) {
        int n = points.numRows;
        int dim = points.numCols;
        double[] x = points.data;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = i * dim, end = c + dim; c < end; c++) {
                s += x[c] * x[c];
            }
            norms[i] = s;
        }
        return norms;
    }

    /**
     * @param points n × dim. Not modified.
     * @param from   first row, inclusive
     * @param to     last row, exclusive
     * @return a new (to − from) × dim matrix holding a copy of the rows
     */
    public static DMatrixRMaj rows(DMatrixRMaj points, int from, int to) {
        int dim = points.numCols;
        DMatrixRMaj block = new DMatrixRMaj(to - from, dim);
        System.arraycopy(points.data, from * dim, block.data, 0, (to - from) * dim);
        return block;
    }

    /**
     * out[i][j] = max(0, normsA[i] + normsB[j] − 2 a_i·b_j).
     *
     * @param a      m × dim. Not modified.
     * @param normsA squared row norms of a, length m. Not modified.
     * @param b      p × dim. Not modified.
     * @param normsB squared row norms of b, length p. Not modified.
     * @param out    Modified: reshaped to m × p and overwritten.
     */
    public static void squared(DMatrixRMaj a, double[] normsA, DMatrixRMaj b, double[] normsB, DMatrixRMaj out) {
        Blas.multTransB(a, b, out);
        int m = a.numRows;
        int p = b.numRows;
        double[] c = out.data;
        for (int i = 0; i < m; i++) {
            double ni = normsA[i];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double d2 = ni + normsB[j] - 2 * c[row + j];
                c[row + j] = d2 > 0 ? d2 : 0;
            }
        }
    }

    /**
     * The directly computed distance between rows i and j (no cancellation).
     *
     * @param points n × dim. Not modified.
     */
    public static double distance(DMatrixRMaj points, int i, int j) {
        int dim = points.numCols;
        double[] x = points.data;
        int a = i * dim;
        int b = j * dim;
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double diff = x[a + c] - x[b + c];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
