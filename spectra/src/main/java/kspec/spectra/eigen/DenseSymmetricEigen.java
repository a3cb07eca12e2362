package kspec.spectra.eigen;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import kspec.core.linalg.Blas;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Dense symmetric eigensolvers: LAPACK {@code dsyevd} (all, divide and conquer; Gu &amp; Eisenstat
 * 1995) and, for eigenvalues only of large matrices, {@code dsyevd_2stage} (two-stage tridiagonal
 * reduction; Haidar, Ltaief &amp; Dongarra 2011), {@code dsyevr} (top-k index range; Dhillon,
 * Parlett &amp; Vömel 2006) through
 * {@link NativeBlas}, and EJML's symmetric QR algorithm (Householder tridiagonalization then
 * implicit QL/QR) in pure Java. All work on a copy: the input is never modified.
 */
final class DenseSymmetricEigen {

    static final String LAPACK_ALL = "lapack-dsyevd";
    static final String LAPACK_ALL_TWO_STAGE = "lapack-dsyevd-2stage";
    static final String LAPACK_TOP = "lapack-dsyevr";
    static final String EJML = "ejml-symmetric-qr";

    private DenseSymmetricEigen() {
    }

    /**
     * All eigenvalues by dsyevd, or without vectors from n = {@value Eigensolvers#TWO_STAGE_MIN_N}
     * by dsyevd_2stage. {@code k} Not modified.
     */
    static RawEigen lapackAll(DMatrixRMaj k, boolean vectors) {
        int n = k.numRows;
        return vectors ? lapackAllWithVectors(k) : lapackValues(k, n >= Eigensolvers.TWO_STAGE_MIN_N);
    }

    /** All eigenvalues, no vectors, by dsyevd or dsyevd_2stage. {@code k} Not modified. */
    static RawEigen lapackValues(DMatrixRMaj k, boolean twoStage) {
        int n = k.numRows;
        double[] w = new double[n];
        check(NativeBlas.symmetricEigenvalues(n, k.data, w, twoStage), twoStage ? "dsyevd_2stage" : "dsyevd");
        return descending(k, w, null, n, twoStage ? LAPACK_ALL_TWO_STAGE : LAPACK_ALL);
    }

    private static RawEigen lapackAllWithVectors(DMatrixRMaj k) {
        int n = k.numRows;
        double[] w = new double[n];
        double[] work = k.data.clone(); // dsyevd works in place
        check(NativeBlas.dsyevd(n, work, w, true), "dsyevd");
        return descending(k, w, work, n, LAPACK_ALL);
    }

    /**
     * The top {@code topK} eigenvalues by dsyevr (RANGE='I'); without vectors from
     * n = {@value Eigensolvers#TWO_STAGE_MIN_N}, all eigenvalues by dsyevd_2stage with the top
     * {@code topK} kept, since dsyevr's cost is its one-stage tridiagonal reduction (the
     * eigenvalues of the tridiagonal matrix cost O(n²) either way). {@code k} Not modified.
     */
    static RawEigen lapackTop(DMatrixRMaj k, int topK, boolean vectors) {
        int n = k.numRows;
        if (!vectors && n >= Eigensolvers.TWO_STAGE_MIN_N) {
            RawEigen all = lapackValues(k, true);
            return new RawEigen(Arrays.copyOf(all.values(), topK), null, Double.NaN, all.backend(), 0, 0, true);
        }
        double[] work = k.data.clone(); // dsyevr destroys its input
        double[] w = new double[topK];
        double[] z = vectors ? new double[n * topK] : null;
        check(NativeBlas.dsyevrLargest(n, topK, work, w, z), "dsyevr");
        return descending(k, w, z, topK, LAPACK_TOP);
    }

    /** The top {@code topK} (all when 0) eigenvalues by EJML's symmetric QR. {@code k} Not modified. */
    static RawEigen ejml(DMatrixRMaj k, int topK, boolean vectors) {
        int n = k.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(k.copy())) {
            throw new IllegalStateException("EJML symmetric QR failed to converge on a " + n + "×" + n + " matrix");
        }
        int count = topK == 0 ? n : topK;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eig.getEigenvalue(i).real).reversed());
        double[] values = new double[count];
        DMatrixRMaj v = vectors ? new DMatrixRMaj(n, count) : null;
        for (int j = 0; j < count; j++) {
            values[j] = eig.getEigenvalue(order[j]).real;
            if (vectors) {
                DMatrixRMaj col = eig.getEigenVector(order[j]);
                for (int i = 0; i < n; i++) {
                    v.data[i * count + j] = col.data[i];
                }
            }
        }
        double residual = vectors ? residual(SymmetricOperator.dense(k), values, v) : Double.NaN;
        return new RawEigen(values, v, residual, EJML, 0, 0, true);
    }

    /**
     * Eigen-decomposition of a small m × m symmetric work matrix (Rayleigh–Ritz and orthogonalization
     * inside the iterative solvers), by {@link Blas#symmetricEigen}.
     *
     * @param a m × m symmetric. Modified: replaced by the eigenvectors as columns.
     * @param w length m. Modified: eigenvalues in ascending order.
     */
    static void smallAscending(int m, double[] a, double[] w) {
        check(Blas.symmetricEigen(m, a, w), "dsyevd");
    }

    /**
     * ‖KV − VΛ‖_F / (√k · max|λ|), one block product with K.
     *
     * @param values descending eigenvalues. Not modified.
     * @param v      n × k eigenvectors. Not modified.
     */
    static double residual(SymmetricOperator op, double[] values, DMatrixRMaj v) {
        DMatrixRMaj kv = new DMatrixRMaj(v.numRows, v.numCols);
        op.apply(v, kv);
        int cols = v.numCols;
        double sum = 0;
        double scale = 0;
        for (int j = 0; j < cols; j++) {
            scale = Math.max(scale, Math.abs(values[j]));
        }
        for (int i = 0; i < v.numRows; i++) {
            for (int j = 0; j < cols; j++) {
                double r = kv.data[i * cols + j] - values[j] * v.data[i * cols + j];
                sum += r * r;
            }
        }
        return scale == 0 ? 0.0 : Math.sqrt(sum / cols) / scale;
    }

    /** Reverses LAPACK's ascending order; {@code z} holds m eigenvector columns (row-major n × m) or is null. */
    private static RawEigen descending(DMatrixRMaj k, double[] w, double[] z, int m, String backend) {
        int n = k.numRows;
        double[] values = new double[m];
        for (int j = 0; j < m; j++) {
            values[j] = w[m - 1 - j];
        }
        if (z == null) {
            return new RawEigen(values, null, Double.NaN, backend, 0, 0, true);
        }
        DMatrixRMaj v = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                v.data[row + j] = z[row + m - 1 - j];
            }
        }
        return new RawEigen(values, v, residual(SymmetricOperator.dense(k), values, v), backend, 0, 0, true);
    }

    private static void check(int info, String routine) {
        if (info != 0) {
            throw new IllegalStateException("LAPACK " + routine + " failed: info = " + info
                    + (info > 0 ? " (the algorithm did not converge)" : " (illegal argument " + (-info) + ")"));
        }
    }
}
