package kspec.spectra.eigen;

import java.util.Random;
import kspec.core.linalg.Blas;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Symmetric test matrices with known eigenvalues: K = Q·diag(λ)·Qᵀ for a random orthogonal Q, so
 * the eigenvalues are λ exactly, up to the round-off of forming K (about n·ε·max|λ|).
 */
final class PrescribedSpectrum {

    private PrescribedSpectrum() {
    }

    /**
     * Haar-distributed Q by the QR of a Gaussian matrix with the signs of R's diagonal moved into Q
     * (Mezzadri 2007, "How to generate random matrices from the classical compact groups",
     * arXiv:math-ph/0609050). Pure-Java EJML QR: use for n up to a few hundred.
     */
    static DMatrixRMaj haarOrthogonal(int n, Random rand) {
        DMatrixRMaj z = RandomMatrices_DDRM.rectangleGaussian(n, n, 0, 1, rand);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(z)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /**
     * A random orthogonal Q for large n, by native LAPACK: the eigenvectors of a GOE matrix
     * (symmetric, Gaussian entries), which are Haar distributed up to column signs (Mehta,
     * <i>Random Matrices</i>, 3rd ed., §3.1 — the GOE is invariant under Q ↦ OQOᵀ).
     */
    static DMatrixRMaj goeEigenvectors(int n, Random rand) {
        DMatrixRMaj g = RandomMatrices_DDRM.symmetric(n, -1, 1, rand);
        double[] w = new double[n];
        if (NativeBlas.dsyevd(n, g.data, w, true) != 0) {
            throw new IllegalStateException("dsyevd failed on a GOE matrix");
        }
        return g;
    }

    /** @return Q·diag(λ)·Qᵀ, exactly symmetrized. {@code q} and {@code lambda} Not modified. */
    static DMatrixRMaj build(DMatrixRMaj q, double[] lambda) {
        int n = q.numRows;
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ql.data[i * n + j] *= lambda[j];
            }
        }
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        Blas.multTransB(ql, q, k);
        DMatrixRMaj kt = CommonOps_DDRM.transpose(k, null);
        CommonOps_DDRM.add(0.5, k, 0.5, kt, k);
        return k;
    }

    /**
     * A dense random orthogonal Q = Q<sub>a</sub> ⊗ Q<sub>b</sub> of order n = a·b, the Kronecker
     * product of two Haar-distributed factors ({@link #haarOrthogonal}): orthogonal because
     * (A ⊗ B)ᵀ(A ⊗ B) = AᵀA ⊗ BᵀB = I (Van Loan, "The ubiquitous Kronecker product", J. Comput.
     * Appl. Math. 123 (2000) 85–100), with every entry non-zero in general. Not Haar itself, but
     * its eigenvectors spread over all coordinates, at O(a³ + b³ + n²) cost where a Haar Q of
     * order n costs O(n³) in pure Java — for the sizes where a reduction to tridiagonal form is
     * the code under test.
     */
    static DMatrixRMaj kroneckerOrthogonal(int a, int b, Random rand) {
        DMatrixRMaj qa = haarOrthogonal(a, rand);
        DMatrixRMaj qb = haarOrthogonal(b, rand);
        return CommonOps_DDRM.kron(qa, qb, null);
    }
}
