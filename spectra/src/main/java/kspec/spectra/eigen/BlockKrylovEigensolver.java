package kspec.spectra.eigen;

import java.util.Arrays;
import java.util.SplittableRandom;
import kspec.core.linalg.Blas;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;

/**
 * The k algebraically largest eigenpairs of a symmetric operator by <b>thick-restarted block
 * Lanczos with full reorthogonalization</b>, touching the operator only through
 * block products (matrix-free: never n × n storage; see {@link RowProducts}).
 *
 * <p><b>Method.</b> From a seeded Gaussian block Q<sub>0</sub> of width w the solver builds an
 * orthonormal basis of the block Krylov space
 * \( \mathcal K_s = \mathrm{span}[Q_0, AQ_0, \dots, A^{s-1}Q_0] \), keeping both Q and AQ, so the
 * Rayleigh quotient \( T = Q^T (AQ) \) and the Ritz residuals \( AV - V\Theta \) need no extra
 * operator products. Each new block A·Q<sub>j</sub> is orthogonalized against the whole basis by
 * block classical Gram–Schmidt twice ("twice is enough", Giraud, Langou &amp; Rozložník 2005) and
 * within itself by SVQB (Stathopoulos &amp; Wu 2002, SIAM J. Sci. Comput. 23:2165): an
 * eigen-decomposition of the Gram matrix of the block that also reveals and drops numerically
 * dependent directions, which are replaced by fresh random ones. This is the randomized block
 * Krylov method of Musco &amp; Musco (2015, arXiv:1504.05477) made restartable: when the basis
 * reaches its capacity (≥ 4b and ≥ 256 columns, b = k + max(8, k/5)) the Rayleigh–Ritz step
 * (T grown by one GEMM per new block, then dsyevd) keeps the top b Ritz vectors V and AV, on which
 * T is diagonal (thick restart; Wu &amp; Simon 2000, SIAM J. Matrix Anal. Appl. 22:602; Zhou &amp;
 * Saad 2008 for the block form), and continues from the pending residual block R: since
 * A·V = VΘ + R·S<sub>last</sub>, R carries every Ritz residual. All dense work is GEMM on the basis.
 *
 * <p><b>Converged vectors are never multiplied again.</b> Only the newest block meets the
 * operator; a Ritz vector, converged or not, enters later products only through R. Converged
 * vectors stay in the basis, so new directions are orthogonalized against them and Rayleigh–Ritz
 * can still refine them — the effect of soft locking (Knyazev, Argentati, Lashuk &amp;
 * Ovtchinnikov 2007, SIAM J. Sci. Comput. 29:2224, BLOPEX) without the bookkeeping.
 *
 * <p><b>Block width.</b> w = b for a matrix-free operator, whose pass over its entries costs about
 * the same for 1 vector as for b ({@link RowProducts#narrowIsCheaper()}); w =
 * min(b, {@value #STORED_BLOCK_WIDTH}) for a stored matrix, where a product costs 2n²w flops:
 * narrower blocks give higher Krylov degree per vector (top 200 at n = 8000: 800 vector products at
 * w = 32, 960 at 64, 1408 at 128, with checks spaced by cost alone), while below a few dozen
 * vectors a product is bound by reading
 * the n² matrix rather than by flops. A block narrower than b cannot resolve an eigenvalue of
 * multiplicity above w in exact arithmetic; the random top-ups of dependent directions and
 * round-off restore them in practice (the tests include a triple eigenvalue and a cluster).
 *
 * <p><b>Convergence.</b> Checked at every restart and, once the basis holds 2b columns, whenever
 * an eigen-decomposition of T (≈ 10·m³ flops) costs at most a quarter of the operator work since
 * the last check, or earlier when the residual decay between the last two checks, extrapolated
 * geometrically, predicts convergence (flop and column counts, so the iteration stays
 * deterministic for a seed). The residuals come from the block Lanczos identity
 * ‖Av − θv‖ = ‖Rᵀs<sub>last</sub>‖ (no Ritz vectors formed) and are confirmed explicitly before
 * stopping. Stop when every one of the top k Ritz pairs has
 * ‖Av − θv‖ ≤ tol·‖A‖₂, with ‖A‖₂ estimated by the largest |θ|. The eigenvalue error is then at
 * most ‖r‖ (Bauer–Fike for symmetric A) and, when θ is separated by δ from the rest of the spectrum, at most ‖r‖²/δ
 * (Kato–Temple; Parlett, <i>The Symmetric Eigenvalue Problem</i>, §11.7): with
 * {@link #DEFAULT_TOLERANCE} = 10<sup>−9</sup>, |θ − λ| ≤ 10<sup>−9</sup>‖A‖₂ always, i.e. a
 * relative error ≤ 10<sup>−9</sup>·λ<sub>1</sub>/λ<sub>j</sub> (≤ 10<sup>−6</sup> for λ<sub>j</sub>
 * a thousandth of λ<sub>1</sub>, far below the statistical error of a decay-exponent fit), and
 * 10<sup>−18</sup>‖A‖²/δ for separated eigenvalues. Convergence is fast when the spectrum decays
 * (kernel matrices) and slow when λ<sub>k</sub> ≈ λ<sub>b+1</sub>; the result reports
 * {@code converged = false} when the budget of vector products runs out.
 *
 * <p>Memory: 2 × (basis columns) × n doubles — about 2·max(4b, 256)·n — on the heap and again in
 * native memory ({@link NativeBasis}), plus, for a stored dense matrix with native BLAS, a native
 * copy of it for the duration of the solve ({@link NativeDenseProducts}).
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
    /** Vectors per block product with a stored matrix (see the class comment, "Block width"). */
    static final int STORED_BLOCK_WIDTH = 64;
    /** Below this many vectors a product with a stored matrix is bound by reading the matrix, not by flops. */
    private static final int MIN_PRODUCT_WIDTH = 32;

    private final long maxColumns;
    private final double tolerance;

    /**
     * @param maxColumns most vectors multiplied by the operator (summed over all block products)
     *                   before giving up (≥ 1); the block product that crosses it is completed
     * @param tolerance  Ritz residual tolerance relative to ‖A‖₂ (&gt; 0)
     */
    BlockKrylovEigensolver(long maxColumns, double tolerance) {
        if (maxColumns < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("need maxColumns >= 1 and tolerance > 0, got " + maxColumns + ", " + tolerance);
        }
        this.maxColumns = maxColumns;
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
        try (RowProducts products = RowProducts.of(op); Run run = new Run(products, k, seed)) {
            return run.solve(wantVectors);
        }
    }

    /** The mutable state of one solve: the basis Q and AQ stored as rows (vector i = row i). */
    private final class Run implements AutoCloseable {
        private final RowProducts op;
        private final int n;
        private final int k;
        private final int b;
        private final int capacity;
        /** Vectors per block product: b for matrix-free operators, fewer for a stored matrix. */
        private final int width;
        private final double[] qt;
        private final double[] aqt;
        /** The Rayleigh quotient T = QᵀAQ of the current basis, capacity × capacity, grown block by block. */
        private final double[] t;
        private final SplittableRandom rng;
        /** Native mirror of Q and AQ for the basis-wide GEMMs, or null without native BLAS. */
        private final NativeBasis mirror;
        private int cols;
        private int applies;
        private long columns;
        /** Operator flops (2n² per vector, at least {@value #MIN_PRODUCT_WIDTH} vectors per product) since the last Rayleigh–Ritz step. */
        private double sinceCheck;
        /** Basis size at which the worst residual is predicted to reach the tolerance (see {@link #predict}). */
        private double predictedCols = Double.POSITIVE_INFINITY;
        private double lastWorst = Double.NaN;
        private int lastCheckCols;

        Run(RowProducts op, int k, long seed) {
            this.op = op;
            this.n = op.size();
            this.k = k;
            this.b = blockSize(k, n);
            this.width = op.narrowIsCheaper() ? Math.min(b, STORED_BLOCK_WIDTH) : b;
            this.capacity = basisSize(b, n);
            if ((long) capacity * n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a Krylov basis of " + capacity + " vectors of length " + n
                        + " exceeds one Java array (2^31 doubles); ask for fewer eigenvalues (smaller k)");
            }
            this.qt = new double[capacity * n];
            this.aqt = new double[capacity * n];
            this.t = new double[capacity * capacity];
            this.rng = new SplittableRandom(seed);
            // a native-only buffer strategy: the bases mirrored in native memory (see NativeBasis); the
            // pure-Java path multiplies the Java arrays directly
            this.mirror = NativeBlas.isAvailable() ? new NativeBasis(capacity, n) : null;
        }

        @Override
        public void close() {
            if (mirror != null) {
                mirror.close();
            }
        }

        RawEigen solve(boolean wantVectors) {
            double[] block = gaussian(width);
            int rows = width;
            while (true) {
                int added = appendOrthonormal(block, rows);
                if (added > 0) {
                    applyToRows(cols, added);
                }
                int first = cols;
                cols += added;
                boolean exhausted = columns >= maxColumns && cols >= b;
                boolean restart = capacity - cols < Math.max(1, added) || added == 0 || exhausted;
                // the next block continues the Krylov recursion from the newest one: A·Q_new
                block = Arrays.copyOfRange(aqt, first * n, cols * n);
                rows = added;
                if (!restart && !(cols >= Math.min(capacity, 2 * b) && checkIsDue())) {
                    continue;
                }
                sinceCheck = 0;
                project(block, rows, cols); // now the residual block R = (I − QQᵀ)·A·Q_new
                Eigen eigen = eigenOfT();
                double worst = eigen.worstResidual(block, first, added);
                boolean estimatedDone = cols == n || worst <= tolerance;
                predict(worst);
                Ritz ritz = null;
                if (estimatedDone || exhausted || added == 0) {
                    ritz = eigen.ritz(restart ? Math.min(b, cols) : k);
                    boolean done = ritz.converged(k, tolerance) || cols == n; // a basis of all R^n makes Rayleigh–Ritz exact
                    if (done || exhausted || added == 0) {
                        return ritz.result(k, wantVectors, done, applies, columns);
                    }
                }
                if (restart) {
                    restartFrom(ritz != null ? ritz : eigen.ritz(Math.min(b, cols)));
                }
            }
        }

        /**
         * Whether a convergence check between restarts is due: its cost by flop count, an
         * eigen-decomposition of T (≈ 10·m³), is at most a quarter of the operator work since the
         * last check (2·n² per vector for a stored matrix; matrix-free kernels cost more, so they
         * are checked relatively less). Counting flops, not time, keeps the iteration deterministic.
         */
        private boolean checkIsDue() {
            double m = cols;
            return 10.0 * m * m * m <= 0.25 * sinceCheck || cols >= predictedCols;
        }

        /**
         * Brings the next check forward to halfway to where the worst relative residual is
         * predicted to reach the tolerance, extrapolating its geometric decay between the last two
         * checks. Krylov residuals fall about geometrically in the basis size but faster as Ritz
         * values settle, so the straight prediction errs late (top 200 at n = 8000: residual
         * 1.7e-6 at 704 columns, predicted 1e-9 at 1055, reached by 960); halfway checks cost one
         * eigen-decomposition of T each. Checks spaced by cost alone overshot convergence by up to
         * 320 of 1856 vector products for the top 500 at n = 20000.
         */
        private void predict(double worst) {
            predictedCols = Double.POSITIVE_INFINITY;
            if (lastWorst > worst && worst > tolerance && cols > lastCheckCols) {
                double ratePerColumn = Math.log(lastWorst / worst) / (cols - lastCheckCols);
                predictedCols = cols + 0.5 * Math.log(worst / tolerance) / ratePerColumn;
            }
            lastWorst = worst;
            lastCheckCols = cols;
        }

        /**
         * Thick restart: the basis becomes the kept Ritz vectors V (and AV), on which T is diagonal.
         * The pending residual block, already orthogonal to the old basis and hence to V, is
         * appended next: A·V = VΘ + R·S<sub>last</sub>, so R carries every Ritz residual and no
         * Ritz vector is ever multiplied by A again (Wu &amp; Simon 2000; Zhou &amp; Saad 2008).
         */
        private void restartFrom(Ritz ritz) {
            int keep = ritz.keep;
            System.arraycopy(ritz.vt, 0, qt, 0, keep * n);
            System.arraycopy(ritz.avt, 0, aqt, 0, keep * n);
            mirrorQ(0, keep);
            if (mirror != null) {
                mirror.putAq(aqt, 0, keep);
            }
            cols = keep;
            Arrays.fill(t, 0.0);
            for (int j = 0; j < keep; j++) {
                t[j * capacity + j] = ritz.values[j]; // QᵀAQ is diagonal on Ritz vectors
            }
        }

        /** The eigen-decomposition of the current Rayleigh quotient T = QᵀAQ (m × m, m = cols). */
        private Eigen eigenOfT() {
            double[] work = new double[cols * cols];
            for (int i = 0; i < cols; i++) {
                System.arraycopy(t, i * capacity, work, i * cols, cols);
            }
            double[] theta = new double[cols];
            DenseSymmetricEigen.smallAscending(cols, work, theta); // divide and conquer: robust on clustered Ritz values
            return new Eigen(work, theta, cols);
        }

        /** Eigenpairs (θ, s) of T, ascending as LAPACK returns them; column j of {@code s} is s<sub>j</sub>. */
        private final class Eigen {
            private final double[] s;
            private final double[] theta;
            private final int m;

            Eigen(double[] s, double[] theta, int m) {
                this.s = s;
                this.theta = theta;
                this.m = m;
            }

            /** ‖A‖₂ estimated by the largest |θ|. */
            double norm() {
                return Math.max(Math.abs(theta[0]), Math.abs(theta[m - 1]));
            }

            /**
             * The largest ‖Av − θv‖/‖A‖₂ over the top k Ritz pairs by the block Lanczos residual
             * identity (Parlett, <i>The Symmetric Eigenvalue Problem</i>, ch. 13; Golub &amp;
             * Underwood 1977): every A·q<sub>i</sub> but the newest block's lies in span(Q), so
             * Av − θv = (AQ − QT)s = Rᵀs<sub>last</sub>, with R the residual block and
             * s<sub>last</sub> the components of s on the newest block. One
             * GEMM of 2·k·(block)·n flops instead of forming k Ritz vectors; convergence is
             * confirmed with explicit residuals before the solver stops.
             *
             * @param r residual block, rows × n. Not modified.
             */
            double worstResidual(double[] r, int first, int rows) {
                double[] last = new double[rows * k];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < k; j++) {
                        last[i * k + j] = s[(first + i) * m + m - 1 - j];
                    }
                }
                double[] e = new double[k * n];
                Blas.gemm(true, false, k, n, rows, 1.0, last, r, 0.0, e);
                double worst = 0;
                for (int j = 0; j < k; j++) {
                    double sum = 0;
                    for (int i = j * n, end = i + n; i < end; i++) {
                        sum += e[i] * e[i];
                    }
                    worst = Math.max(worst, sum);
                }
                double norm = norm();
                return norm == 0 ? 0.0 : Math.sqrt(worst) / norm;
            }

            /** The top {@code keep} Ritz pairs: V = QS and AV = (AQ)S. */
            Ritz ritz(int keep) {
                double[] sk = new double[m * keep];
                double[] values = new double[keep];
                for (int j = 0; j < keep; j++) {
                    values[j] = theta[m - 1 - j];
                    for (int i = 0; i < m; i++) {
                        sk[i * keep + j] = s[i * m + m - 1 - j];
                    }
                }
                double[] vt = new double[keep * n];
                double[] avt = new double[keep * n];
                if (mirror != null) {
                    mirror.ritzVectors(sk, m, keep, vt, avt);
                } else {
                    Blas.gemm(true, false, keep, n, m, 1.0, sk, qt, 0.0, vt);
                    Blas.gemm(true, false, keep, n, m, 1.0, sk, aqt, 0.0, avt);
                }
                return new Ritz(values, vt, avt, keep, norm(), n);
            }
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
            mirrorQ(cols, kept);
            int missing = Math.min(rows - kept, n - cols - kept);
            if (missing <= 0) {
                return kept;
            }
            double[] fresh = gaussian(missing);
            int got = orthonormalize(fresh, missing, cols + kept);
            System.arraycopy(fresh, 0, qt, (cols + kept) * n, got * n);
            mirrorQ(cols + kept, got);
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
            if (mirror != null) {
                mirror.project(block, rows, basisRows);
                return;
            }
            double[] c = new double[basisRows * rows];
            Blas.gemm(false, true, basisRows, rows, n, 1.0, qt, block, 0.0, c);
            Blas.gemm(true, false, rows, n, basisRows, -1.0, c, qt, 1.0, block);
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
            Blas.gemm(false, true, rows, rows, n, 1.0, block, block, 0.0, g);
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
            Blas.gemm(true, false, kept, n, rows, 1.0, u, block, 0.0, out);
            System.arraycopy(out, 0, block, 0, kept * n);
            return kept;
        }

        /** AQ rows [from, from+rows) ← A applied to Q rows [from, from+rows), one block product. */
        private void applyToRows(int from, int rows) {
            op.multiply(qt, from, rows, aqt, from);
            applies++;
            columns += rows;
            sinceCheck += 2.0 * n * (double) n * Math.max(rows, MIN_PRODUCT_WIDTH);
            // new columns of T: Q[0, from+rows) · (A·Q_new)ᵀ, mirrored into the new rows
            int upTo = from + rows;
            double[] c = new double[upTo * rows];
            if (mirror != null) {
                mirror.putAq(aqt, from, rows);
                mirror.crossProducts(upTo, from, rows, c);
            } else {
                double[] fresh = Arrays.copyOfRange(aqt, from * n, upTo * n);
                Blas.gemm(false, true, upTo, rows, n, 1.0, qt, fresh, 0.0, c);
            }
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

        private void mirrorQ(int fromRow, int rows) {
            if (mirror != null && rows > 0) {
                mirror.putQ(qt, fromRow, rows);
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

        RawEigen result(int k, boolean wantVectors, boolean converged, int applies, long columns) {
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
            return new RawEigen(top, v, residual, NAME, applies, columns, converged);
        }
    }
}
