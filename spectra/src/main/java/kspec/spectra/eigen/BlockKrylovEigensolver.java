package kspec.spectra.eigen;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The k algebraically largest eigenpairs of a symmetric operator by <b>thick-restarted block
 * Lanczos with full reorthogonalization</b>, touching the operator only through block products
 * {@link SymmetricOperator#apply(DMatrixRMaj, DMatrixRMaj)} (matrix-free: never n × n storage).
 *
 * <p><b>Method.</b> From a seeded Gaussian block Q<sub>0</sub> (n × b, b = k + max(8, k/5)) the
 * solver builds an orthonormal basis of the block Krylov space
 * \( \mathcal K_s = \mathrm{span}[Q_0, AQ_0, \dots, A^{s-1}Q_0] \), keeping both Q and AQ, so the
 * Rayleigh quotient \( T = Q^T (AQ) \) and the Ritz residuals \( AV - V\Theta \) need no extra
 * operator products. Each new block A·Q<sub>j</sub> is orthogonalized against the whole basis by
 * block classical Gram–Schmidt twice ("twice is enough", Giraud, Langou &amp; Rozložník 2005) and
 * within itself by SVQB (Stathopoulos &amp; Wu 2002, SIAM J. Sci. Comput. 23:2165): an
 * eigen-decomposition of the b × b Gram matrix that also reveals and drops numerically dependent
 * directions, which are replaced by fresh random ones. This is the randomized block Krylov method
 * of Musco &amp; Musco (2015, arXiv:1504.05477) made restartable: when the basis reaches its
 * capacity (≥ 4b and ≥ 256 columns) the Rayleigh–Ritz step (T grown by one GEMM per new block,
 * then dsyevd) keeps the top b Ritz vectors V and AV, on which T is diagonal,
 * and continues from the residual block (thick restart; Wu &amp; Simon 2000, SIAM J. Matrix Anal. Appl.
 * 22:602; Zhou &amp; Saad 2008 for the block form). All dense work is GEMM on the basis.
 *
 * <p><b>Convergence.</b> Checked at every restart and, when cheap (see {@code checkIsCheap}), after
 * every block once the basis holds 2b columns. Stop when every one of the top k Ritz pairs has
 * ‖Av − θv‖ ≤ tol·‖A‖₂, with ‖A‖₂ estimated by the largest |θ|; eigenvalue errors are then about
 * ‖r‖²/gap (Parlett, <i>The Symmetric Eigenvalue Problem</i>, §11.7). Convergence is fast when
 * the spectrum decays (kernel matrices) and slow when λ<sub>k</sub> ≈ λ<sub>b+1</sub>; the
 * result reports {@code converged = false} when the block-application budget runs out.
 *
 * <p>Memory: 2 × (basis columns) × n doubles — about 2·max(4b, 256)·n, never n².
 */
final class BlockKrylovEigensolver {

    static final String NAME = "block-krylov";
    /** Ritz residual tolerance relative to ‖A‖₂. */
    static final double DEFAULT_TOLERANCE = 1e-9;
    /** Smallest basis capacity in columns, so that tiny k still builds a useful Krylov depth. */
    private static final int MIN_BASIS = 256;
    /** SVQB cannot resolve singular values below ~√ε of the block's largest: treat those as dependent. */
    private static final double BLOCK_RESOLUTION = 1e-7;
    /** First pass: a direction whose projected norm fell below this fraction of the block's norm is dependent. */
    private static final double FIRST_PASS_DROP = 1e-12;
    /** Second pass on unit rows: losing 99% of the norm to re-projection means the direction was dependent. */
    private static final double SECOND_PASS_DROP = 1e-2;

    private final int maxApplies;
    private final double tolerance;

    /**
     * @param maxApplies most block applications of the operator before giving up (≥ 1)
     * @param tolerance  Ritz residual tolerance relative to ‖A‖₂ (&gt; 0)
     */
    BlockKrylovEigensolver(int maxApplies, double tolerance) {
        if (maxApplies < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("need maxApplies >= 1 and tolerance > 0, got " + maxApplies + ", " + tolerance);
        }
        this.maxApplies = maxApplies;
        this.tolerance = tolerance;
    }

    /** @return the block size b used for k wanted eigenpairs of an n-dimensional operator */
    static int blockSize(int k, int n) {
        return Math.min(n, k + Math.max(8, (k + 4) / 5));
    }

    /** @return the basis capacity in columns for block size b */
    static int basisSize(int b, int n) {
        return Math.min(n, b * Math.max(4, (MIN_BASIS + b - 1) / b));
    }

    /**
     * @param op the operator. Not modified.
     * @param k  number of largest eigenpairs, 1 ≤ k &lt; n
     */
    RawEigen solve(SymmetricOperator op, int k, boolean wantVectors, long seed) {
        return new Run(op, k, seed).solve(wantVectors);
    }

    /** The mutable state of one solve: the basis Q and AQ stored as rows (vector i = row i). */
    private final class Run {
        private final SymmetricOperator op;
        private final int n;
        private final int k;
        private final int b;
        private final int capacity;
        private final double[] qt;
        private final double[] aqt;
        /** The Rayleigh quotient T = QᵀAQ of the current basis, capacity × capacity, grown block by block. */
        private final double[] t;
        private final SplittableRandom rng;
        private int cols;
        private int applies;

        Run(SymmetricOperator op, int k, long seed) {
            this.op = op;
            this.n = op.size();
            this.k = k;
            this.b = blockSize(k, n);
            this.capacity = basisSize(b, n);
            if ((long) capacity * n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a Krylov basis of " + capacity + " vectors of length " + n
                        + " exceeds one Java array (2^31 doubles); ask for fewer eigenvalues (smaller k)");
            }
            this.qt = new double[capacity * n];
            this.aqt = new double[capacity * n];
            this.t = new double[capacity * capacity];
            this.rng = new SplittableRandom(seed);
        }

        RawEigen solve(boolean wantVectors) {
            double[] block = gaussian(b);
            int rows = b;
            while (true) {
                int added = appendOrthonormal(block, rows);
                if (added > 0) {
                    applyToRows(cols, added);
                }
                int first = cols;
                cols += added;
                int room = capacity - cols;
                boolean restart = room == 0 || added == 0 || applies >= maxApplies;
                if (restart || cols >= Math.min(capacity, 2 * b) && checkIsCheap()) {
                    Ritz ritz = rayleighRitz(restart ? Math.min(b, cols) : k);
                    boolean done = ritz.converged(k, tolerance) || cols == n; // a basis of all R^n makes Rayleigh–Ritz exact
                    if (done || applies >= maxApplies || added == 0) {
                        return ritz.result(k, wantVectors, done, applies);
                    }
                    if (restart) {
                        block = restartFrom(ritz);
                        rows = block.length / n;
                        continue;
                    }
                }
                rows = Math.min(added, room);
                block = new double[rows * n];
                System.arraycopy(aqt, first * n, block, 0, rows * n);
            }
        }

        /**
         * Whether a Rayleigh–Ritz convergence check between restarts costs at most a quarter of a
         * block product, by flop counts: an eigen-decomposition of T (≈ 10·m³) and k Ritz pairs
         * (4·k·m·n) against a GEMM with a stored n × n matrix (2·n²·b; matrix-free kernels cost more).
         * Counting flops, not time, keeps the iteration deterministic.
         */
        private boolean checkIsCheap() {
            double m = cols;
            return 10.0 * m * m * m + 4.0 * k * m * n <= 0.25 * 2.0 * (double) n * n * b;
        }

        /** Thick restart: the basis becomes the kept Ritz vectors; returns the next block, A·V (its residual part survives projection). */
        private double[] restartFrom(Ritz ritz) {
            int keep = ritz.keep;
            System.arraycopy(ritz.vt, 0, qt, 0, keep * n);
            System.arraycopy(ritz.avt, 0, aqt, 0, keep * n);
            cols = keep;
            Arrays.fill(t, 0.0);
            for (int j = 0; j < keep; j++) {
                t[j * capacity + j] = ritz.values[j]; // QᵀAQ is diagonal on Ritz vectors
            }
            int rows = Math.min(keep, capacity - keep);
            double[] block = new double[rows * n];
            System.arraycopy(ritz.avt, 0, block, 0, rows * n);
            return block;
        }

        /** Rayleigh–Ritz on the current basis: T = QᵀAQ, its top {@code keep} eigenpairs, V = QS and AV = (AQ)S. */
        private Ritz rayleighRitz(int keep) {
            double[] work = new double[cols * cols];
            for (int i = 0; i < cols; i++) {
                System.arraycopy(t, i * capacity, work, i * cols, cols);
            }
            double[] theta = new double[cols];
            DenseSymmetricEigen.smallAscending(cols, work, theta); // divide and conquer: robust on clustered Ritz values
            double[] s = new double[cols * keep];
            double[] values = new double[keep];
            for (int j = 0; j < keep; j++) {
                values[j] = theta[cols - 1 - j];
                for (int i = 0; i < cols; i++) {
                    s[i * keep + j] = work[i * cols + cols - 1 - j];
                }
            }
            double[] vt = new double[keep * n];
            double[] avt = new double[keep * n];
            Gemm.gemm(true, false, keep, n, cols, 1.0, s, qt, 0.0, vt);
            Gemm.gemm(true, false, keep, n, cols, 1.0, s, aqt, 0.0, avt);
            double norm = Math.max(Math.abs(theta[0]), Math.abs(theta[cols - 1]));
            return new Ritz(values, vt, avt, keep, norm, n);
        }

        /**
         * Orthonormalizes {@code rows} rows of {@code block} against the basis and within themselves
         * (two passes), appends the survivors to Q, and tops up dependent directions with random ones.
         *
         * @param block rows × n. Modified.
         * @return how many rows were appended
         */
        private int appendOrthonormal(double[] block, int rows) {
            int kept = orthonormalize(block, rows, cols);
            System.arraycopy(block, 0, qt, cols * n, kept * n);
            int missing = Math.min(rows - kept, n - cols - kept);
            if (missing <= 0) {
                return kept;
            }
            double[] fresh = gaussian(missing);
            int got = orthonormalize(fresh, missing, cols + kept);
            System.arraycopy(fresh, 0, qt, (cols + kept) * n, got * n);
            return kept + got;
        }

        /** Two passes of (project out the first {@code basisRows} rows of Q, then SVQB); returns rows kept. */
        private int orthonormalize(double[] block, int rows, int basisRows) {
            double scale = 0;
            for (int r = 0; r < rows; r++) {
                scale = Math.max(scale, rowNorm(block, r));
            }
            if (scale == 0) {
                return 0;
            }
            project(block, rows, basisRows);
            int kept = svqb(block, rows, FIRST_PASS_DROP * scale);
            project(block, kept, basisRows);
            return svqb(block, kept, SECOND_PASS_DROP);
        }

        /** block ← block − (block·Qᵀ)·Q over the first {@code basisRows} rows of Q. */
        private void project(double[] block, int rows, int basisRows) {
            if (basisRows == 0 || rows == 0) {
                return;
            }
            double[] c = new double[basisRows * rows];
            Gemm.gemm(false, true, basisRows, rows, n, 1.0, qt, block, 0.0, c);
            Gemm.gemm(true, false, rows, n, basisRows, -1.0, c, qt, 1.0, block);
        }

        /**
         * SVQB: with G = B·Bᵀ = U Σ Uᵀ, replaces B by Σ<sup>−1/2</sup>Uᵀ B over the directions with
         * √σ above max(BLOCK_RESOLUTION·√σ<sub>max</sub>, {@code dropBelow}); returns how many remain.
         */
        private int svqb(double[] block, int rows, double dropBelow) {
            if (rows == 0) {
                return 0;
            }
            double[] g = new double[rows * rows];
            Gemm.gemm(false, true, rows, rows, n, 1.0, block, block, 0.0, g);
            double[] sigma = new double[rows];
            DenseSymmetricEigen.smallAscending(rows, g, sigma);
            double threshold = Math.max(BLOCK_RESOLUTION * Math.sqrt(Math.max(sigma[rows - 1], 0)), dropBelow);
            int kept = 0;
            while (kept < rows && sigma[rows - 1 - kept] > 0 && Math.sqrt(sigma[rows - 1 - kept]) > threshold) {
                kept++;
            }
            if (kept == 0) {
                return 0;
            }
            double[] u = new double[rows * kept];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < kept; j++) {
                    u[i * kept + j] = g[i * rows + rows - 1 - j] / Math.sqrt(sigma[rows - 1 - j]);
                }
            }
            double[] out = new double[kept * n];
            Gemm.gemm(true, false, kept, n, rows, 1.0, u, block, 0.0, out);
            System.arraycopy(out, 0, block, 0, kept * n);
            return kept;
        }

        /** AQ rows [from, from+rows) ← A applied to Q rows [from, from+rows), one block product. */
        private void applyToRows(int from, int rows) {
            DMatrixRMaj x = new DMatrixRMaj(n, rows);
            for (int j = 0; j < rows; j++) {
                int src = (from + j) * n;
                for (int i = 0; i < n; i++) {
                    x.data[i * rows + j] = qt[src + i];
                }
            }
            DMatrixRMaj y = new DMatrixRMaj(n, rows);
            op.apply(x, y);
            applies++;
            double[] fresh = new double[rows * n];
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < n; i++) {
                    fresh[j * n + i] = y.data[i * rows + j];
                }
            }
            System.arraycopy(fresh, 0, aqt, from * n, rows * n);
            // new columns of T: Q[0, from+rows) · (A·Q_new)ᵀ, mirrored into the new rows
            int upTo = from + rows;
            double[] c = new double[upTo * rows];
            Gemm.gemm(false, true, upTo, rows, n, 1.0, qt, fresh, 0.0, c);
            for (int i = 0; i < upTo; i++) {
                for (int j = 0; j < rows; j++) {
                    double v = c[i * rows + j];
                    int col = from + j;
                    if (i < from) {
                        t[i * capacity + col] = v;
                        t[col * capacity + i] = v;
                    } else if (i <= col) { // within the new block: average the two round-offs
                        double sym = 0.5 * (v + c[col * rows + (i - from)]);
                        t[i * capacity + col] = sym;
                        t[col * capacity + i] = sym;
                    }
                }
            }
        }

        private double[] gaussian(int rows) {
            double[] g = new double[rows * n];
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.nextGaussian();
            }
            return g;
        }

        private double rowNorm(double[] block, int r) {
            double s = 0;
            for (int i = r * n, end = i + n; i < end; i++) {
                s += block[i] * block[i];
            }
            return Math.sqrt(s);
        }
    }

    /** Ritz pairs of one Rayleigh–Ritz step, as rows: values descending, V and AV. */
    private static final class Ritz {
        final double[] values;
        final double[] vt;
        final double[] avt;
        final int keep;
        final double norm;
        final int n;

        Ritz(double[] values, double[] vt, double[] avt, int keep, double norm, int n) {
            this.values = values;
            this.vt = vt;
            this.avt = avt;
            this.keep = keep;
            this.norm = norm;
            this.n = n;
        }

        /** @return ‖Av<sub>j</sub> − θ<sub>j</sub>v<sub>j</sub>‖ */
        double residualNorm(int j) {
            double s = 0;
            for (int i = 0, o = j * n; i < n; i++) {
                double r = avt[o + i] - values[j] * vt[o + i];
                s += r * r;
            }
            return Math.sqrt(s);
        }

        boolean converged(int k, double tolerance) {
            for (int j = 0; j < k; j++) {
                if (residualNorm(j) > tolerance * norm) {
                    return false;
                }
            }
            return true;
        }

        RawEigen result(int k, boolean wantVectors, boolean converged, int applies) {
            double[] top = Arrays.copyOf(values, k);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double r = residualNorm(j);
                sum += r * r;
            }
            double residual = norm == 0 ? 0.0 : Math.sqrt(sum / k) / norm;
            DMatrixRMaj v = null;
            if (wantVectors) {
                v = new DMatrixRMaj(n, k);
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < n; i++) {
                        v.data[i * k + j] = vt[j * n + i];
                    }
                }
            }
            return new RawEigen(top, v, residual, NAME, applies, converged);
        }
    }
}
