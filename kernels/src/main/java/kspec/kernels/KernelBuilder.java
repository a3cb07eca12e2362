package kspec.kernels;

import kspec.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kspec.core.ParameterException;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact infinite-width NNGP and NTK Gram matrices of an {@link Architecture}, in float64, following
 * the neural-tangents recursions (Novak et al. 2020, arXiv 1912.02803; Lee et al. 2018, arXiv
 * 1711.00165; Jacot et al. 2018, arXiv 1806.07572). For every pair of points
 * \[ \Sigma^0 = x\cdot x'/d_{in},\ \Theta^0 = 0;\quad
 *    \text{Dense: } \Sigma \leftarrow \sigma_w^2\Sigma + \sigma_b^2,\
 *    \Theta \leftarrow \Sigma + \sigma_w^2\Theta \ (\text{ntk}) \text{ or } n_{in}\Sigma_{in} + \sigma_w^2\Theta\,(+1)\ (\text{standard});\quad
 *    \text{activation: } \Theta \leftarrow \Theta\,\dot\Sigma(q_1,q_2,\Sigma),\ \Sigma \leftarrow \Phi(q_1,q_2,\Sigma), \]
 * with the per-point variances q carried by their own (exact) diagonal recursion.
 *
 * <p><b>How.</b> The input Gram X·Xᵀ is one SYRK (K(X)) or GEMM (K(X, Y)) by {@link Blas}, written
 * into the output matrix; then the whole layer recursion runs fused per entry, in 64 × 64 tiles on a
 * fixed pool of {@link #threads()} Java threads (upper-triangle tiles only for K(X), mirrored on
 * write). Memory: one n × n (or m × n) matrix per requested kernel plus O(n) per layer; no per-layer
 * matrices. BLAS is never called inside the parallel loop.
 *
 * <p>The pool size is read once from the system property {@code kspec.kernel.threads} (default:
 * the number of available processors).
 */
public final class KernelBuilder {

    private static final int TILE = 64;

    /**
     * Per-thread tile buffers {nngp, ntk}, reused across tiles and builds so that a build allocates
     * nothing per tile (the pool threads are fixed, so these are bounded by threads × 2 × 32 KB).
     */
    private static final ThreadLocal<double[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new double[][] {new double[TILE * TILE], new double[TILE * TILE]});

    private KernelBuilder() {
    }

    /** @return the size of the fixed thread pool used by the builders */
    public static int threads() {
        return Pool.THREADS;
    }

    /** Runs a task on the kernel pool (for workers that, like the tiles, must not call multi-threaded BLAS). */
    static <T> Future<T> submit(Callable<T> task) {
        return Pool.EXECUTOR.submit(task);
    }

