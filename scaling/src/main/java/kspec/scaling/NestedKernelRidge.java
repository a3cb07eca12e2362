package kspec.scaling;

import kspec.core.ParameterException;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Kernel ridge regression on nested training sets: the first D rows of one ordering of the
 * training pool, for several D, with one Cholesky factorisation shared by all of them.
 *
 * <p>The predictor trained on the first D points is
 * \( f(x) = k_D(x)^\top (K_{DD} + \delta I)^{-1} y_D \). The Cholesky factor of a leading
 * principal block is the leading block of the full factor (\(K = LL^\top \Rightarrow
 * K_{DD} = L_{DD}L_{DD}^\top\)), so factoring the largest training matrix once serves every
 * smaller D — the learning-curve inner loop costs one \(O(D_{max}^3/3)\) factorisation plus
 * \(O(D^2)\) triangular solves per size.
 *
 * <p>When the matrix is not numerically positive definite (ridgeless regression on a singular or
 * very ill-conditioned kernel), LAPACK reports the first failing minor j; sizes below j keep the
 * Cholesky solve and sizes from j on fall back to the eigen-decomposition pseudo-inverse
 * \( \sum_{\lambda_i > \tau} \lambda_i^{-1} v_i v_i^\top \), \( \tau = D\,\varepsilon\,\lambda_{max} \)
 * — never silently: {@link Solution#solver()} says which was used and how many modes it dropped.
 */
final class NestedKernelRidge {

    private final int maxSize;
    private final double[] factor;
    private final DMatrixRMaj gram;
    private final double ridge;
    /** Sizes below this use the Cholesky factor; at and above it the eigen fallback. */
    private final int choleskyLimit;

    /**
     * @param trainGram K over the ordered training pool prefix, D_max × D_max. Not modified.
     * @param ridge     δ ≥ 0 added to the diagonal
     */
    NestedKernelRidge(DMatrixRMaj trainGram, double ridge) {
        if (trainGram.numRows != trainGram.numCols) {
            throw new IllegalArgumentException("training Gram must be square, got " + trainGram.numRows + "×" + trainGram.numCols);
        }
        this.maxSize = trainGram.numRows;
        this.gram = trainGram;
        this.ridge = ridge;
        this.factor = trainGram.data.clone();
        for (int i = 0; i < maxSize; i++) {
            factor[i * maxSize + i] += ridge;
        }
        int info = Blas.choleskyLower(maxSize, factor);
        this.choleskyLimit = info == 0 ? maxSize + 1 : info;
    }

    /**
     * Dual coefficients α = (K_DD + δI)⁻¹ y_D for the first D training points.
     *
     * @param d       training-set size, 1 ≤ d ≤ D_max
     * @param targets y_D, d × t. Not modified.
     */
    Solution solve(int d, DMatrixRMaj targets) {
        if (d < 1 || d > maxSize) {
            throw new IllegalArgumentException("training size " + d + " outside 1.." + maxSize);
        }
        if (targets.numRows != d) {
            throw new IllegalArgumentException("targets have " + targets.numRows + " rows, expected " + d);
        }
        if (d < choleskyLimit) {
            DMatrixRMaj alpha = targets.copy();
            Blas.choleskySolve(d, targets.numCols, factor, maxSize, alpha.data);
            return new Solution(alpha, "cholesky", 0);
        }
        return pseudoInverseSolve(d, targets);
    }

    private Solution pseudoInverseSolve(int d, DMatrixRMaj targets) {
        DMatrixRMaj block = leadingBlock(d);
        double[] values = new double[d];
        int info = Blas.symmetricEigen(d, block.data, values);
        if (info != 0) {
            throw new ParameterException("the eigen-decomposition of the " + d + "×" + d + " training kernel failed to "
                    + "converge (info = " + info + "); pass a positive {ridge}", "ridge");
        }
        DMatrixRMaj vectors = block; // now the eigenvectors, as columns
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        double cutoff = d * Math.ulp(1.0) * max;
        DMatrixRMaj projected = new DMatrixRMaj(d, targets.numCols);
        Blas.multTransA(vectors, targets, projected);
        int dropped = 0;
        for (int j = 0; j < d; j++) {
            double scale = values[j] > cutoff ? 1.0 / values[j] : 0.0;
            if (scale == 0.0) {
                dropped++;
            }
            for (int c = 0; c < targets.numCols; c++) {
                projected.set(j, c, projected.get(j, c) * scale);
            }
        }
        DMatrixRMaj alpha = new DMatrixRMaj(d, targets.numCols);
        Blas.mult(vectors, projected, alpha);
        return new Solution(alpha, "eigen-pseudoinverse", dropped);
    }

    private DMatrixRMaj leadingBlock(int d) {
        DMatrixRMaj block = CommonOps_DDRM.extract(gram, 0, d, 0, d);
        for (int i = 0; i < d; i++) {
            block.add(i, i, ridge);
        }
        return block;
    }

    /**
     * @param alpha        dual coefficients, d × t
     * @param solver       "cholesky" or "eigen-pseudoinverse"
     * @param droppedModes eigen-modes below the cut-off (pseudo-inverse only)
     */
    record Solution(DMatrixRMaj alpha, String solver, int droppedModes) {
    }
}
