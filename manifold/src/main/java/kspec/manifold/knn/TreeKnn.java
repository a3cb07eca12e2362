package kspec.manifold.knn;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import smile.neighbor.KDTree;
import smile.neighbor.Neighbor;

/**
 * Exact k nearest neighbours through Smile's KD-tree ({@link smile.neighbor.KDTree}; Bentley 1975),
 * queries in parallel Java threads. Fast when the ambient dimension is low; in high dimension it
 * degenerates towards a slow brute force, where {@link GemmKnn} wins.
 */
final class TreeKnn {

    private TreeKnn() {
    }

    /** Same contract as {@link GemmKnn#search}. */
    static void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
        int n = x.numRows;
        int dim = x.numCols;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[dim];
            System.arraycopy(x.data, i * dim, rows[i], 0, dim);
        }
        KDTree<double[]> tree = KDTree.of(rows);
        IntStream.range(0, n).parallel().forEach(i -> {
            // Smile excludes the query itself (by reference), not its exact repeats
            Neighbor<double[], double[]>[] found = tree.search(rows[i], k);
            int base = i * k;
            for (int j = 0; j < k; j++) {
                indices[base + j] = found[j].index;
                distances[base + j] = found[j].distance;
            }
            KBestLists.sortRow(indices, distances, base, k);
        });
    }
}
