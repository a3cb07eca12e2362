package kspec.core.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The one place kspec chooses between native OpenBLAS/LAPACK ({@link NativeBlas}) and pure-Java
 * EJML ({@link EjmlBlas}; bench/README.md compares the two): matrix products (GEMM, SYRK, GEMV),
 * the Cholesky factorisation and solve, the symmetric eigen-decomposition of small work matrices,
 * and the BLAS thread count. Callers never test which path is active, except where they keep
 * operands in native memory themselves (a native-only buffer strategy with no pure-Java
 * counterpart).
 *
 * <p>All matrices are row-major; inputs and outputs must not alias. Do not call from inside a
 * parallel Java loop: the native path is itself multi-threaded.
 */
public final class Blas {

    private static final boolean NATIVE = NativeBlas.isAvailable();

    private Blas() {
    }

    /**
     * The number of threads one BLAS call may use: the size of the native pool, or on the pure-Java
     * path the count it would have been given (the system property {@code kspec.blas.threads}, else
     * the environment variable {@code OPENBLAS_NUM_THREADS}, else the number of processors). Callers
     * that split BLAS work among their own Java threads size their pools by it.
     */
    public static int threads() {
        return NATIVE ? NativeBlas.threads() : NativeBlas.configuredThreads();
    }

    /**
     * Sets the native pool size (≥ 1), e.g. to one while Java workers call BLAS side by side; a
     * no-op on the pure-Java path, whose products are single-threaded.
     */
    public static void setThreads(int threads) {
        if (NATIVE) {
            NativeBlas.setThreads(threads);
        } else if (threads < 1) {
            throw new IllegalArgumentException("BLAS thread count must be >= 1, got " + threads);
        }
    }

