package kspec.manifold.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The k nearest neighbours (Euclidean) of every searched point, the point itself excluded:
 * {@code n × k} row-major neighbour indices and distances, distances ascending along each row
 * (ties broken by the smaller index).
 *
 * <p>Table row {@code i} belongs to input row {@link #row(int)}; with {@link DuplicatePolicy#DROP}
 * repeated input rows have no table row, so {@code n() = inputRows() − droppedRows()}. Neighbour
 * indices ({@link #index(int, int)}) are <b>input</b> row indices. {@code T_j(x_i)}, the distance to
 * the j-th neighbour (1-based) in the estimator literature, is {@code distance(i, j − 1)}.
 *
 * <p>Immutable: {@link #of} copies its arrays and accessors return copies.
 */
public final class NeighborTable {

    private final int k;
    private final int[] rows;
    private final int[] indices;
    private final double[] distances;
    private final int inputRows;
    private final int duplicateRows;
    private final DuplicatePolicy policy;
    private final String algorithm;

    private NeighborTable(int k, int[] rows, int[] indices, double[] distances, int inputRows,
                          int duplicateRows, DuplicatePolicy policy, String algorithm) {
        this.k = k;
        this.rows = rows;
        this.indices = indices;
        this.distances = distances;
        this.inputRows = inputRows;
        this.duplicateRows = duplicateRows;
        this.policy = policy;
        this.algorithm = algorithm;
    }

    /**
     * Validates and copies a table.
     *
     * @param k             neighbours per row, ≥ 1
     * @param rows          input row of each table row, length n. Not modified.
     * @param indices       n × k neighbour input-row indices, row-major. Not modified.
     * @param distances     n × k distances, finite, ≥ 0, ascending per row. Not modified.
     * @param inputRows     number of rows in the searched input
     * @param duplicateRows number of input rows that repeat an earlier row
     * @param policy        how the duplicates were treated
     * @param algorithm     short name of the search used, e.g. {@code gemm} or {@code kd-tree}
     */
    public static NeighborTable of(int k, int[] rows, int[] indices, double[] distances, int inputRows,
                                   int duplicateRows, DuplicatePolicy policy, String algorithm) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int n = rows.length;
        if (indices.length != (long) n * k || distances.length != (long) n * k) {
            throw new IllegalArgumentException("indices/distances must have n·k = " + n + "·" + k
                    + " entries, got " + indices.length + " and " + distances.length);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double d = distances[i * k + j];
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("distance(" + i + ", " + j + ") = " + d
                            + " is not a finite non-negative number");
                }
                if (j > 0 && d < distances[i * k + j - 1]) {
                    throw new IllegalArgumentException("distances of row " + i + " are not ascending at column " + j);
                }
                int idx = indices[i * k + j];
                if (idx < 0 || idx >= inputRows) {
                    throw new IllegalArgumentException("index(" + i + ", " + j + ") = " + idx
                            + " is outside [0, " + inputRows + ")");
                }
            }
        }
        return new NeighborTable(k, rows.clone(), indices.clone(), distances.clone(), inputRows, duplicateRows,
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(algorithm, "algorithm"));
    }

    /** Package-private: takes ownership of arrays produced by a search (already valid). */
    static NeighborTable wrap(int k, int[] rows, int[] indices, double[] distances, int inputRows,
                              int duplicateRows, DuplicatePolicy policy, String algorithm) {
        return new NeighborTable(k, rows, indices, distances, inputRows, duplicateRows, policy, algorithm);
    }

    /** @return number of table rows (searched points) */
    public int n() {
        return rows.length;
    }

    /** @return neighbours per row */
    public int k() {
        return k;
    }

    /** @return input row index of the j-th nearest neighbour (0-based j) of table row i */
    public int index(int i, int j) {
        return indices[i * k + checkColumn(j)];
    }

    /** @return distance to the j-th nearest neighbour (0-based j) of table row i */
    public double distance(int i, int j) {
        return distances[i * k + checkColumn(j)];
    }

    /** @return input row index of table row i */
    public int row(int i) {
        return rows[i];
    }

    /** @return a copy of the n × k neighbour indices, row-major */
    public int[] indices() {
        return indices.clone();
    }

    /** @return a copy of the n × k distances, row-major, ascending per row */
    public double[] distances() {
        return distances.clone();
    }

    /** @return rows in the searched input */
    public int inputRows() {
        return inputRows;
    }

    /** @return input rows that exactly repeat an earlier row (detected under every policy) */
    public int duplicateRows() {
        return duplicateRows;
    }

    /** @return input rows without a table row: the duplicates under {@link DuplicatePolicy#DROP}, else 0 */
    public int droppedRows() {
        return inputRows - rows.length;
    }

    /** @return how duplicates were treated */
    public DuplicatePolicy policy() {
        return policy;
    }

    /** @return the search algorithm used ({@code gemm} or {@code kd-tree}) */
    public String algorithm() {
        return algorithm;
    }

    /** @return number of zero entries among the distances (exact repeats kept by {@link DuplicatePolicy#KEEP}) */
    public int zeroDistances() {
        int zeros = 0;
        for (double d : distances) {
            if (d == 0) {
                zeros++;
            }
        }
        return zeros;
    }

    /**
     * @param kSmaller 1 ≤ kSmaller ≤ k
     * @return the table restricted to the first {@code kSmaller} neighbours of each row
     */
    public NeighborTable truncate(int kSmaller) {
        if (kSmaller < 1 || kSmaller > k) {
            throw new IllegalArgumentException("cannot truncate a k = " + k + " table to " + kSmaller + " neighbours");
        }
        int n = rows.length;
        int[] idx = new int[n * kSmaller];
        double[] dist = new double[n * kSmaller];
        for (int i = 0; i < n; i++) {
            System.arraycopy(indices, i * k, idx, i * kSmaller, kSmaller);
            System.arraycopy(distances, i * k, dist, i * kSmaller, kSmaller);
        }
        return new NeighborTable(kSmaller, rows, idx, dist, inputRows, duplicateRows, policy, algorithm);
    }

    private int checkColumn(int j) {
        if (j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("neighbour column " + j + " outside [0, " + k + ")");
        }
        return j;
    }

    @Override
    public String toString() {
        return "NeighborTable(n = " + rows.length + ", k = " + k + ", " + algorithm + ", duplicates = "
                + duplicateRows + " " + policy + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeighborTable t && k == t.k && inputRows == t.inputRows
                && duplicateRows == t.duplicateRows && policy == t.policy && Arrays.equals(rows, t.rows)
                && Arrays.equals(indices, t.indices) && Arrays.equals(distances, t.distances);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(distances);
    }
}
