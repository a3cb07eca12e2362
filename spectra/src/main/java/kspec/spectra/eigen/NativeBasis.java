package kspec.spectra.eigen;

import kspec.core.linalg.NativeBlas;
import org.bytedeco.javacpp.DoublePointer;

/**
 * A native-memory mirror of the Krylov bases Q and AQ (vectors as rows, up to {@code capacity}
 * rows of length n) for the GEMMs that read the whole basis: projection of a new block, the new
 * columns of T = QᵀAQ, and the Ritz vectors QS and (AQ)S.
 *
 * <p>Why: the {@code double[]} DGEMM binding copies every array argument in and out of native
 * memory on each call (JNI array elements), whole arrays regardless of the rows used. The basis is
 * the largest operand of every one of those GEMMs, several per block, so with narrow blocks those
 * copies cost more than the arithmetic (bench/README.md, "What changed in the Krylov solver").
 * Here each basis row is written once and only the small operands — the block (rows × n) and
 * coefficient matrices — travel per call.
 * Close after the solve: native memory is freed then, not at garbage collection.
 */
final class NativeBasis implements AutoCloseable {

    private final int n;
    private final DoublePointer q;
    private final DoublePointer aq;
    private final NativeStaging block = new NativeStaging();
    private final NativeStaging coefficients = new NativeStaging();
    private final NativeStaging out = new NativeStaging();

    NativeBasis(int capacity, int n) {
        this.n = n;
        this.q = new DoublePointer((long) capacity * n);
        this.aq = new DoublePointer((long) capacity * n);
    }

    /** Mirrors rows [fromRow, fromRow + rows) of Q. {@code qt} Not modified. */
    void putQ(double[] qt, int fromRow, int rows) {
        q.position((long) fromRow * n).put(qt, fromRow * n, rows * n).position(0);
    }

    /** Mirrors rows [fromRow, fromRow + rows) of AQ. {@code aqt} Not modified. */
    void putAq(double[] aqt, int fromRow, int rows) {
        aq.position((long) fromRow * n).put(aqt, fromRow * n, rows * n).position(0);
    }

    /**
     * block ← block − (block·Qᵀ)·Q over the first {@code basisRows} rows of Q.
     *
     * @param rowsIn rows × n. Modified.
     */
    void project(double[] rowsIn, int rows, int basisRows) {
        DoublePointer x = block.holding(rowsIn, 0, rows * n);
        DoublePointer c = coefficients.ofSize((long) basisRows * rows);
        NativeBlas.dgemm(false, true, basisRows, rows, n, 1.0, q, x, 0.0, c);
        NativeBlas.dgemm(true, false, rows, n, basisRows, -1.0, c, q, 1.0, x);
        x.get(rowsIn, 0, rows * n);
    }

    /**
     * c = Q[0, upTo) · (AQ[from, from + rows))ᵀ, upTo × rows.
     *
     * @param c Modified.
     */
    void crossProducts(int upTo, int from, int rows, double[] c) {
        DoublePointer result = coefficients.ofSize((long) upTo * rows);
        DoublePointer fresh = new DoublePointer(aq).position((long) from * n);
        NativeBlas.dgemm(false, true, upTo, rows, n, 1.0, q, fresh, 0.0, result);
        result.get(c, 0, upTo * rows);
    }

    /**
     * vt = Sᵀ·Q[0, cols) and avt = Sᵀ·AQ[0, cols), each keep × n, for S cols × keep.
     *
     * @param s   Not modified.
     * @param vt  Modified.
     * @param avt Modified.
     */
    void ritzVectors(double[] s, int cols, int keep, double[] vt, double[] avt) {
        DoublePointer sp = coefficients.holding(s, 0, cols * keep);
        DoublePointer result = out.ofSize((long) keep * n);
        NativeBlas.dgemm(true, false, keep, n, cols, 1.0, sp, q, 0.0, result);
        result.get(vt, 0, keep * n);
        NativeBlas.dgemm(true, false, keep, n, cols, 1.0, sp, aq, 0.0, result);
        result.get(avt, 0, keep * n);
    }

    @Override
    public void close() {
        block.close();
        coefficients.close();
        out.close();
        q.close();
        aq.close();
    }
}
