package kspec.manifold.knn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact brute-force k nearest neighbours by tiles of one GEMM each.
 *
 * <p>The n points are cut into tiles of {@value #TILE} rows. For every tile pair (I, J) with
 * J ≥ I (the distance matrix is symmetric, so half the GEMM flops) one native GEMM
 * C = X_I·X_Jᵀ (SYRK on the diagonal tiles; itself multi-threaded) gives ‖x_i − x_j‖² = ‖x_i‖² + ‖x_j‖² − 2C_ij (clamped at 0);
 * <i>after</i> the GEMM returns, Java threads offer each entry to the k-best list of row i (rows of
 * the tile, in parallel) and of row j (columns of the tile, in parallel, a separate pass so that no
 * list is shared between threads). Memory: O(n·k) for the lists plus one TILE × TILE tile; never
 * an n × n matrix. Finally the k selected distances of each row are square-rooted, the small ones
 * (where the expansion cancels) recomputed directly so that exact repeats give exactly 0, and
 * sorted by (distance, index).
 */
final class GemmKnn {

    /**
     * Rows per tile: a 2048 × 2048 tile is 32 MB and a GEMM of ~6.6 GFlop at dim 784. Measured at
     * n = 10,000 × 784 (GEMM part only): tiles of 512, 1024, 2048, 5000 took 4.3, 3.8, 3.4, 4.6 s on
     * the shared 2-core machine, against 8.7 s for the full (non-symmetric) GEMM.
     */
    static final int TILE = 2048;

    /** Relative squared distance below which {@link #refine} recomputes a distance directly. */
    private static final double DIRECT_BELOW = 1e-2;

    /** Columns per task in the column pass. */
    private static final int CHUNK = 32;

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
        double[] cd = new double[tile * tile];
        try (TileProducts tiles = TileProducts.of(x, tile)) {
            search(tiles, tile, n, k, norms, best, indices, cd);
        }
        IntStream.range(0, n).parallel().forEach(i -> refine(x, norms, k, i, indices, distances));
    }

    private static void search(TileProducts tiles, int tile, int n, int k, double[] norms, double[] best,
                               int[] indices, double[] cd) {
        for (int i0 = 0; i0 < n; i0 += tile) {
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = i0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                // native and multi-threaded: outside any parallel Java loop. Diagonal tiles by SYRK (half the
                // flops); only their upper triangle (j > i) is read below.
                boolean diagonal = j0 == i0;
                tiles.product(i0, i1, j0, j1, cd);
                int width = j1 - j0;
                int fi0 = i0;
                int fj0 = j0;
                IntStream.range(i0, i1).parallel().forEach(i -> {
                    int row = (i - fi0) * width - fj0;
                    double ni = norms[i];
                    double worst = best[i * k + k - 1];
                    for (int j = diagonal ? i + 1 : fj0; j < fj0 + width; j++) {
                        double d2 = ni + norms[j] - 2 * cd[row + j];
                        if (d2 < worst) {
                            worst = offer(best, indices, k, i, j, d2);
                        }
                    }
                });
                {
                    int height = i1 - i0;
                    // columns in chunks, rows read contiguously: a strided column walk thrashes the TLB
                    IntStream.range(0, (width + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
                        int c0 = chunk * CHUNK;
                        int c1 = Math.min(width, c0 + CHUNK);
                        double[] worst = new double[c1 - c0];
                        for (int c = c0; c < c1; c++) {
                            worst[c - c0] = best[(fj0 + c) * k + k - 1];
                        }
                        for (int r = 0; r < height; r++) {
                            double nr = norms[fi0 + r];
                            int row = r * width;
                            for (int c = diagonal ? Math.max(c0, r + 1) : c0; c < c1; c++) {
                                double d2 = nr + norms[fj0 + c] - 2 * cd[row + c];
                                if (d2 < worst[c - c0]) {
                                    worst[c - c0] = offer(best, indices, k, fj0 + c, fi0 + r, d2);
                                }
                            }
                        }
                    });
                }
            }
        }
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

    /**
     * Turns the k squared GEMM distances of row i into distances, sorted by (distance, index). The
     * expansion's absolute error is at most about dim·ε·(‖x_i‖² + ‖x_j‖²), so where
     * d² ≥ {@value #DIRECT_BELOW}·(‖x_i‖² + ‖x_j‖²) its relative error is below dim·ε/{@value #DIRECT_BELOW}
     * (≈ 1e-11 at dim 784) and √d² is kept; smaller distances (exact repeats among them) are recomputed
     * directly, so a repeat gives exactly 0.
     */
    private static void refine(DMatrixRMaj x, double[] norms, int k, int i, int[] idx, double[] dist) {
        int base = i * k;
        for (int q = base; q < base + k; q++) {
            int j = idx[q];
            dist[q] = dist[q] >= DIRECT_BELOW * (norms[i] + norms[j])
                    ? Math.sqrt(dist[q]) : PairwiseDistances.distance(x, i, j);
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
