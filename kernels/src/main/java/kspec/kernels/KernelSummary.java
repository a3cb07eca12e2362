package kspec.kernels;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * One-line facts about a kernel matrix for reports and the CLI: shape, trace, diagonal range and the
 * symmetry error max|K_ij − K_ji| / max|K_ij| (0 for a K(X) build, which is exactly symmetric).
 *
 * @param rows          number of rows
 * @param cols          number of columns
 * @param trace         Σ K_ii over min(rows, cols)
 * @param minDiagonal   smallest K_ii
 * @param maxDiagonal   largest K_ii
 * @param symmetryError relative asymmetry (NaN for a non-square matrix)
 */
public record KernelSummary(int rows, int cols, double trace, double minDiagonal, double maxDiagonal,
                            double symmetryError) {

    /** Side of the square tiles the symmetry check compares with their transposes. */
    private static final int SYMMETRY_TILE = 64;

    /**
     * @param k the kernel matrix. Not modified.
     * @return its summary
     */
    public static KernelSummary of(DMatrixRMaj k) {
        int m = Math.min(k.numRows, k.numCols);
        double trace = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double d = k.get(i, i);
            trace += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double sym = Double.NaN;
        if (k.numRows == k.numCols) {
            double asym = 0;
            double scale = 0;
            int n = k.numRows;
            // tile pairs (I, J ≥ I): the transposed reads stay in cache, where a row-by-column walk
            // misses it on every read once a row of K outgrows it
            for (int i0 = 0; i0 < n; i0 += SYMMETRY_TILE) {
                int i1 = Math.min(n, i0 + SYMMETRY_TILE);
                for (int j0 = i0; j0 < n; j0 += SYMMETRY_TILE) {
                    int j1 = Math.min(n, j0 + SYMMETRY_TILE);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            double v = k.data[i * n + j];
                            double t = k.data[j * n + i];
                            scale = Math.max(scale, Math.max(Math.abs(v), Math.abs(t)));
                            if (j > i) {
                                asym = Math.max(asym, Math.abs(v - t));
                            }
                        }
                    }
                }
            }
            sym = scale > 0 ? asym / scale : 0.0;
        }
        return new KernelSummary(k.numRows, k.numCols, trace, min, max, sym);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d×%d, trace %.6g, diagonal [%.6g, %.6g], symmetry error %.2g",
                rows, cols, trace, minDiagonal, maxDiagonal, symmetryError);
    }
}