    /**
     * C ← α·op(A)·op(B) + β·C on the leading parts of row-major arrays (e.g. the first rows of a
     * preallocated basis): op(A) is m × k, op(B) is k × n, C is m × n.
     *
     * @param a    A, m × k, or k × m when {@code transA}. Not modified.
     * @param b    B, k × n, or n × k when {@code transB}. Not modified.
     * @param beta 0 (overwrite C) or 1 (accumulate into C); the pure-Java path supports no other
     * @param c    C, m × n. Modified.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double alpha, double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (NATIVE) {
            NativeBlas.dgemm(transA, transB, m, n, k, alpha, a, b, beta, c);
        } else {
            EjmlBlas.gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
        }
    }

    /**
     * C = A·B.
     *
     * @param a m × k. Not modified.
     * @param b k × n. Not modified.
     * @param c Modified: reshaped to m × n and overwritten.
     */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireInner(a.numCols, b.numRows, "A·B", a, b);
        c.reshape(a.numRows, b.numCols);
        gemm(false, false, a.numRows, b.numCols, a.numCols, 1.0, a.data, b.data, 0.0, c.data);
    }

    /**
     * C = A·Bᵀ (e.g. the cross inner products of two point sets stored row-wise).
     *
     * @param a m × k. Not modified.
     * @param b n × k. Not modified.
     * @param c Modified: reshaped to m × n and overwritten.
     */
    public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireInner(a.numCols, b.numCols, "A·Bᵀ", a, b);
        c.reshape(a.numRows, b.numRows);
        gemm(false, true, a.numRows, b.numRows, a.numCols, 1.0, a.data, b.data, 0.0, c.data);
    }

    /**
     * C = Aᵀ·B.
     *
     * @param a k × m. Not modified.
     * @param b k × n. Not modified.
     * @param c Modified: reshaped to m × n and overwritten.
     */
    public static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireInner(a.numRows, b.numRows, "Aᵀ·B", a, b);
        c.reshape(a.numCols, b.numCols);
        gemm(true, false, a.numCols, b.numCols, a.numRows, 1.0, a.data, b.data, 0.0, c.data);
    }

    /**
     * y = A·x (GEMV).
     *
     * @param a m × n. Not modified.
     * @param x length n. Not modified.
     * @param y length m. Modified.
     */
    public static void gemv(DMatrixRMaj a, double[] x, double[] y) {
        if (NATIVE) {
            NativeBlas.dgemv(a.numRows, a.numCols, 1.0, a.data, x, 0.0, y);
        } else {
            EjmlBlas.gemv(a.numRows, a.numCols, a.data, x, y);
        }
    }

    /**
     * The upper triangle of C = α·A·Aᵀ by SYRK (half the flops of GEMM); the strict lower triangle
     * is not read, and is left unspecified.
     *
     * @param a A, n × k row-major. Not modified.
     * @param c C, n × n row-major. Modified.
     */
    public static void syrkUpper(int n, int k, double alpha, double[] a, double[] c) {
        if (NATIVE) {
            NativeBlas.dsyrkUpper(n, k, alpha, a, 0.0, c);
        } else {
            EjmlBlas.syrk(n, k, alpha, a, c);
        }
    }

    /**
     * The Gram matrix C = α·A·Aᵀ, computed on one triangle ({@link #syrkUpper}) and mirrored so
     * that C is exactly symmetric.
     *
     * @param a n × k. Not modified.
     * @param c Modified: reshaped to n × n and overwritten with both triangles.
     */
    public static void gram(double alpha, DMatrixRMaj a, DMatrixRMaj c) {
        int n = a.numRows;
        c.reshape(n, n);
        syrkUpper(n, a.numCols, alpha, a.data, c.data);
        mirrorUpperToLower(c);
    }

    /** Copies the upper triangle of the square matrix {@code c} onto its lower triangle. Modified. */
    private static void mirrorUpperToLower(DMatrixRMaj c) {
        int n = c.numRows;
        double[] d = c.data;
        for (int i = 1; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                d[row + j] = d[j * n + i];
            }
        }
    }

    /**
     * Cholesky factorisation A = L·Lᵀ in place (LAPACK {@code dpotrf}; EJML's Cholesky without the
     * natives).
     *
     * @param a A, n × n row-major; only its lower triangle is read. Modified: the lower triangle
     *          holds L on success; the strict upper triangle is left unspecified.
     * @return 0 on success; j &gt; 0 when the leading minor of order j is not positive definite, in
     *     which case the factor of the leading j − 1 block is valid (the pure-Java path cannot tell
     *     which minor failed and returns 1)
     */
    public static int choleskyLower(int n, double[] a) {
        return NATIVE ? NativeBlas.dpotrf(n, a, n) : EjmlBlas.choleskyLower(n, a);
    }

    /**
     * Solves A·X = B with a factor from {@link #choleskyLower}, or with the leading n × n block of
     * one (the factor of A's leading block; leading dimension {@code lda}) — LAPACK {@code dpotrs}.
     *
     * @param factor L, leading n × n block with leading dimension {@code lda}. Not modified.
     * @param b      B, n × nrhs row-major. Modified: overwritten with X.
     * @throws IllegalStateException if LAPACK rejects an argument
     */
    public static void choleskySolve(int n, int nrhs, double[] factor, int lda, double[] b) {
        if (NATIVE) {
            int info = NativeBlas.dpotrs(n, nrhs, factor, lda, b);
            if (info != 0) {
                throw new IllegalStateException("LAPACK dpotrs rejected argument " + (-info));
            }
        } else {
            EjmlBlas.choleskySolve(n, nrhs, factor, lda, b);
        }
    }

    /**
     * All eigenvalues and eigenvectors of a symmetric matrix (LAPACK {@code dsyevd}, divide and
     * conquer; EJML's symmetric QR algorithm without the natives), for small work matrices and
     * pseudo-inverses. Large spectra go through the eigensolver factory instead.
     *
     * @param a A, n × n symmetric (both triangles). Modified: the orthonormal eigenvectors as
     *          columns, in the order of {@code w}.
     * @param w length n. Modified: the eigenvalues in ascending order.
     * @return 0 on success, &gt; 0 when the algorithm did not converge
     */
    public static int symmetricEigen(int n, double[] a, double[] w) {
        return NATIVE ? NativeBlas.dsyevd(n, a, w, true) : EjmlBlas.symmetricEigen(n, a, w);
    }

    private static void requireInner(int left, int right, String op, DMatrixRMaj a, DMatrixRMaj b) {
        if (left != right) {
            throw new IllegalArgumentException("Inconsistent matrix shapes for " + op + ": "
                    + a.numRows + "×" + a.numCols + " and " + b.numRows + "×" + b.numCols);
        }
    }
}
