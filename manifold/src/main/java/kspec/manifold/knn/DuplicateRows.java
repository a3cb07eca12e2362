package kspec.manifold.knn;

import java.util.Arrays;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;

/**
 * Finds exactly repeated rows (equal under {@code ==} coordinate by coordinate, so {@code -0.0}
 * equals {@code 0.0}) by hashing rows, sorting the hashes and comparing rows that share one:
 * O(n·dim + n log n). Rejects non-finite values on the way.
 */
public final class DuplicateRows {

    private DuplicateRows() {
    }

    /**
     * @param points n × dim. Not modified.
     * @return firstCopy[i] = the smallest row index equal to row i (i itself for a first occurrence)
     * @throws DataException if a value is NaN or infinite
     */
    public static int[] firstCopies(DMatrixRMaj points) {
        int n = points.numRows;
        int dim = points.numCols;
        double[] x = points.data;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int h = 1;
            for (int c = 0; c < dim; c++) {
                double v = x[i * dim + c];
                if (!Double.isFinite(v)) {
                    throw new DataException("row " + i + ", column " + c + " is " + v
                            + "; drop or impute rows with non-finite values before the neighbour search");
                }
                long bits = Double.doubleToLongBits(v + 0.0); // + 0.0 maps -0.0 to 0.0
                h = 31 * h + (int) (bits ^ (bits >>> 32));
            }
            packed[i] = ((long) h << 32) | i;
        }
        Arrays.sort(packed);
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (packed[end] >>> 32) == (packed[start] >>> 32)) {
                end++;
            }
            // members of one hash group come in ascending row order (low 32 bits)
            for (int a = start + 1; a < end; a++) {
                int row = (int) packed[a];
                for (int b = start; b < a; b++) {
                    int earlier = (int) packed[b];
                    if (first[earlier] == earlier && equalRows(x, dim, row, earlier)) {
                        first[row] = earlier;
                        break;
                    }
                }
            }
            start = end;
        }
        return first;
    }

    private static boolean equalRows(double[] x, int dim, int i, int j) {
        for (int c = 0; c < dim; c++) {
            if (x[i * dim + c] != x[j * dim + c]) {
                return false;
            }
        }
        return true;
    }
}
