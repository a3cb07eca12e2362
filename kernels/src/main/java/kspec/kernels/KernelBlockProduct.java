package kspec.kernels;

import java.util.Arrays;
import java.util.Objects;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * One worker's engine for the <i>block-pair</i> product Y = K·V with the NNGP or NTK K of an
 * {@link Architecture}: the points are cut into blocks, and each unordered pair of blocks (R, C) is
 * one unit of work that evaluates the kernel block K(R, C) once and uses it twice,
 * \[ Y_R \mathrel{+}= K(R, C)\,V_C,\qquad Y_C \mathrel{+}= K(R, C)^{\mathsf T} V_R \quad (R \ne C), \]
 * or, for a diagonal pair (R = C), \( Y_R \mathrel{+}= K(R, R)\,V_R \) from its lower block triangle
 * with the exact diagonal maps on the diagonal and each off-diagonal entry used for both K<sub>ij</sub>
 * and K<sub>ji</sub>, so that the operator is exactly symmetric. Summing the pairs' contributions
 * over all pairs of a partition of the points gives K·V; the units are independent, which is what
 * lets the single-JVM {@link KernelOperator} spread them over its threads and a cluster over its
 * tasks.
 *
 * <p>Within a pair the engine walks sub-blocks of {@link #blockRows()} rows: per sub-block pair
 * one GEMM G = X<sub>I</sub>X<sub>J</sub><sup>T</sup> (native BLAS, called from this thread), the
 * layer recursion on G/d in 64 × 64 tiles on this thread (the same tiles and arithmetic as
 * {@link KernelBuilder}, so entries equal the dense build's up to the round-off of the inner
 * products), then two small GEMMs with the vectors. The recursion follows Novak et al. 2020
 * (arXiv 1912.02803) and Jacot et al. 2018 (arXiv 1806.07572).
 *
 * <p><b>Cost</b> of a pair of r and c points (d features, L layers, b vectors): r·c kernel entries
 * (the diagonal pair: the sub-block lower triangle, r(r + B)/2), each O(L) dual-activation
 * evaluations, 2rcd flops of inner products and 4rcb of products. <b>Memory:</b>
 * 8·(B² + 2Bd + 4Bb) bytes of workspace ({@link #workspaceBytes(int, int, int)}).
 *
 * <p><b>Threads.</b> Not thread-safe: one engine per worker thread. The engine never starts threads;
 * run several engines in parallel only with the native BLAS pool at one thread (BLAS threads and
 * Java workers competing for the same cores slow both down many times).
 */
public final class KernelBlockProduct {

    private final LayerPlan plan;
    private final KernelKind kind;
    private final int d;
    private final double invD;
    private final int blockRows;
    private final double[] kernel;
    private final double[] rowX;
    private final double[] colX;
    private double[] rowV = new double[0];
    private double[] colV = new double[0];
    private double[] rowY = new double[0];
    private double[] colY = new double[0];

    private KernelBlockProduct(Architecture a, KernelKind kind, int d, int blockRows) {
        this.plan = KernelBuilder.plan(a, d);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.d = d;
        this.invD = 1.0 / d;
        this.blockRows = blockRows;
        this.kernel = new double[blockRows * blockRows];
        this.rowX = new double[blockRows * d];
        this.colX = new double[blockRows * d];
    }

    /**
     * @param a         the network
     * @param kind      NNGP or NTK
     * @param d         input dimension d_in ≥ 1
     * @param blockRows B, the rows per sub-block, ≥ 1, with B² and B·d within one Java array
     * @throws IllegalArgumentException for a null kind or architecture, or a size out of range
     */
    public static KernelBlockProduct of(Architecture a, KernelKind kind, int d, int blockRows) {
        if (kind == null) {
            throw new IllegalArgumentException("Choose the kernel: KernelKind.NNGP or KernelKind.NTK");
        }
        if (d < 1 || blockRows < 1 || (long) blockRows * blockRows > Integer.MAX_VALUE - 8
                || (long) blockRows * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("need d >= 1 and 1 <= blockRows with blockRows² and blockRows·d within one "
                    + "Java array, got d = " + d + ", blockRows = " + blockRows);
        }
        return new KernelBlockProduct(a, kind, d, blockRows);
    }

    /**
     * The bytes of workspace an engine holds for blocks of b vectors: 8·(B² + 2Bd + 4Bb).
     *
     * @param blockRows B
     * @param d         input dimension
     * @param b         vectors per block
     */
    public static long workspaceBytes(int blockRows, int d, int b) {
        long r = blockRows;
        return 8L * (r * r + 2 * r * d + 4 * r * b);
    }

    /** @return B, the rows per sub-block */
    public int blockRows() {
        return blockRows;
    }

    /** @return which kernel this engine evaluates */
    public KernelKind kind() {
        return kind;
    }

    /**
     * A set of points with the per-point diagonal recursion the kernel entries need (O(L·n) numbers).
     *
     * @param x n × d points, row-major. Not modified (referenced, not copied).
     * @param n number of points
     * @throws IllegalArgumentException when x does not hold n × d values
     */
    public Points points(double[] x, int n) {
        if (x == null || n < 0 || x.length < (long) n * d) {
            throw new IllegalArgumentException("points: need " + n + " × " + d + " values, got "
                    + (x == null ? "none" : String.valueOf(x.length)));
        }
        double[] q0 = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = i * d; c < (i + 1) * d; c++) {
                sum += x[c] * x[c];
            }
            q0[i] = sum * invD;
        }
        return new Points(x, n, plan.diagonals(q0));
    }

    /**
     * The exact kernel diagonal K(x, x) of these points (from the diagonal maps).
     *
     * @return a new array of length n
     */
    public double[] diagonal(Points p) {
        return p.diagonals[kind == KernelKind.NNGP ? plan.steps : plan.steps + 1].clone();
    }

    /** Points with their diagonal recursion; made by {@link #points(double[], int)}. */
    public static final class Points {
        private final double[] x;
        private final int n;
        private final double[][] diagonals;

        private Points(double[] x, int n, double[][] diagonals) {
            this.x = x;
            this.n = n;
            this.diagonals = diagonals;
        }

        /** @return the number of points */
        public int size() {
            return n;
        }
    }

    /**
     * One side of a block pair: the points [first, first + count) of a point set, the matching
     * rows of V (read) and of Y (accumulated into), each array of b columns, row-major.
     *
     * @param points the point set
     * @param first  first point of the block in {@code points}
     * @param count  points in the block
     * @param v      V; row {@code vFirst + i} belongs to point {@code first + i}. Not modified.
     * @param vFirst V row of the block's first point
     * @param y      Y; row {@code yFirst + i} belongs to point {@code first + i}. Modified: added to.
     * @param yFirst Y row of the block's first point
     */
    public record Side(Points points, int first, int count, double[] v, int vFirst, double[] y, int yFirst) {
        public Side {
            Objects.requireNonNull(points, "points");
            if (first < 0 || count < 0 || first + count > points.n) {
                throw new IllegalArgumentException("block [" + first + ", " + (first + count) + ") outside the "
                        + points.n + " points");
            }
        }
    }

    /**
     * Adds the contributions of the block pair (R, C) to Y: the pair is diagonal when
     * {@code rows == cols} (the same object), else R and C must be disjoint point blocks.
     *
     * @param rows R with V_R and Y_R
     * @param cols C with V_C and Y_C; the same object as {@code rows} for a diagonal pair
     * @param b    the number of columns of V and Y, ≥ 1
     * @return the number of kernel entries evaluated
     * @throws IllegalArgumentException when V or Y is too short for the block and b
     */
    public long accumulate(Side rows, Side cols, int b) {
        boolean diagonalPair = rows == cols;
        requireVectors(rows, b);
        requireVectors(cols, b);
        ensureVectorBuffers(b);
        long entries = 0;
        for (int i0 = 0; i0 < rows.count; i0 += blockRows) {
            int ri = Math.min(blockRows, rows.count - i0);
            copyRows(rows.points.x, rows.first + i0, ri, rowX);
            System.arraycopy(rows.v, (rows.vFirst + i0) * b, rowV, 0, ri * b);
            Arrays.fill(rowY, 0, ri * b, 0.0);
            int jEnd = diagonalPair ? i0 + 1 : cols.count;
            for (int j0 = 0; j0 < jEnd; j0 += blockRows) {
                int cj = Math.min(blockRows, cols.count - j0);
                boolean diagonalBlock = diagonalPair && j0 == i0;
                if (diagonalBlock) {
                    Blas.gemm(false, true, ri, ri, d, 1.0, rowX, rowX, 0.0, kernel);
                } else {
                    copyRows(cols.points.x, cols.first + j0, cj, colX);
                    Blas.gemm(false, true, ri, cj, d, 1.0, rowX, colX, 0.0, kernel);
                }
                KernelBuilder.crossSequential(plan, invD, rows.points.diagonals, rows.first + i0, cols.points.diagonals,
                        cols.first + j0, DMatrixRMaj.wrap(ri, cj, kernel), kind);
                if (diagonalBlock) {
                    symmetrize(rows.points, rows.first + i0, ri);
                    Blas.gemm(false, false, ri, b, ri, 1.0, kernel, rowV, 1.0, rowY);
                } else {
                    System.arraycopy(cols.v, (cols.vFirst + j0) * b, colV, 0, cj * b);
                    Blas.gemm(false, false, ri, b, cj, 1.0, kernel, colV, 1.0, rowY);
                    Blas.gemm(true, false, cj, b, ri, 1.0, kernel, rowV, 0.0, colY);
                    addInto(colY, cj * b, cols.y, (cols.yFirst + j0) * b);
                }
                entries += (long) ri * cj;
            }
            addInto(rowY, ri * b, rows.y, (rows.yFirst + i0) * b);
        }
        return entries;
    }

    /** The exact diagonal on the diagonal, and the upper triangle mirrored onto the lower one. */
    private void symmetrize(Points p, int first, int r) {
        double[] exact = p.diagonals[kind == KernelKind.NNGP ? plan.steps : plan.steps + 1];
        for (int i = 0; i < r; i++) {
            kernel[i * r + i] = exact[first + i];
            for (int j = i + 1; j < r; j++) {
                kernel[j * r + i] = kernel[i * r + j];
            }
        }
    }

    private void requireVectors(Side s, int b) {
        if (b < 1) {
            throw new IllegalArgumentException("need at least one vector, got b = " + b);
        }
        if (s.v.length < (long) (s.vFirst + s.count) * b || s.y.length < (long) (s.yFirst + s.count) * b) {
            throw new IllegalArgumentException("V or Y is too short for rows [" + s.first + ", " + (s.first + s.count)
                    + ") of " + b + " columns: V has " + s.v.length + " values, Y " + s.y.length);
        }
    }

    private void ensureVectorBuffers(int b) {
        if (rowV.length < blockRows * b) {
            rowV = new double[blockRows * b];
            colV = new double[blockRows * b];
            rowY = new double[blockRows * b];
            colY = new double[blockRows * b];
        }
    }

    private void copyRows(double[] x, int first, int count, double[] into) {
        System.arraycopy(x, first * d, into, 0, count * d);
    }

    private static void addInto(double[] from, int length, double[] to, int offset) {
        for (int e = 0; e < length; e++) {
            to[offset + e] += from[e];
        }
    }
}
