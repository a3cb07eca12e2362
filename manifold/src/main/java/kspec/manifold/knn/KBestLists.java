package kspec.manifold.knn;

import java.io.Serializable;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Ascending k-best lists of squared distances, one per row, ordered by (d², index): the selection
 * state of an exact brute-force k-nearest-neighbour search. A candidate enters a list when it
 * precedes the list's k-th in that total order, so a list, and any merge of lists of the same rows,
 * is independent of the order in which the candidates were offered: workers (threads in
 * {@link GemmKnn}, tasks on a cluster) can each fill their own lists and merge them at the end with
 * the same result. Serializable, so that lists can travel between the tasks of a distributed search.
 *
 * <p>Not thread-safe.
 */
public final class KBestLists implements Serializable {


    private static final long serialVersionUID = 1L;

    /** Columns per block in the column scan: a strided column walk thrashes the TLB. */
    private static final int CHUNK = 32;

    /** Relative squared distance below which {@link #refine} recomputes a distance directly. */
    private static final double DIRECT_BELOW = 1e-2;

    private final int k;
    private final double[] d2;
    private final int[] idx;

    /**
     * Empty lists (every entry +∞ with index {@link Integer#MAX_VALUE}).
     *
     * @param n rows
     * @param k entries per row, ≥ 1
     */
    public KBestLists(int n, int k) {
        if (n < 0 || k < 1 || (long) n * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("k-best lists need n >= 0, k >= 1 and n·k within one Java array, got n = "
                    + n + ", k = " + k);
        }
        this.k = k;
        d2 = new double[n * k];
        idx = new int[n * k];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        Arrays.fill(idx, Integer.MAX_VALUE);
    }

    /**
     * Offers every pair of the tile X_[i0,i1)·X_[j0,j1)ᵀ to both of its rows' lists, with
     * d² = ‖x_i‖² + ‖x_j‖² − 2x_i·x_j; for a diagonal tile (i0 = j0) only its upper triangle
     * (j &gt; i) is read. Rows and candidate indices are the same numbering here.
     *
     * @param cd    the (i1 − i0) × (j1 − j0) inner products, row-major. Not modified.
     * @param norms ‖x‖² per row. Not modified.
     */
    public void scan(double[] cd, double[] norms, int i0, int i1, int j0, int j1) {
        boolean diagonal = i0 == j0;
        int width = j1 - j0;
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * width - j0;
            double ni = norms[i];
            for (int j = diagonal ? i + 1 : j0; j < j1; j++) {
                offer(i, j, ni + norms[j] - 2 * cd[row + j]);
            }
        }
        for (int c0 = 0; c0 < width; c0 += CHUNK) {
            int c1 = Math.min(width, c0 + CHUNK);
            for (int r = 0; r < i1 - i0; r++) {
                double nr = norms[i0 + r];
                int row = r * width;
                for (int c = diagonal ? Math.max(c0, r + 1) : c0; c < c1; c++) {
                    offer(j0 + c, i0 + r, nr + norms[j0 + c] - 2 * cd[row + c]);
                }
            }
        }
    }

    /**
     * Inserts candidate j into row i if it precedes the row's current k-th in (d², index) order.
     *
     * @param i row
     * @param j candidate index (any numbering; ties are broken by it)
     * @param d squared distance; negative round-off counts as 0
     */
    public void offer(int i, int j, double d) {
        double dd = d > 0 ? d : 0; // guard against negative round-off
        int base = i * k;
        int last = base + k - 1;
        if (!precedes(dd, j, d2[last], idx[last])) {
            return;
        }
        int p = last;
        while (p > base && precedes(dd, j, d2[p - 1], idx[p - 1])) {
            d2[p] = d2[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        d2[p] = dd;
        idx[p] = j;
    }

    private static boolean precedes(double d, int j, double dOther, int jOther) {
        return d < dOther || (d == dOther && j < jOther);
    }

    /**
     * Writes the k smallest of row i over several lists of the same rows, in (d², index) order, into
     * row i of the output. Exact comparisons only, so the result does not depend on the lists' order.
     *
     * @param indices   Modified: row i (k entries from i·k)
     * @param distances Modified: row i, squared distances
     */
    public static void merge(KBestLists[] lists, int i, int[] indices, double[] distances) {
        int k = lists[0].k;
        int base = i * k;
        int[] head = new int[lists.length];
        for (int q = 0; q < k; q++) {
            int from = -1;
            for (int w = 0; w < lists.length; w++) {
                int e = base + head[w];
                if (head[w] < k && (from < 0 || precedes(lists[w].d2[e], lists[w].idx[e],
                        lists[from].d2[base + head[from]], lists[from].idx[base + head[from]]))) {
                    from = w;
                }
            }
            distances[base + q] = lists[from].d2[base + head[from]];
            indices[base + q] = lists[from].idx[base + head[from]];
            head[from]++;
        }
    }

    /** @return the number of rows */
    public int rows() {
        return d2.length / k;
    }

    /** @return entries per row */
    public int k() {
        return k;
    }

    /**
     * Renumbers the candidates: index j becomes {@code numbering[j]} (empty entries stay empty). An
     * increasing numbering keeps the (d², index) order of every list.
     *
     * @param numbering new index of each old one. Not modified.
     */
    public void renumber(int[] numbering) {
        for (int e = 0; e < idx.length; e++) {
            if (idx[e] != Integer.MAX_VALUE) {
                idx[e] = numbering[idx[e]];
            }
        }
    }

    /**
     * @param from first row
     * @param to   end row (exclusive)
     * @return a copy of rows [from, to)
     */
    public KBestLists slice(int from, int to) {
        KBestLists out = new KBestLists(to - from, k);
        System.arraycopy(d2, from * k, out.d2, 0, (to - from) * k);
        System.arraycopy(idx, from * k, out.idx, 0, (to - from) * k);
        return out;
    }

    /**
     * @param other lists of the same rows and k
     * @return a new list whose every row holds the k smallest entries of both, in (d², index) order
     */
    public KBestLists mergedWith(KBestLists other) {
        if (other.k != k || other.d2.length != d2.length) {
            throw new IllegalArgumentException("cannot merge k-best lists of " + rows() + " × " + k + " and "
                    + other.rows() + " × " + other.k);
        }
        KBestLists out = new KBestLists(rows(), k);
        KBestLists[] both = {this, other};
        for (int i = 0; i < rows(); i++) {
            merge(both, i, out.idx, out.d2);
        }
        return out;
    }

    /**
     * Copies every row into the same-numbered row block of the outputs, starting at row {@code firstRow}.
     *
     * @param indices   Modified: k entries per row
     * @param distances Modified: squared distances, k per row
     */
    public void copyTo(int firstRow, int[] indices, double[] distances) {
        System.arraycopy(idx, 0, indices, firstRow * k, idx.length);
        System.arraycopy(d2, 0, distances, firstRow * k, d2.length);
    }

    /**
     * Turns the k squared GEMM distances of row i (indices into x, norms ‖x‖² per row of x) into
     * distances, sorted by (distance, index). The
     * expansion's absolute error is at most about dim·ε·(‖x_i‖² + ‖x_j‖²), so where
     * d² ≥ {@value #DIRECT_BELOW}·(‖x_i‖² + ‖x_j‖²) its relative error is below dim·ε/{@value #DIRECT_BELOW}
     * (≈ 1e-11 at dim 784) and √d² is kept; smaller distances (exact repeats among them) are recomputed
     * directly, so a repeat gives exactly 0.
     */
    public static void refine(DMatrixRMaj x, double[] norms, int k, int i, int[] idx, double[] dist) {
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
