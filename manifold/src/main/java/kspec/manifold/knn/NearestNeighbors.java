package kspec.manifold.knn;

import java.util.Objects;
import java.util.SplittableRandom;
import kspec.core.memory.HeapBudget;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact Euclidean k-nearest-neighbour search for every point of a data set (each point's own row
 * excluded), choosing the algorithm by shape: Smile's KD-tree in low ambient dimension, tiled
 * native GEMM brute force otherwise ({@link Algorithm#AUTO}). Go through this factory rather than
 * naming an implementation.
 *
 * <p><b>Switch point.</b> A KD-tree prunes well only in low ambient dimension; above it, it visits
 * most of the tree and loses to the GEMM. On 10,000 uniform points (bench/README.md, "Constants
 * chosen by measurement") the tree won up to dim 6, so AUTO uses it for
 * {@code dim ≤ }{@value #TREE_MAX_DIM}. The tree's advantage grows with n (n log n against n²).
 *
 * <p><b>Input checks</b> (one clear message each): non-finite values ({@link DataException}
 * naming row and column), {@code k < 1} or {@code k ≥ n}, fewer than 3k points
 * ({@link IllegalArgumentException}), all points identical or fewer than 3k distinct points left
 * after dropping duplicates ({@link DataException}).
 */
public final class NearestNeighbors {

    /** Largest ambient dimension for which {@link Algorithm#AUTO} uses the KD-tree (measured, see class doc). */
    public static final int TREE_MAX_DIM = 6;

    /** Jitter of {@link DuplicatePolicy#PERTURB}, relative to the RMS coordinate deviation of the data. */
    public static final double PERTURB_JITTER = 1e-6;

    /** Search algorithms. */
    public enum Algorithm {
        /** KD-tree when {@code dim ≤ TREE_MAX_DIM}, GEMM otherwise. */
        AUTO,
        /** Tiled GEMM brute force ({@code ‖x‖² + ‖y‖² − 2x·y}), O(n²·dim) flops, O(n·k) memory. */
        GEMM,
        /** Smile KD-tree. */
        KD_TREE
    }

    /**
     * An exact search engine: given validated points (finite, duplicates already treated), fills the
     * k nearest other rows of every row. The in-process engines are chosen by {@link Algorithm};
     * other engines (a cluster search) enter through
     * {@link #search(DMatrixRMaj, int, DuplicatePolicy, Engine, long)} and get the same input checks
     * and duplicate handling.
     */
    public interface Engine {
        /**
         * @param x         m × dim points. Not modified.
         * @param k         neighbours per row, k &lt; m
         * @param indices   Modified: m × k row indices into x
         * @param distances Modified: m × k distances, ascending per row, ties by index
         */
        void search(DMatrixRMaj x, int k, int[] indices, double[] distances);

        /** @return the short name the table records, e.g. {@code gemm} */
        String name();
    }

    private static final Engine GEMM = new Engine() {
        @Override
        public void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
            GemmKnn.search(x, k, indices, distances);
        }

        @Override
        public String name() {
            return "gemm";
        }
    };

    private static final Engine TREE = new Engine() {
        @Override
        public void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
            TreeKnn.search(x, k, indices, distances);
        }

        @Override
        public String name() {
            return "kd-tree";
        }
    };

    private NearestNeighbors() {
    }

    /**
     * {@link #search(DMatrixRMaj, int, DuplicatePolicy, Algorithm, long)} with the AUTO algorithm
     * and seed 0 (used only by {@link DuplicatePolicy#PERTURB}).
     */
    public static NeighborTable search(DMatrixRMaj points, int k, DuplicatePolicy policy) {
        return search(points, k, policy, Algorithm.AUTO, 0L);
    }

    /**
     * @param points    n × dim, finite. Not modified.
     * @param k         neighbours per point, 1 ≤ k and 3k ≤ n
     * @param policy    treatment of exactly repeated rows
     * @param algorithm search algorithm
     * @param seed      seed of the {@link DuplicatePolicy#PERTURB} jitter
     * @return the exact k-nearest-neighbour table
     */
    public static NeighborTable search(DMatrixRMaj points, int k, DuplicatePolicy policy, Algorithm algorithm,
                                       long seed) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(algorithm, "algorithm");
        boolean tree = algorithm == Algorithm.KD_TREE || (algorithm == Algorithm.AUTO && points.numCols <= TREE_MAX_DIM);
        return search(points, k, policy, tree ? TREE : GEMM, seed);
    }

    /**
     * As {@link #search(DMatrixRMaj, int, DuplicatePolicy, Algorithm, long)} with a given engine.
     *
     * @param engine the exact search to run on the checked, duplicate-treated points
     */
    public static NeighborTable search(DMatrixRMaj points, int k, DuplicatePolicy policy, Engine engine, long seed) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(engine, "engine");
        int n = points.numRows;
        int dim = points.numCols;
        if (n == 0 || dim == 0) {
            throw new DataException("the data are empty (" + n + " × " + dim + "); supply at least 3k points");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (k >= n) {
            throw new IllegalArgumentException("k = " + k + " must be smaller than the number of points n = " + n
                    + "; lower k or supply more points");
        }
        if (n < 3 * k) {
            throw new IllegalArgumentException("n = " + n + " points are too few for k = " + k
                    + " neighbours (need at least 3k = " + 3 * k + "); lower k or supply more points");
        }
        boolean tree = engine == TREE;
        int lists = 1 + (tree ? 0 : Runtime.getRuntime().availableProcessors()); // the table, GEMM's per-worker lists
        HeapBudget.require("the " + k + " nearest neighbours of " + n + " points",
                HeapBudget.bytes(n, k, Integer.BYTES + Double.BYTES, lists)
                        + HeapBudget.bytes(n, tree ? dim + 4 : 4, Double.BYTES));
        int[] first = DuplicateRows.firstCopies(points); // also rejects NaN/Inf
        requireFiniteDistances(points);
        int duplicates = 0;
        for (int i = 0; i < n; i++) {
            if (first[i] != i) {
                duplicates++;
            }
        }
        if (duplicates == n - 1) {
            throw new DataException("all " + n + " points are identical; an intrinsic dimension needs distinct points");
        }
        int[] rows;
        DMatrixRMaj searched;
        if (duplicates > 0 && policy == DuplicatePolicy.DROP) {
            rows = new int[n - duplicates];
            for (int i = 0, r = 0; i < n; i++) {
                if (first[i] == i) {
                    rows[r++] = i;
                }
            }
            if (rows.length < 3 * k) {
                throw new DataException("only " + rows.length + " distinct points remain after dropping " + duplicates
                        + " repeated rows; k = " + k + " needs at least 3k = " + 3 * k + "; lower k or supply more points");
            }
            searched = select(points, rows);
        } else {
            rows = identity(n);
            searched = duplicates > 0 && policy == DuplicatePolicy.PERTURB
                    ? perturb(points, first, new SplittableRandom(seed)) : points;
        }
        int m = rows.length;
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        engine.search(searched, k, idx, dist);
        if (rows.length != n) {
            for (int e = 0; e < idx.length; e++) {
                idx[e] = rows[idx[e]];
            }
        }
        return NeighborTable.wrap(k, rows, idx, dist, n, duplicates, policy, engine.name());
    }

    /**
     * Squared distances are at most 2(|x|² + |y|²): a largest squared norm below a quarter of the
     * float64 range keeps them finite.
     *
     * @throws DataException naming the point whose squared norm is too large
     */
    private static void requireFiniteDistances(DMatrixRMaj points) {
        double[] norms = PairwiseDistances.squaredNorms(points);
        for (int i = 0; i < norms.length; i++) {
            if (!(norms[i] <= Double.MAX_VALUE / 4)) {
                throw new DataException("the squared norm of point " + i + " (" + norms[i] + ") is too large for its "
                        + "distances to other points to be represented in float64 (limit " + Double.MAX_VALUE / 4
                        + "); rescale the data, e.g. standardize it");
            }
        }
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static DMatrixRMaj select(DMatrixRMaj points, int[] rows) {
        int dim = points.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows.length, dim);
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(points.data, rows[r] * dim, out.data, r * dim, dim);
        }
        return out;
    }

    /** A copy of the points with every repeated copy (not the first) moved by seeded Gaussian jitter. */
    private static DMatrixRMaj perturb(DMatrixRMaj points, int[] first, SplittableRandom random) {
        int n = points.numRows;
        int dim = points.numCols;
        double[] x = points.data;
        double sumSq = 0;
        for (int c = 0; c < dim; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * dim + c];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double dev = x[i * dim + c] - mean;
                sumSq += dev * dev;
            }
        }
        double rms = Math.sqrt(sumSq / ((double) n * dim));
        double sigma = PERTURB_JITTER * (rms > 0 ? rms : 1);
        DMatrixRMaj out = points.copy();
        for (int i = 0; i < n; i++) {
            if (first[i] != i) {
                for (int c = 0; c < dim; c++) {
                    out.data[i * dim + c] += sigma * gaussian(random);
                }
            }
        }
        return out;
    }

    /** Standard normal deviate (Box–Muller; one of the pair is discarded for simplicity). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