    /** Holder idiom: the pool is created on first use, once, with daemon threads. */
    private static final class Pool {
        static final int THREADS = Math.max(1, Integer.getInteger("kspec.kernel.threads",
                Runtime.getRuntime().availableProcessors()));
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(THREADS, r -> {
            Thread th = new Thread(r, "kspec-kernel");
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * K(X): the symmetric n × n NNGP and/or NTK Gram matrices, from one pass.
     *
     * @param a        the network
     * @param x        n × d_in points, one per row. Not modified.
     * @param kinds    which kernels (non-empty)
     * @param progress progress receiver ({@link ProgressListener#NONE} for none)
     * @return the requested matrices, exactly symmetric, diagonals from the exact diagonal maps
     * @throws IllegalArgumentException for an empty/non-finite x, empty kinds, a missing width, or when
     *                                  the matrices do not fit in the heap ({@link #requireMemory})
     */
    public static KernelPair gram(Architecture a, DMatrixRMaj x, Set<KernelKind> kinds, ProgressListener progress) {
        requirePoints(x, "x");
        Set<KernelKind> k = requireKinds(kinds);
        int n = x.numRows;
        requireMemory(n, k.size());
        LayerPlan plan = plan(a, x.numCols);
        long t0 = System.nanoTime();
        DMatrixRMaj nngp = k.contains(KernelKind.NNGP) ? new DMatrixRMaj(n, n) : null;
        DMatrixRMaj ntk = k.contains(KernelKind.NTK) ? new DMatrixRMaj(n, n) : null;
        DMatrixRMaj src = nngp != null ? nngp : ntk;
        // raw inner products x·x′ in the upper triangle (lower triangle not read)
        Blas.syrkUpper(n, x.numCols, 1.0, x.data, src.data);
        double invD = 1.0 / x.numCols;
        double[] q0 = new double[n];
        for (int i = 0; i < n; i++) {
            q0[i] = src.data[i * n + i] * invD;
        }
        double[][] diag = plan.diagonals(q0);
        int blocks = (n + TILE - 1) / TILE;
        List<int[]> tiles = new ArrayList<>();
        for (int bi = 0; bi < blocks; bi++) {
            for (int bj = bi; bj < blocks; bj++) {
                tiles.add(new int[] {bi * TILE, bj * TILE});
            }
        }
        runTiles(tiles, label(k, n, n), (long) n * (n + 1) / 2, progress, tile -> {
            int r0 = tile[0];
            int c0 = tile[1];
            int rows = Math.min(TILE, n - r0);
            int cols = Math.min(TILE, n - c0);
            double[][] buf = BUFFERS.get();
            double[] s = buf[0];
            double[] t = ntk != null ? zeroed(buf[1], rows * cols) : null;
            double[] in = src.data;
            for (int r = 0; r < rows; r++) {
                int i = r0 + r;
                for (int c = 0; c < cols; c++) {
                    int j = c0 + c;
                    s[r * cols + c] = (i <= j ? in[i * n + j] : in[j * n + i]) * invD;
                }
            }
            plan.runTile(diag, r0, rows, diag, c0, cols, s, t);
            writeSymmetric(nngp, s, diag[plan.steps], n, r0, rows, c0, cols);
            writeSymmetric(ntk, t, diag[plan.steps + 1], n, r0, rows, c0, cols);
            return r0 == c0 ? (long) rows * (rows + 1) / 2 : (long) rows * cols;
        });
        return KernelPair.of(nngp, ntk, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * K(X, Y): the m × n cross kernels between test points (rows) and training points (columns).
     *
     * @param a        the network
     * @param test     m × d_in points. Not modified.
     * @param train    n × d_in points. Not modified.
     * @param kinds    which kernels (non-empty)
     * @param progress progress receiver
     * @return the requested m × n matrices
     * @throws IllegalArgumentException for mismatched dimensions, non-finite points, or insufficient heap
     */
    public static KernelPair cross(Architecture a, DMatrixRMaj test, DMatrixRMaj train, Set<KernelKind> kinds,
                                   ProgressListener progress) {
        requirePoints(test, "test");
        requirePoints(train, "train");
        if (test.numCols != train.numCols) {
            throw new IllegalArgumentException("Test points have " + test.numCols + " features but training points have "
                    + train.numCols + ": both must have the same input dimension");
        }
        Set<KernelKind> k = requireKinds(kinds);
        int m = test.numRows;
        int n = train.numRows;
        requireMemory(m, n, k.size());
        LayerPlan plan = plan(a, train.numCols);
        long t0 = System.nanoTime();
        DMatrixRMaj nngp = k.contains(KernelKind.NNGP) ? new DMatrixRMaj(m, n) : null;
        DMatrixRMaj ntk = k.contains(KernelKind.NTK) ? new DMatrixRMaj(m, n) : null;
        DMatrixRMaj src = nngp != null ? nngp : ntk;
        Blas.multTransB(test, train, src);
        double invD = 1.0 / train.numCols;
        double[][] trainDiag = plan.diagonals(squaredNorms(train, invD));
        crossTiles(plan, invD, plan.diagonals(squaredNorms(test, invD)), 0, trainDiag, 0, nngp, ntk, label(k, m, n),
                progress);
        exactDiagonals(test, train, nngp, trainDiag[plan.steps]);
        exactDiagonals(test, train, ntk, trainDiag[plan.steps + 1]);
        return KernelPair.of(nngp, ntk, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Gives every pair of identical points (test row i equal to training row j, coordinate by
     * coordinate) the value of the exact diagonal map, as {@link #gram} does on its diagonal. Through
     * the off-diagonal map such a pair enters arccos at ρ = 1 − δ with δ a few ulp of GEMM round-off,
     * and arccos(1 − δ) ≈ √(2δ) turns δ ≈ 1e-16 into θ ≈ 1e-8: 1e-9 to 1e-8 relative on a depth-3
     * ReLU NTK of 784-dimensional points, against round-off (&lt; 1e-12) on the exact path. Rows are matched by hash and then
     * compared exactly (−0.0 = 0.0), O((m + n)·d).
     *
     * @param exact the exact diagonal of the training points (the same for an identical test point)
     * @param out   m × n kernel, or null. Modified: the identical pairs' entries.
     */
    private static void exactDiagonals(DMatrixRMaj test, DMatrixRMaj train, DMatrixRMaj out, double[] exact) {
        if (out == null) {
            return;
        }
        int d = train.numCols;
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int j = 0; j < train.numRows; j++) {
            byHash.computeIfAbsent(rowHash(train, j), h -> new ArrayList<>(1)).add(j);
        }
        for (int i = 0; i < test.numRows; i++) {
            List<Integer> candidates = byHash.get(rowHash(test, i));
            if (candidates == null) {
                continue;
            }
            for (int j : candidates) {
                if (equalValues(test.data, i * d, train.data, j * d, d)) {
                    out.data[i * out.numCols + j] = exact[j];
                }
            }
        }
    }

    /** A hash of row r that treats −0.0 and 0.0 alike (they give the same kernel values). */
    private static long rowHash(DMatrixRMaj x, int r) {
        long h = 1;
        int d = x.numCols;
        for (int c = r * d; c < (r + 1) * d; c++) {
            h = 31 * h + Double.doubleToLongBits(x.data[c] + 0.0);
        }
        return h;
    }

    private static boolean equalValues(double[] a, int aFrom, double[] b, int bFrom, int length) {
        for (int c = 0; c < length; c++) {
            if (a[aFrom + c] != b[bFrom + c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tiled layer recursion of {@link #cross}, in place on an m × n block: on entry the first
     * non-null output holds the raw inner products x<sub>i</sub>·x<sub>j</sub> of row point
     * {@code rowBase + i} and column point {@code colBase + j}; on exit each requested output holds
     * its kernel. Runs on the pool; calls no BLAS. Pairs of identical points get no special
     * treatment here ({@link #cross} applies the exact diagonal maps to them afterwards).
     *
     * @param diagRow  {@link LayerPlan#diagonals} of a point set containing the row points. Not modified.
     * @param rowBase  index in {@code diagRow} of the block's first row
     * @param diagCol  the same for the column points. Not modified.
     * @param colBase  index in {@code diagCol} of the block's first column
     * @param nngp     m × n, or null. Modified.
     * @param ntk      m × n, or null (not both null). Modified.
     */
    private static void crossTiles(LayerPlan plan, double invD, double[][] diagRow, int rowBase, double[][] diagCol, int colBase,
                           DMatrixRMaj nngp, DMatrixRMaj ntk, String task, ProgressListener progress) {
        DMatrixRMaj src = nngp != null ? nngp : ntk;
        int m = src.numRows;
        int n = src.numCols;
        List<int[]> tiles = new ArrayList<>();
        for (int r0 = 0; r0 < m; r0 += TILE) {
            for (int c0 = 0; c0 < n; c0 += TILE) {
                tiles.add(new int[] {r0, c0});
            }
        }
        runTiles(tiles, task, (long) m * n, progress,
                tile -> crossTile(plan, invD, diagRow, rowBase, diagCol, colBase, nngp, ntk, tile[0], tile[1]));
    }

    /**
     * {@link #crossTiles} on the calling thread, without the pool: for callers that are themselves
     * one of several parallel workers ({@link KernelBlockProduct}). Same tiles, same arithmetic,
     * hence the same values.
     *
     * @param block m × n raw inner products in, the kernel of {@code kind} out. Modified.
     */
    static void crossSequential(LayerPlan plan, double invD, double[][] diagRow, int rowBase, double[][] diagCol,
                                int colBase, DMatrixRMaj block, KernelKind kind) {
        DMatrixRMaj nngp = kind == KernelKind.NNGP ? block : null;
        DMatrixRMaj ntk = kind == KernelKind.NTK ? block : null;
        for (int r0 = 0; r0 < block.numRows; r0 += TILE) {
            for (int c0 = 0; c0 < block.numCols; c0 += TILE) {
                crossTile(plan, invD, diagRow, rowBase, diagCol, colBase, nngp, ntk, r0, c0);
            }
        }
    }

    /** One 64 × 64 tile of {@link #crossTiles} at (r0, c0), in the calling thread's buffers; returns its entry count. */
    private static long crossTile(LayerPlan plan, double invD, double[][] diagRow, int rowBase, double[][] diagCol,
                                  int colBase, DMatrixRMaj nngp, DMatrixRMaj ntk, int r0, int c0) {
        DMatrixRMaj src = nngp != null ? nngp : ntk;
        int n = src.numCols;
        int rows = Math.min(TILE, src.numRows - r0);
        int cols = Math.min(TILE, n - c0);
        double[][] buf = BUFFERS.get();
        double[] s = buf[0];
        double[] t = ntk != null ? zeroed(buf[1], rows * cols) : null;
        for (int r = 0; r < rows; r++) {
            int base = (r0 + r) * n + c0;
            for (int c = 0; c < cols; c++) {
                s[r * cols + c] = src.data[base + c] * invD;
            }
        }
        plan.runTile(diagRow, rowBase + r0, rows, diagCol, colBase + c0, cols, s, t);
        writeBlock(nngp, s, n, r0, rows, c0, cols);
        writeBlock(ntk, t, n, r0, rows, c0, cols);
        return (long) rows * cols;
    }

    /**
     * Refuses (before allocating) an n × n build that would not fit: n² × 8 bytes × kernels must be
     * below the heap still available, and n² must fit in one Java array.
     *
     * @param n       number of points
     * @param kernels number of kernels requested (1 or 2)
     * @throws ParameterException naming -Xmx, the top-k route and, for two kernels, the kinds
     */
    public static void requireMemory(int n, int kernels) {
        requireMemory(n, n, kernels);
    }

    /** As {@link #requireMemory(int, int)} for an m × n cross kernel. */
    public static void requireMemory(long rows, long cols, int kernels) {
        long entries = rows * cols;
        String shape = rows + " × " + cols;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A " + shape + " kernel has " + entries + " entries, more than one Java "
                    + "array can hold (2³¹ − 1): subsample the data, or use the top-k eigen route "
                    + "(a top-k spectrum on a subsample / matrix-free operator) instead of a dense Gram matrix");
        }
        long need = entries * 8L * kernels;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            long suggestGb = (long) Math.ceil((need * 1.25 + (rt.totalMemory() - rt.freeMemory())) / 1e9) + 1;
            String oneKind = kernels > 1 ? "request one kernel instead of " + kernels + " ({KernelBuilder.kinds}), " : "";
            throw new ParameterException(String.format(Locale.ROOT,
                    "Not enough memory: %d kernel(s) of %s doubles need %.2f GB but only %.2f GB of Java heap is available. "
                            + "Raise the heap (e.g. java -Xmx%dg), %s"
                            + "or use the top-k eigen route on a subsample instead of the full Gram matrix",
                    kernels, shape, need / 1e9, available / 1e9, suggestGb, oneKind),
                    kernels > 1 ? new String[] {"KernelBuilder.kinds"} : new String[0]);
        }
    }

    private interface TileTask {
        long run(int[] tile);
    }

    private static void runTiles(List<int[]> tiles, String task, long total, ProgressListener progress, TileTask body) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        p.start(task, total);
        List<Future<Long>> futures = new ArrayList<>(tiles.size());
        try {
            for (int[] tile : tiles) {
                futures.add(Pool.EXECUTOR.submit(() -> body.run(tile)));
            }
            long done = 0;
            for (Future<Long> f : futures) {
                done += f.get();
                p.advance(done);
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Kernel build interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Kernel build failed: " + cause, cause);
        } finally {
            p.finish();
        }
    }

    private static void writeSymmetric(DMatrixRMaj out, double[] tile, double[] diag, int n,
                                       int r0, int rows, int c0, int cols) {
        if (out == null) {
            return;
        }
        double[] d = out.data;
        for (int r = 0; r < rows; r++) {
            int i = r0 + r;
            for (int c = 0; c < cols; c++) {
                int j = c0 + c;
                if (i < j) {
                    double v = tile[r * cols + c];
                    d[i * n + j] = v;
                    d[j * n + i] = v;
                } else if (i == j) {
                    d[i * n + i] = diag[i];
                }
            }
        }
    }

    private static void writeBlock(DMatrixRMaj out, double[] tile, int n, int r0, int rows, int c0, int cols) {
        if (out == null) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * cols, out.data, (r0 + r) * n + c0, cols);
        }
    }

    private static double[] zeroed(double[] buffer, int length) {
        Arrays.fill(buffer, 0, length, 0.0);
        return buffer;
    }

    /** @return |x_i|²·invD per row of x */
    static double[] squaredNorms(DMatrixRMaj x, double invD) {
        double[] q = new double[x.numRows];
        int d = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                double v = x.data[i * d + k];
                sum += v * v;
            }
            q[i] = sum * invD;
        }
        return q;
    }

    static LayerPlan plan(Architecture a, int dIn) {
        if (a == null) {
            throw new IllegalArgumentException("No architecture given");
        }
        return new LayerPlan(a, dIn);
    }

    private static Set<KernelKind> requireKinds(Set<KernelKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("Request at least one kernel kind (NNGP, NTK)");
        }
        return EnumSet.copyOf(kinds);
    }

    static void requirePoints(DMatrixRMaj x, String name) {
        if (x == null || x.numRows == 0 || x.numCols == 0) {
            throw new IllegalArgumentException("The " + name + " points are empty: need at least one point with at least one feature");
        }
        double[] d = x.data;
        int len = x.numRows * x.numCols;
        for (int e = 0; e < len; e++) {
            if (!Double.isFinite(d[e])) {
                throw new IllegalArgumentException("The " + name + " points contain a non-finite value (" + d[e] + ") at row "
                        + (e / x.numCols) + ", column " + (e % x.numCols) + ": clean or drop that point");
            }
        }
    }

    private static String label(Set<KernelKind> kinds, int rows, int cols) {
        String what = kinds.size() == 2 ? "NNGP+NTK" : kinds.iterator().next().name();
        return what + " " + rows + "×" + cols;
    }
}
