package kspec.spectra.eigen;

import kspec.core.linalg.NativeBlas;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * Row-block products with a stored dense symmetric matrix kept in <b>native memory</b> for the
 * whole solve. Passing a Java {@code double[]} to native DGEMM copies all of it in and out on every
 * call (JNI array elements; see {@link NativeBlas#dgemm(boolean, boolean, int, int, int, double,
 * org.bytedeco.javacpp.DoublePointer, org.bytedeco.javacpp.DoublePointer, double,
 * org.bytedeco.javacpp.DoublePointer)}), which for a large matrix costs more than the product
 * itself (bench/README.md, "What changed in the Krylov solver"). Here A is copied once and only
 * the n × b blocks travel.
 *
 * <p>Because A = Aᵀ, the products of vectors stored as rows need no transposes:
 * (A·q<sub>j</sub>)ᵀ = q<sub>j</sub>ᵀA, so the block of rows Q<sub>new</sub> maps to
 * Q<sub>new</sub>·A, one row-major GEMM. Peak extra memory: n² doubles (the copy) plus two staging
 * blocks of the widest block seen.
 */
final class NativeDenseProducts implements RowProducts {

    private final int n;
    private final DoublePointer a;
    private final NativeStaging in = new NativeStaging();
    private final NativeStaging out = new NativeStaging();

    /** @param matrix n × n symmetric. Not modified (copied). */
    NativeDenseProducts(DMatrixRMaj matrix) {
        this.n = matrix.numRows;
        this.a = NativeBlas.copyToNative(matrix.data, n * n);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void multiply(double[] rowsIn, int inRow, int rows, double[] rowsOut, int outRow) {
        DoublePointer x = in.holding(rowsIn, inRow * n, rows * n);
        DoublePointer y = out.ofSize((long) rows * n);
        NativeBlas.dgemm(false, false, rows, n, n, 1.0, x, a, 0.0, y);
        y.get(rowsOut, outRow * n, rows * n);
    }

    @Override
    public boolean narrowIsCheaper() {
        return true;
    }

    @Override
    public void close() {
        in.close();
        out.close();
        a.close();
    }
}
