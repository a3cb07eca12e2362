package kspec.core.linalg;

import java.util.ArrayList;
import kspec.core.concurrent.Futures;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * The bridge to native OpenBLAS/LAPACK, loaded once from the bytedeco {@code openblas} jars.
 *
 * <p>All matrices are row-major {@code double[]} (EJML's {@code DMatrixRMaj} storage). Callers
 * normally go through {@link Blas}, which falls back to pure-Java EJML when the natives cannot load.
 *
 * <p><b>Threads.</b> OpenBLAS keeps its own thread pool. Its threads competing with Java threads for
 * the same cores oversubscribe them and slow every call down by an order of magnitude or more
 * (bench/README.md), so: never call these methods from inside a parallel Java loop, and size the
 * pool explicitly. The pool size is read once, at load, from the system
 * property {@code kspec.blas.threads}, else the environment variable {@code OPENBLAS_NUM_THREADS},
 * else the number of available processors; {@link #setThreads(int)} changes it later. Tests and CI
 * use one thread.
 */
public final class NativeBlas {

    // CBLAS enum values, fixed by the CBLAS standard (cblas.h); LAPACKE uses the same row-major code.
    private static final int ROW_MAJOR = 101;
    private static final int COL_MAJOR = 102;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final int UPPER = 121;
    /** Copies of fewer doubles than this (64 MB) into native memory are made by the calling thread alone. */
    static final long PARALLEL_COPY_MIN = 1L << 23;

    private static final String LOAD_FAILURE = load();

    private NativeBlas() {
    }

    private static String load() {
        try {
            Loader.load(openblas.class);
            openblas.blas_set_num_threads(configuredThreads());
            return null;
        } catch (Throwable e) { // UnsatisfiedLinkError, or NoClassDefFoundError on a platform without natives
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The pool size asked for: {@code kspec.blas.threads}, else {@code OPENBLAS_NUM_THREADS}, else the processor count. */
    static int configuredThreads() {
        String prop = System.getProperty("kspec.blas.threads");
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        String value = prop != null ? prop : env;
        if (value != null) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the processor count; a malformed setting must not disable BLAS
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return true when the native library loaded and can be called */
    public static boolean isAvailable() {
        return LOAD_FAILURE == null;
    }

    /** @return why the natives did not load, or null when they did */
    public static String unavailableReason() {
        return LOAD_FAILURE;
    }

    /** Sets the size of OpenBLAS's thread pool (≥ 1). */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS thread count must be >= 1, got " + threads);
        }
        requireLoaded();
        openblas.blas_set_num_threads(threads);
    }

    /** @return the size of OpenBLAS's thread pool */
    public static int threads() {
        requireLoaded();
        return openblas.blas_get_num_threads();
    }

    /** @return a one-line description for reports, e.g. "OpenBLAS 0.3.31 (bytedeco), 2 threads" */
    public static String describe() {
        if (!isAvailable()) {
            return "native BLAS unavailable (" + LOAD_FAILURE + ")";
        }
        return openblas.OPENBLAS_VERSION.trim() + " (bytedeco), " + threads() + " threads";
    }

    /**
     * A new native array holding a copy of {@code a[0, length)}, for operands that native code
     * reads many times or destroys. A large copy is split into contiguous chunks filled at once by
     * {@link #threads()} Java threads (the calling one included): its cost is the first touch of
     * the fresh pages rather than the copying, and page faults are served on all cores at once
     * (JMH {@code NativeCopyBenchmark}; figures in bench/README.md). No BLAS call runs meanwhile,
     * so the copy competes with nothing.
     *
     * @param a      the source. Not modified.
     * @param length how many leading elements to copy
     * @return a native array of {@code length} doubles; the caller closes it
     */
    public static DoublePointer copyToNative(double[] a, int length) {
        requireLoaded();
        DoublePointer p = new DoublePointer(length);
        int workers = length < PARALLEL_COPY_MIN ? 1 : threads();
        int chunk = (int) ((length + (long) workers - 1) / workers);
        List<FutureTask<?>> helpers = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            int from = w * chunk;
            FutureTask<?> helper = new FutureTask<>(() -> copyChunk(p, a, from, Math.min(chunk, length - from)), null);
            new Thread(helper, "kspec-native-copy-" + w).start();
            helpers.add(helper);
        }
        Throwable failure = null;
        try {
            copyChunk(p, a, 0, Math.min(chunk, length));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        Throwable helperFailure = Futures.awaitAll(helpers); // every helper has finished before p can be freed
        failure = failure != null ? failure : helperFailure;
        if (failure != null) {
            p.close();
            throw new IllegalStateException("copying " + length + " doubles to native memory failed", failure);
        }
        return p;
    }

    private static void copyChunk(DoublePointer p, double[] a, int from, int length) {
        if (length > 0) {
            new DoublePointer(p).position(from).put(a, from, length);
        }
    }

    /**
     * C ← α·op(A)·op(B) + β·C, row-major; op(A) is m × k, op(B) is k × n, C is m × n.
     *
     * @param a      A, m × k (or k × m when {@code transA}). Not modified.
     * @param b      B, k × n (or n × k when {@code transB}). Not modified.
     * @param c      C, m × n. Modified.
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
                             double alpha, double[] a, double[] b, double beta, double[] c) {
        requireLoaded();
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas.cblas_dgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS,
                m, n, k, alpha, a, Math.max(1, lda), b, Math.max(1, ldb), beta, c, Math.max(1, n));
    }

    /**
     * C ← α·op(A)·op(B) + β·C on native memory, row-major, as {@link #dgemm(boolean, boolean, int,
     * int, int, double, double[], double[], double, double[])}. The {@code double[]} form copies
     * every array argument into and out of native memory on each call (JNI array elements); operands
     * that are reused across many calls, such as a large stored matrix, are cheaper kept here.
     *
     * @param a A, read from its position. Not modified.
     * @param b B, read from its position. Not modified.
     * @param c C, from its position. Modified.
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
                             double alpha, DoublePointer a, DoublePointer b, double beta, DoublePointer c) {
        requireLoaded();
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas.cblas_dgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS,
                m, n, k, alpha, a, Math.max(1, lda), b, Math.max(1, ldb), beta, c, Math.max(1, n));
    }

    /**
     * Upper triangle of C ← α·A·Aᵀ + β·C, row-major; A is n × k, C is n × n. The strict lower
     * triangle of C is not referenced and not written.
     *
     * @param a A, n × k. Not modified.
     * @param c C, n × n. Modified (upper triangle only).
     */
    public static void dsyrkUpper(int n, int k, double alpha, double[] a, double beta, double[] c) {
        requireLoaded();
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, NO_TRANS, n, k, alpha, a, Math.max(1, k), beta, c, Math.max(1, n));
    }

    /**
     * As {@link #dsyrkUpper(int, int, double, double[], double, double[])} on native memory, A and C
     * read and written from their positions (for operands kept in native memory across calls).
     *
     * @param a A, n × k. Not modified.
     * @param c C, n × n. Modified (upper triangle only).
     */
    public static void dsyrkUpper(int n, int k, double alpha, DoublePointer a, double beta, DoublePointer c) {
        requireLoaded();
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, NO_TRANS, n, k, alpha, a, Math.max(1, k), beta, c, Math.max(1, n));
    }

    /**
     * Symmetric eigen-decomposition by LAPACK {@code dsyevd} (divide and conquer), reading the
     * upper triangle of the row-major n × n matrix A.
     *
     * @param a       A, n × n. Modified: destroyed, or with {@code vectors} the orthonormal
     *                eigenvectors stored as columns (row-major), in the order of {@code w}.
     * @param w       length n. Modified: eigenvalues in <b>ascending</b> order (LAPACK's order).
     * @param vectors whether to compute eigenvectors
     * @return LAPACK's {@code info}: 0 on success, &gt; 0 when the algorithm failed to converge
     */
    public static int dsyevd(int n, double[] a, double[] w, boolean vectors) {
        requireLoaded();
        return openblas.LAPACKE_dsyevd(ROW_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'U', n, a, Math.max(1, n), w);
    }

    /**
     * Cholesky factorisation A = L·Lᵀ by LAPACK {@code dpotrf}, on the leading n × n block of a
     * row-major matrix with leading dimension {@code lda} (so a prefix of a larger factorised
     * problem can be addressed in place).
     *
     * @param a A; only its lower triangle is read. Modified: the lower triangle holds L.
     * @return LAPACK's {@code info}: 0 on success; j &gt; 0 when the leading minor of order j is not
     *     positive definite (then columns before j still hold the factor of the leading j−1 block)
     */
    public static int dpotrf(int n, double[] a, int lda) {
        requireLoaded();
        return openblas.LAPACKE_dpotrf(ROW_MAJOR, (byte) 'L', n, a, Math.max(1, lda));
    }

    /**
     * Solves A·X = B with the Cholesky factor from {@link #dpotrf} ({@code dpotrs}).
     *
     * @param l the factor, leading n × n block with leading dimension {@code lda}. Not modified.
     * @param b B, n × nrhs row-major. Modified: overwritten with X.
     * @return LAPACK's {@code info}, 0 on success
     */
    public static int dpotrs(int n, int nrhs, double[] l, int lda, double[] b) {
        requireLoaded();
        return openblas.LAPACKE_dpotrs(ROW_MAJOR, (byte) 'L', n, nrhs, l, Math.max(1, lda), b, Math.max(1, nrhs));
    }

    /**
     * Eigenvalues only of a symmetric matrix by LAPACK {@code dsyevd}, or by its two-stage variant
     * {@code dsyevd_2stage} (LAPACK ≥ 3.7), without LAPACKE's row-major transpose copies: for
     * A = Aᵀ the row-major array is also A in column-major order, so it is passed as column-major
     * with {@code UPLO='L'}, which reads exactly the elements that are the upper triangle in
     * row-major storage (as {@link #dsyevd} does).
     *
     * <p>Both reduce A to a symmetric tridiagonal T with orthogonal similarity transformations and
     * then take T's eigenvalues by the Pal–Walker–Kahan QL/QR ({@code dsterf}). The one-stage
     * reduction ({@code dsytrd}) performs half of its (4/3)n³ flops as matrix–vector products
     * ({@code dsymv}), which run at memory speed once the triangle they read no longer fits in the
     * cache. The two-stage
     * one first reduces A to a band of width nb with matrix–matrix products ({@code dsytrd_sy2sb}),
     * then chases the bulges of the band down to T ({@code dsytrd_sb2st}, O(n²·nb) flops) — Haidar,
     * Ltaief &amp; Dongarra, "Parallel reduction to condensed forms for symmetric eigenvalue problems
     * using aggregated fine-grained and memory-aware kernels", SC '11. Both are backward stable.
     *
     * <p>The matrix is copied once into native memory, which LAPACK then destroys; passing the Java
     * array instead would cost a clone plus the binding's copy in and copy back out (three n² copies
     * instead of one — about 10% of the whole call at n = 1000).
     *
     * @param a        A, n × n symmetric. Not modified.
     * @param w        length n. Modified: eigenvalues in <b>ascending</b> order.
     * @param twoStage whether to call {@code dsyevd_2stage} instead of {@code dsyevd}
     * @return LAPACK's {@code info}: 0 on success, &gt; 0 when the algorithm failed to converge
     */
    public static int symmetricEigenvalues(int n, double[] a, double[] w, boolean twoStage) {
        requireLoaded();
        try (DoublePointer work = copyToNative(a, n * n); DoublePointer values = new DoublePointer(n)) {
            int lda = Math.max(1, n);
            int info = twoStage
                    ? openblas.LAPACKE_dsyevd_2stage(COL_MAJOR, (byte) 'N', (byte) 'L', n, work, lda, values)
                    : openblas.LAPACKE_dsyevd(COL_MAJOR, (byte) 'N', (byte) 'L', n, work, lda, values);
            values.get(w, 0, n);
            return info;
        }
    }

    /**
     * y ← α·A·x + β·y, row-major; A is m × n.
     *
     * @param a A, m × n. Not modified.
     * @param x length n. Not modified.
     * @param y length m. Modified.
     */
    public static void dgemv(int m, int n, double alpha, double[] a, double[] x, double beta, double[] y) {
        requireLoaded();
        openblas.cblas_dgemv(ROW_MAJOR, NO_TRANS, m, n, alpha, a, Math.max(1, n), x, 1, beta, y, 1);
    }

    /**
     * The k algebraically largest eigenvalues of a symmetric matrix, and optionally their
     * eigenvectors, by LAPACK {@code dsyevr} with {@code RANGE='I'} (indices n−k+1 … n, bisection
     * and inverse iteration or MRRR on the tridiagonal form), reading the upper triangle of the
     * row-major n × n matrix A. The tridiagonal reduction still costs (4/3)n³ flops; what is saved
     * against {@link #dsyevd} is the back-transformation of the n − k unwanted vectors.
     *
     * @param a A, n × n. Modified: destroyed.
     * @param k number of eigenvalues wanted, 1 ≤ k ≤ n
     * @param w length ≥ k. Modified: the k largest eigenvalues in <b>ascending</b> order.
     * @param z null for eigenvalues only, else length ≥ n·k. Modified: the eigenvectors as the
     *          columns of a row-major n × k matrix, in the order of {@code w}.
     * @return LAPACK's {@code info}: 0 on success, &gt; 0 on an internal failure
     */
    public static int dsyevrLargest(int n, int k, double[] a, double[] w, double[] z) {
        requireLoaded();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("dsyevr: need 1 <= k <= n, got k = " + k + ", n = " + n);
        }
        double[] all = new double[n]; // LAPACK uses W (length n) as workspace; only the first k are kept
        int[] found = new int[1];
        int[] support = new int[2 * k];
        boolean vectors = z != null;
        int info = openblas.LAPACKE_dsyevr(ROW_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'I', (byte) 'U', n, a,
                Math.max(1, n), 0.0, 0.0, n - k + 1, n, 0.0, found, all, vectors ? z : new double[1], k, support);
        if (info == 0 && found[0] != k) {
            throw new IllegalStateException("dsyevr returned " + found[0] + " eigenvalues, expected " + k);
        }
        System.arraycopy(all, 0, w, 0, k);
        return info;
    }

    private static void requireLoaded() {
        if (LOAD_FAILURE != null) {
            throw new IllegalStateException("native BLAS/LAPACK is not available on this platform ("
                    + LOAD_FAILURE + "); use the pure-Java path (Blas falls back automatically)");
        }
    }
}
