package kspec.kernels;

import kspec.core.progress.ProgressListener;
import java.util.Arrays;
import java.util.Locale;
import kspec.spectra.eigen.SymmetricOperator;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * The NNGP or NTK Gram matrix K of an {@link Architecture} on n points as a matrix-free
 * {@link SymmetricOperator}: Y ← K·V is computed strip by strip, recomputing the kernel entries on
 * every application, so that n × n numbers are never stored. This is what lets
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
 * <p><b>How.</b> The rows are cut into strips I = [r, r + R) of R = {@link #tileRows()} rows. For
 * each strip, in order, only the lower triangle is built (symmetry halves the kernel work):
 * \[ G = X_I X_{[0,r)}^{\mathsf T},\quad B = X_I X_I^{\mathsf T} \quad(\text{GEMM}),\qquad
 *    K_{I,[0,r)},\ K_{I,I} \leftarrow \text{layer recursion on } G/d,\ B/d \]
 * (the recursion in parallel 64 × 64 tiles on the kernel pool, {@link KernelBuilder#threads()}); the
 * diagonal block takes its diagonal from the exact diagonal maps and its upper triangle is mirrored
 * onto the lower one. Then, by BLAS in the calling thread, never inside the parallel loop,
 * \[ Y_I \mathrel{+}= K_{I,I} V_I + K_{I,[0,r)} V_{[0,r)},\qquad
 *    Y_{[0,r)} \mathrel{+}= K_{I,[0,r)}^{\mathsf T} V_I. \]
 *
 * <p><b>Cost of one application</b> to an n × b block (d input features, L layers):
 * <ul>
 *   <li>kernel entries evaluated: E = Σ<sub>I</sub> R<sub>I</sub>(r<sub>I</sub> + R<sub>I</sub>)
 *       ≈ n²/2 + nR/2 ({@link #entriesPerApplication()}), each O(L) dual-activation evaluations
 *       (arccos and square roots for ReLU-like layers); this usually dominates;</li>
 *   <li>inner products: 2E·d flops (GEMM);</li>
 *   <li>the products with the block: about 2n²b flops (GEMM);</li>
 *   <li>nothing is cached between applications: an eigen-solve that takes m block products pays
 *       m times the above, which is why the solvers are block methods (b vectors for the price of
 *       about one pass over K).</li>
 * </ul>
 * <b>Memory:</b> 8·(R·n + R² + R·d + 2R·b) bytes of workspace ({@link #workspaceBytes(int)}) plus
 * 8·(L + 2)·n for the per-point diagonals; the points X are referenced, not copied. R is chosen from
 * a memory budget and capped near n/16 ({@link #tileRowsFor}); never O(n²).
 *
 * <p>Not thread-safe: an instance reuses its strip buffers across applications. The kernel
 * recursion follows Novak et al. 2020 (arXiv 1912.02803) and Jacot et al. 2018 (arXiv 1806.07572);
 * see {@link KernelBuilder}.
 */
public final class KernelOperator implements SymmetricOperator {

    /** Workspace budget used by {@link #of(Architecture, DMatrixRMaj, KernelKind, ProgressListener)}: 256 MiB. */
    public static final long DEFAULT_MEMORY_BUDGET = 256L << 20;

    private static final int ALIGN = 64;
    /** The budgeted strip height is at most n over this, rounded up to {@link #ALIGN}. */
    private static final int STRIPS_AT_LEAST = 16;

    private final LayerPlan plan;
    private final DMatrixRMaj x;
    private final KernelKind kind;
    private final int n;
    private final int d;
    private final int tileRows;
    private final double invD;
    private final double[][] diag;
    private final double[] kernelDiagonal;
    private final ProgressListener progress;
    private final double[] strip;
    private final double[] block;
    private final double[] rowsX;
    private double[] rowsV = new double[0];
    private double[] partial = new double[0];
    private long applications;

    private KernelOperator(Architecture a, DMatrixRMaj x, KernelKind kind, int tileRows, ProgressListener progress) {
        this.plan = KernelBuilder.plan(a, x.numCols);
        this.x = x;
        this.kind = kind;
        this.n = x.numRows;
        this.d = x.numCols;
        this.tileRows = tileRows;
        this.invD = 1.0 / d;
        this.diag = plan.diagonals(KernelBuilder.squaredNorms(x, invD));
        this.kernelDiagonal = diag[kind == KernelKind.NNGP ? plan.steps : plan.steps + 1];
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.strip = new double[tileRows * n];
        this.block = new double[tileRows * tileRows];
        this.rowsX = new double[tileRows * d];
    }

    /**
     * An operator with strips sized from {@link #DEFAULT_MEMORY_BUDGET} (or a quarter of the maximum
     * heap, if smaller).
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
        return of(a, x, kind, tileRowsFor(x.numRows, x.numCols, budget), progress);
    }

    /**
     * An operator with an explicit strip height.
     *
     * @param tileRows R, the rows per strip, 1 ≤ R (values above n are clamped to n); the R × n strip
     *                 must fit one Java array
     * @see #of(Architecture, DMatrixRMaj, KernelKind, ProgressListener)
     */
    public static KernelOperator of(Architecture a, DMatrixRMaj x, KernelKind kind, int tileRows, ProgressListener progress) {
        KernelBuilder.requirePoints(x, "x");
        if (kind == null) {
            throw new IllegalArgumentException("Choose the kernel: KernelKind.NNGP or KernelKind.NTK");
        }
        int rows = Math.min(tileRows, x.numRows);
        if (rows < 1 || (long) rows * x.numRows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tileRows must be >= 1 and its " + tileRows + " × " + x.numRows
                    + " strip must fit one Java array, got tileRows = " + tileRows + ": use a smaller tileRows "
                    + "(KernelOperator.tileRowsFor gives one from a memory budget)");
        }
        return new KernelOperator(a, x, kind, rows, progress);
    }

    /**
     * The strip height R for a workspace budget: the largest R whose strip, diagonal block and row
     * copies, 8·(R·n + R² + R·d) bytes, fit the budget, capped at n/16 rounded up to a multiple
     * of 64 (the diagonal blocks are evaluated in both triangles, so they add about nR/2 entries to
     * the n²/2 of the lower triangle: about 1/16 more under this cap), at most n, and rounded down to a multiple of 64 (the recursion's tile) when 64 ≤ R &lt; n.
     *
     * @param n            number of points
     * @param d            input dimension
     * @param budgetBytes  workspace budget in bytes
     * @return R, 1 ≤ R ≤ n
     * @throws IllegalArgumentException when even R = 1 does not fit the budget
     */
    public static int tileRowsFor(int n, int d, long budgetBytes) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need n >= 1 and d >= 1, got n = " + n + ", d = " + d);
        }
        long perRow = 8L * ((long) n + d);
        if (budgetBytes < perRow + 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "A memory budget of %d bytes cannot hold one "
                    + "strip row of %d points (%d bytes): raise the budget or the heap (-Xmx)", budgetBytes, n, perRow + 8));
        }
        long cap = Math.min(n, ALIGN * ((n + (long) STRIPS_AT_LEAST * ALIGN - 1) / ((long) STRIPS_AT_LEAST * ALIGN)));
        long r = Math.min(cap, budgetBytes / perRow);
        while (r > 1 && 8L * (r * (n + d) + r * r) > budgetBytes) {
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

    /** @return R, the rows per strip */
    public int tileRows() {
        return tileRows;
    }

    /** @return the number of block applications so far (a vector application counts as one) */
    public long applications() {
        return applications;
    }

    /** @return E, the kernel entries evaluated per application (lower triangle plus full diagonal blocks) */
    public long entriesPerApplication() {
        long e = 0;
        for (int r0 = 0; r0 < n; r0 += tileRows) {
            int rows = Math.min(tileRows, n - r0);
            e += (long) rows * (r0 + rows);
        }
        return e;
    }

    /**
     * @param b block width
     * @return the workspace in bytes for blocks of b vectors: 8·(R·n + R² + R·d + 2R·b)
     */
    public long workspaceBytes(int b) {
        long r = tileRows;
        return 8L * (r * n + r * r + r * d + 2 * r * b);
    }

    @Override
    public void apply(double[] v, double[] y) {
        if (v.length != n || y.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n + ", got " + v.length + " and " + y.length);
        }
        apply(DMatrixRMaj.wrap(n, 1, v), DMatrixRMaj.wrap(n, 1, y));
    }

    /**
     * Y = K·V, one pass over the strips of K (see the class comment for the cost).
     *
     * @param v n × b. Not modified.
     * @param y Modified: reshaped to n × b and overwritten. Must not alias {@code v}.
     */
    @Override
    public void apply(DMatrixRMaj v, DMatrixRMaj y) {
        if (v.numRows != n) {
            throw new IllegalArgumentException("block has " + v.numRows + " rows, operator size is " + n);
        }
        if (v == y || v.data == y.data) {
            throw new IllegalArgumentException("the output block must not alias the input block: pass a separate matrix");
        }
        int b = v.numCols;
        y.reshape(n, b);
        Arrays.fill(y.data, 0, n * b, 0.0);
        if (rowsV.length < tileRows * b) {
            rowsV = new double[tileRows * b];
            partial = new double[tileRows * b];
        }
        String task = String.format(Locale.ROOT, "%s operator %d×%d · %d vector%s", kind, n, n, b, b == 1 ? "" : "s");
        progress.start(task, entriesPerApplication());
        try {
            long done = 0;
            for (int r0 = 0; r0 < n; r0 += tileRows) {
                int rows = Math.min(tileRows, n - r0);
                buildStrip(r0, rows);
                System.arraycopy(v.data, r0 * b, rowsV, 0, rows * b);
                Blas.gemm(false, false, rows, b, rows, 1.0, block, rowsV, 0.0, partial);
                if (r0 > 0) {
                    Blas.gemm(false, false, rows, b, r0, 1.0, strip, v.data, 1.0, partial);
                    Blas.gemm(true, false, r0, b, rows, 1.0, strip, rowsV, 1.0, y.data);
                }
                int base = r0 * b;
                for (int e = 0; e < rows * b; e++) {
                    y.data[base + e] += partial[e];
                }
                done += (long) rows * (r0 + rows);
                progress.advance(done);
            }
        } finally {
            progress.finish();
        }
        applications++;
    }

    /**
     * Fills {@code strip} with K(X_I, X_[0,r0)) (rows × r0) and {@code block} with the exactly
     * symmetric K(X_I, X_I), for I = [r0, r0 + rows).
     */
    private void buildStrip(int r0, int rows) {
        System.arraycopy(x.data, r0 * d, rowsX, 0, rows * d);
        DMatrixRMaj diagonalBlock = DMatrixRMaj.wrap(rows, rows, block);
        Blas.gemm(false, true, rows, rows, d, 1.0, rowsX, rowsX, 0.0, block);
        recurse(diagonalBlock, r0, r0);
        for (int r = 0; r < rows; r++) {
            block[r * rows + r] = kernelDiagonal[r0 + r];
            for (int c = r + 1; c < rows; c++) {
                block[c * rows + r] = block[r * rows + c];
            }
        }
        if (r0 > 0) {
            Blas.gemm(false, true, rows, r0, d, 1.0, rowsX, x.data, 0.0, strip);
            recurse(DMatrixRMaj.wrap(rows, r0, strip), r0, 0);
        }
    }

    /** The layer recursion in place on the inner products of points r0, r0 + 1, … (rows) and colBase, … (columns). */
    private void recurse(DMatrixRMaj m, int r0, int colBase) {
        boolean nngp = kind == KernelKind.NNGP;
        KernelBuilder.crossTiles(plan, invD, diag, r0, diag, colBase, nngp ? m : null, nngp ? null : m, "strip",
                ProgressListener.NONE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KernelOperator[%s, n = %d, d = %d, %d-row strips]", kind, n, d, tileRows);
    }
}
