package kspec.manifold.knn;

import java.util.Arrays;
import java.util.stream.IntStream;
import kspec.spectra.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact brute-force k nearest neighbours by tiles of one GEMM each.
 *
 * <p>The n points are cut into tiles of {@value #TILE} rows. For every tile pair (I, J) with
 * J ≥ I (the distance matrix is symmetric, so half the GEMM flops) one native GEMM
 * C = X_I·X_Jᵀ (itself multi-threaded) gives ‖x_i − x_j‖² = ‖x_i‖² + ‖x_j‖² − 2C_ij (clamped at 0);
 * <i>after</i> the GEMM returns, Java threads offer each entry to the k-best list of row i (rows of
 * the tile, in parallel) and of row j (columns of the tile, in parallel, a separate pass so that no
 * list is shared between threads). Memory: O(n·k) for the lists plus one TILE × TILE tile; never
 * an n × n matrix. Finally the k selected distances of each row are recomputed directly (no
 * cancellation, so exact repeats give exactly 0) and sorted by (distance, index).
 */
final class GemmKnn {

    /** Rows per tile: a 1024 × 1024 tile is 8 MB and a GEMM of ~1.6 GFlop at dim 784. */
    static final int TILE = 1024;

    private GemmKnn() {
    }

    /**
     * @param x n × dim points. Not modified.
     * @param k neighbours per point, k &lt; n
     * @param indices   Modified: n × k neighbour row indices (into x)
     * @param distances Modified: n × k distances, ascending per row
     */
    static void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
        int n = x.numRows;
        double[] norms = PairwiseDistances.squaredNorms(x);
        double[] best = distances;
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(indices, -1);
        int tile = Math.min(n, TILE);
        DMatrixRMaj c = new DMatrixRMaj(tile, tile);
        for (int i0 = 0; i0 < n; i0 += tile) {
            int i1 = Math.min(n, i0 + tile);
            DMatrixRMaj a = PairwiseDistances.rows(x, i0, i1);
            for (int j0 = i0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                DMatrixRMaj b = j0 == i0 ? a : PairwiseDistances.rows(x, j0, j1);
                Blas.multTransB(a, b, c); // native and multi-threaded: outside any parallel Java loop
                double[] cd = c.data;
                int width = j1 - j0;
                int fi0 = i0;
                int fj0 = j0;
                IntStream.range(i0, i1).parallel().forEach(i -> {
                    int row = (i - fi0) * width - fj0;
                    double ni = norms[i];
                    double worst = best[i * k + k - 1];
                    for (int j = fj0; j < fj0 + width; j++) {
                        double d2 = ni + norms[j] - 2 * cd[row + j];
                        if (d2 < worst && j != i) {
                            worst = offer(best, indices, k, i, j, d2);
                        }
                    }
                });
                if (j0 != i0) {
                    int height = i1 - i0;
                    IntStream.range(j0, j1).parallel().forEach(j -> {
                        double nj = norms[j];
                        int col = j - fj0;
                        double worst = best[j * k + k - 1];
                        for (int r = 0; r < height; r++) {
                            double d2 = nj + norms[fi0 + r] - 2 * cd[r * width + col];
                            if (d2 < worst) {
                                worst = offer(best, indices, k, j, fi0 + r, d2);
                            }
                        }
                    });
                }
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> refine(x, k, i, indices, distances));
    }

    /**
     * Inserts candidate j with squared distance d2 (below the current k-th best) into the ascending
     * k-best list of row i.
     *
     * @return the new k-th best squared distance of row i
     */
    private static double offer(double[] best, int[] idx, int k, int i, int j, double d2) {
        double d = d2 > 0 ? d2 : 0; // guard against negative round-off
        int base = i * k;
        int p = base + k - 1;
        while (p > base && best[p - 1] > d) {
            best[p] = best[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        best[p] = d;
        idx[p] = j;
        return best[base + k - 1];
    }

    /** Replaces the k squared GEMM distances of row i by direct distances, sorted by (distance, index). */
    private static void refine(DMatrixRMaj x, int k, int i, int[] idx, double[] dist) {
        int base = i * k;
        for (int j = 0; j < k; j++) {
            dist[base + j] = PairwiseDistances.distance(x, i, idx[base + j]);
        }
        sortRow(idx, dist, base, k);
    }

    /** Insertion sort of one row by (distance, index); k is small. */
    static void sortRow(int[] idx, double[] dist, int base, int k) {
        for (int a = base + 1; a < base + k; a++) {
            double d = dist[a];
            int id = idx[a];
            int p = a;
            while (p > base && (dist[p - 1] > d || (dist[p - 1] == d && idx[p - 1] > id))) {
                dist[p] = dist[p - 1];
                idx[p] = idx[p - 1];
                p--;
            }
            dist[p] = d;
            idx[p] = id;
        }
    }
}
