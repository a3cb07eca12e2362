package kspec.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import kspec.core.concurrent.Futures;
import kspec.core.linalg.Blas;
import kspec.core.progress.ProgressListener;
import kspec.spectra.eigen.BlockOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * The NNGP or NTK Gram matrix K of an {@link Architecture} on n points as a matrix-free
 * {@link kspec.spectra.eigen.SymmetricOperator}: Y ← K·V is computed block pair by block pair, recomputing the kernel
 * entries on every application, so that n × n numbers are never stored. This is what lets
 * {@code Eigensolvers.topK(op, EigenRequest.top(k))} find the leading eigenvalues of kernels far
 * beyond the heap, and beyond the 46 340 rows of a square matrix in one Java array.
 *
 * <p><b>Entries.</b> K<sub>ij</sub> is exactly what {@link KernelBuilder#gram} computes (same layer
 * recursion, same 64 × 64 tiles, same exact diagonal maps on the diagonal; off-diagonal entries may
 * differ from it by the round-off of the input inner products, GEMM here and SYRK there, which
 * arccos amplifies only for nearly parallel points), and the operator is exactly symmetric: each
 * off-diagonal entry is computed once and used for both K<sub>ij</sub> and K<sub>ji</sub>.
 *
 * <p><b>Normalization.</b> The operator is K itself, not K/n: the eigen-solvers scale the
 * eigenvalues they report ({@code EigenRequest}'s default is the per-point normalization K/n, the
 * empirical integral operator), so a pre-scaled operator would be normalized twice.
 *
 * <p><b>How: block pairs on every core.</b> The points are cut into m blocks of R =
 * {@link #tileRows()} rows, and the m(m + 1)/2 pairs (I, J ≤ I) of the lower block triangle
 * are dealt round-robin to W = {@link KernelBuilder#threads()} workers. Each worker evaluates its
 * pairs' kernel blocks with its own {@link KernelBlockProduct} (GEMM on one BLAS thread, then the
 * layer recursion, in its own thread) and adds
 * \[ Y_I \mathrel{+}= K_{IJ} V_J,\qquad Y_J \mathrel{+}= K_{IJ}^{\mathsf T} V_I \quad(J < I) \]
 * into its own n × b accumulator; Y is the sum of the W accumulators in worker order. The native
 * BLAS pool is held at one thread while the workers run (one BLAS thread per Java worker, never a
 * multi-threaded BLAS call inside the parallel section) and restored afterwards. The deal and the
 * summation order are fixed, so for a given W the result is deterministic. The same scheme runs
 * on a cluster in {@code kspec.spark}.
 *
 * <p><b>Cost of one application</b> to an n × b block (d input features, L layers):
 * <ul>
 *   <li>kernel entries evaluated: E = Σ<sub>pairs</sub> |I|·|J| = (n² + Σ<sub>I</sub>|I|²)/2 ≈
 *       n²/2 + nR/2 ({@link #entriesPerApplication()}), each O(L) dual-activation evaluations
 *       (arccos and square roots for ReLU-like layers); this usually dominates;</li>
 *   <li>inner products: 2E·d flops (GEMM);</li>
 *   <li>the products with the block: about 2n²b flops (GEMM);</li>
 *   <li>nothing is cached between applications: an eigen-solve that takes m block products pays
 *       m times the above, which is why the solvers are block methods (b vectors for the price of
 *       about one pass over K).</li>
 * </ul>
 * <b>Memory:</b> per worker 8·(R² + 2R·d + 4R·b + n·b) bytes ({@link #workspaceBytes(int)}) plus
 * 8·(L + 2)·n for the per-point diagonals; the points X are referenced, not copied. R is chosen from
 * a memory budget and capped near n/8 ({@link #tileRowsFor}); never O(n²).
 *
 * <p>Not thread-safe: an instance reuses its workspaces across applications. The kernel
 * recursion follows Novak et al. 2020 (arXiv 1912.02803) and Jacot et al. 2018 (arXiv 1806.07572);
 * see {@link KernelBuilder}.
 */
public final class KernelOperator extends BlockOperator {

    /** Workspace budget used by {@link #of(Architecture, DMatrixRMaj, KernelKind, ProgressListener)}: 256 MiB. */
    public static final long DEFAULT_MEMORY_BUDGET = 256L << 20;

    private static final int ALIGN = 64;
    /** The budgeted block height is at most n over this, rounded up to {@link #ALIGN}: at least 36 block pairs. */
    private static final int BLOCKS_AT_LEAST = 8;
    /** Guards the process-wide BLAS pool size while the workers hold it at one thread. */
    private static final Object BLAS_POOL = new Object();

    private final KernelKind kind;
    private final int n;
    private final int d;
    private final int tileRows;
    private final KernelBlockProduct[] workers;
    private final KernelBlockProduct.Points points;
    private final List<int[]> pairs;
    private final ProgressListener progress;
    private double[][] accumulators = new double[0][];
    private long applications;

    private KernelOperator(Architecture a, DMatrixRMaj x, KernelKind kind, int tileRows, int threads,
                           ProgressListener progress) {
        this.kind = kind;
        this.n = x.numRows;
        this.d = x.numCols;
        this.tileRows = tileRows;
        this.pairs = new ArrayList<>();
        for (int i0 = 0; i0 < n; i0 += tileRows) {
            for (int j0 = 0; j0 <= i0; j0 += tileRows) {
                pairs.add(new int[] {i0, j0});
            }
        }
        this.workers = new KernelBlockProduct[Math.max(1, Math.min(threads, pairs.size()))];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = KernelBlockProduct.of(a, kind, d, tileRows);
        }
        this.points = workers[0].points(x.data, n);
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /**
     * An operator with blocks sized from {@link #DEFAULT_MEMORY_BUDGET} (or a quarter of the maximum
     * heap, if smaller), on {@link KernelBuilder#threads()} workers.
     *
     * @param a        the network
     * @param x        n × d_in points, one per row. Not modified (referenced, not copied: it must not
     *                 change while the operator is in use)
     * @param kind     NNGP or NTK
     * @param progress receives one start/advance/finish cycle per block application (units: kernel entries)
     * @throws IllegalArgumentException for empty or non-finite points, a null kind, or a missing width
     */
    public static KernelOperator of(Architecture a, DMatrixRMaj x, KernelKind kind, ProgressListener progress) {
        KernelBuilder.requirePoints(x, "x");
        long budget = Math.min(DEFAULT_MEMORY_BUDGET, Runtime.getRuntime().maxMemory() / 4);
        return of(a, x, kind, tileRowsFor(x.numRows, x.numCols, KernelBuilder.threads(), budget), progress);
    }

    /**
     * An operator with an explicit block height, on {@link KernelBuilder#threads()} workers.
     *
     * @param tileRows R, the rows per block, 1 ≤ R (values above n are clamped to n); the R × R
     *                 block must fit one Java array
     * @see #of(Architecture, DMatrixRMaj, KernelKind, ProgressListener)
     */
    public static KernelOperator of(Architecture a, DMatrixRMaj x, KernelKind kind, int tileRows, ProgressListener progress) {
        return of(a, x, kind, tileRows, KernelBuilder.threads(), progress);
    }

    /**
     * An operator with an explicit block height and worker count.
     *
     * @param threads W ≥ 1, the worker threads (at most the kernel pool's {@link KernelBuilder#threads()}
     *                run at once)
     * @see #of(Architecture, DMatrixRMaj, KernelKind, int, ProgressListener)
     */
    public static KernelOperator of(Architecture a, DMatrixRMaj x, KernelKind kind, int tileRows, int threads,
                                    ProgressListener progress) {
        KernelBuilder.requirePoints(x, "x");
        if (kind == null) {
            throw new IllegalArgumentException("Choose the kernel: KernelKind.NNGP or KernelKind.NTK");
        }
        int rows = Math.min(tileRows, x.numRows);
        if (rows < 1 || (long) rows * rows > Integer.MAX_VALUE - 8 || (long) rows * x.numCols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tileRows must be >= 1 and its " + tileRows + " × " + tileRows
                    + " block must fit one Java array, got tileRows = " + tileRows + ": use a smaller tileRows "
                    + "(KernelOperator.tileRowsFor gives one from a memory budget)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new KernelOperator(a, x, kind, rows, threads, progress);
    }

    /**
     * The block height R for a workspace budget shared by W workers: the largest R whose blocks and
     * row copies, W·8·(R² + 2R·d) bytes, fit the budget, capped at n/8 rounded up to a multiple of
     * 64 (so that there are at least 8 blocks, 36 pairs to deal; the diagonal pairs are evaluated
     * whole, about nR/2 entries on top of the n²/2 of the lower triangle: about 1/16 more under this
     * cap), at most n, and rounded down to a multiple of 64 (the recursion's tile) when 64 ≤ R &lt; n.
     *
     * @param n            number of points
     * @param d            input dimension
     * @param workers      W ≥ 1
     * @param budgetBytes  workspace budget in bytes
     * @return R, 1 ≤ R ≤ n
     * @throws IllegalArgumentException when even R = 1 does not fit the budget
     */
    public static int tileRowsFor(int n, int d, int workers, long budgetBytes) {
        if (n < 1 || d < 1 || workers < 1) {
            throw new IllegalArgumentException("need n >= 1, d >= 1 and workers >= 1, got n = " + n + ", d = " + d
                    + ", workers = " + workers);
        }
        long perWorker = budgetBytes / workers;
        if (perWorker < 8L * (1 + 2L * d)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "A memory budget of %d bytes cannot hold "
                    + "%d workers' one-row blocks of %d features (%d bytes): raise the budget or the heap (-Xmx)",
                    budgetBytes, workers, d, workers * 8L * (1 + 2L * d)));
        }
        long cap = Math.min(n, ALIGN * ((n + (long) BLOCKS_AT_LEAST * ALIGN - 1) / ((long) BLOCKS_AT_LEAST * ALIGN)));
        long r = Math.min(cap, (long) Math.sqrt(perWorker / 8.0));
        while (r > 1 && 8L * (r * r + 2 * r * d) > perWorker) {
            r--;
        }
        if (r >= ALIGN && r < n) {
            r -= r % ALIGN;
        }
        return (int) r;
    }

    @Override
    public int size() {
        return n;
    }

    /** @return which kernel this operator applies */
    public KernelKind kind() {
        return kind;
    }

    /** @return R, the rows per block */
    public int tileRows() {
        return tileRows;
    }

    /** @return W, the worker threads that share each application */
    public int threads() {
        return workers.length;
    }

    /** @return the number of block applications so far (a vector application counts as one) */
    public long applications() {
        return applications;
    }

    /** @return E, the kernel entries evaluated per application (lower block triangle, diagonal blocks whole) */
    public long entriesPerApplication() {
        long e = 0;
        for (int[] p : pairs) {
            e += (long) Math.min(tileRows, n - p[0]) * Math.min(tileRows, n - p[1]);
        }
        return e;
    }

    /**
     * @param b block width
     * @return the workspace in bytes for blocks of b vectors: W·8·(R² + 2R·d + 4R·b + n·b)
     */
    public long workspaceBytes(int b) {
        return workers.length * (KernelBlockProduct.workspaceBytes(tileRows, d, b) + 8L * n * b);
    }

    /**
     * Y = K·V, one pass over the block pairs of K on all workers (see the class comment for the cost).
     *
     * @param v n × b. Not modified.
     * @param y Modified: reshaped to n × b and overwritten. Must not alias {@code v}.
     */
    @Override
    protected void applyBlock(DMatrixRMaj v, DMatrixRMaj y) {
        int b = v.numCols;
        if (accumulators.length == 0 || accumulators[0].length < n * b) {
            accumulators = new double[workers.length][n * b];
        } else {
            for (double[] acc : accumulators) {
                Arrays.fill(acc, 0, n * b, 0.0);
            }
        }
        String task = String.format(Locale.ROOT, "%s operator %d×%d · %d vector%s", kind, n, n, b, b == 1 ? "" : "s");
        progress.start(task, entriesPerApplication());
        try {
            if (workers.length == 1) {
                long done = 0;
                for (int p = 0; p < pairs.size(); p++) {
                    done += accumulatePair(0, p, v.data, b);
                    progress.advance(done);
                }
            } else {
                runWorkers(v.data, b);
            }
        } finally {
            progress.finish();
        }
        y.reshape(n, b);
        System.arraycopy(accumulators[0], 0, y.data, 0, n * b);
        for (int w = 1; w < workers.length; w++) {
            double[] acc = accumulators[w];
            for (int e = 0; e < n * b; e++) {
                y.data[e] += acc[e];
            }
        }
        applications++;
    }

    /** Pair p on worker w: its kernel block into worker w's accumulator; returns the entries evaluated. */
    private long accumulatePair(int w, int p, double[] v, int b) {
        int i0 = pairs.get(p)[0];
        int j0 = pairs.get(p)[1];
        double[] acc = accumulators[w];
        KernelBlockProduct.Side rows = new KernelBlockProduct.Side(points, i0, Math.min(tileRows, n - i0), v, i0, acc, i0);
        KernelBlockProduct.Side cols = i0 == j0 ? rows
                : new KernelBlockProduct.Side(points, j0, Math.min(tileRows, n - j0), v, j0, acc, j0);
        return workers[w].accumulate(rows, cols, b);
    }

    /**
     * Worker w takes pairs w, w + W, w + 2W, … on the kernel pool; this thread reports progress as
     * pairs finish and returns only when every worker has stopped (also after a failure, so the
     * BLAS pool is never resized under a running GEMM), rethrowing the first failure.
     */
    private void runWorkers(double[] v, int b) {
        BlockingQueue<Long> finished = new LinkedBlockingQueue<>();
        synchronized (BLAS_POOL) {
            int blasThreads = Blas.threads();
            Blas.setThreads(1);
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int w = 0; w < workers.length; w++) {
                    int worker = w;
                    running.add(KernelBuilder.submit(() -> {
                        try {
                            for (int p = worker; p < pairs.size() && !failed.get(); p += workers.length) {
                                finished.add(accumulatePair(worker, p, v, b));
                            }
                        } catch (RuntimeException | Error e) {
                            failed.set(true);
                            throw e;
                        } finally {
                            finished.add(-1L); // this worker is done
                        }
                        return null;
                    }));
                }
                long done = 0;
                for (int stopped = 0; stopped < workers.length; ) {
                    long entries = finished.take();
                    if (entries < 0) {
                        stopped++;
                    } else {
                        done += entries;
                        progress.advance(done);
                    }
                }
            } catch (InterruptedException e) {
                failed.set(true);
                Thread.currentThread().interrupt();
            } finally {
                Throwable failure = Futures.awaitAll(running);
                Blas.setThreads(blasThreads);
                if (failure instanceof RuntimeException re) {
                    throw re;
                }
                if (failure instanceof Error err) {
                    throw err;
                }
            }
            if (failed.get()) {
                throw new IllegalStateException("Kernel operator product interrupted");
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KernelOperator[%s, n = %d, d = %d, %d-row blocks, %d workers]", kind, n, d,
                tileRows, workers.length);
    }
}
