package kspec.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Dense matrix products on EJML's {@link DMatrixRMaj}, on native OpenBLAS when it loaded
 * ({@link NativeBlas}) and on pure-Java EJML otherwise (bench/README.md compares the two). This
 * is the one place modules multiply large matrices.
 *
 * <p>Output matrices are reshaped to the product's shape. Inputs and outputs must not alias.
 * Do not call from inside a parallel Java loop: the native path is itself multi-threaded.
 */
public final class Blas {

    private Blas() {
    }

    /** @return "openblas" when the native path is active, "ejml" otherwise */
    public static String backend() {
        return NativeBlas.isAvailable() ? "openblas" : "ejml";
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
        if (NativeBlas.isAvailable()) {
            NativeBlas.dgemm(false, false, a.numRows, b.numCols, a.numCols, 1.0, a.data, b.data, 0.0, c.data);
        } else {
            CommonOps_DDRM.mult(a, b, c);
        }
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
        if (NativeBlas.isAvailable()) {
            NativeBlas.dgemm(false, true, a.numRows, b.numRows, a.numCols, 1.0, a.data, b.data, 0.0, c.data);
        } else {
            CommonOps_DDRM.multTransB(a, b, c);
        }
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
        if (NativeBlas.isAvailable()) {
            NativeBlas.dgemm(true, false, a.numCols, b.numCols, a.numRows, 1.0, a.data, b.data, 0.0, c.data);
        } else {
            CommonOps_DDRM.multTransA(a, b, c);
        }
    }

    /**
     * The Gram matrix C = α·A·Aᵀ, computed on one triangle (SYRK, half the flops of GEMM) and
     * mirrored so that C is exactly symmetric.
     *
     * @param a n × k. Not modified.
     * @param c Modified: reshaped to n × n and overwritten with both triangles.
     */
    public static void gram(double alpha, DMatrixRMaj a, DMatrixRMaj c) {
        int n = a.numRows;
        c.reshape(n, n);
        if (NativeBlas.isAvailable()) {
            NativeBlas.dsyrkUpper(n, a.numCols, alpha, a.data, 0.0, c.data);
            mirrorUpperToLower(c);
        } else {
            CommonOps_DDRM.multTransB(alpha, a, a, c);
        }
    }

    /** Copies the upper triangle of the square matrix {@code c} onto its lower triangle. Modified. */
    public static void mirrorUpperToLower(DMatrixRMaj c) {
        int n = c.numRows;
        double[] d = c.data;
        for (int i = 1; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                d[row + j] = d[j * n + i];
            }
        }
    }

    private static void requireInner(int left, int right, String op, DMatrixRMaj a, DMatrixRMaj b) {
        if (left != right) {
            throw new IllegalArgumentException("Inconsistent matrix shapes for " + op + ": "
                    + a.numRows + "×" + a.numCols + " and " + b.numRows + "×" + b.numCols);
        }
    }
}
