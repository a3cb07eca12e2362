/**
 * Symmetric eigensolvers: LAPACK ({@code dsyevd}, its two-stage variant, {@code dsyevr}), EJML for
 * small matrices, and a thick-restarted block Krylov solver for the top k of stored matrices and
 * of matrix-free operators.
 *
 * <p>Start from {@link kspec.spectra.eigen.Eigensolvers}, the factory that chooses the solver by size,
 * with an {@link kspec.spectra.eigen.EigenRequest}; it returns a {@link kspec.spectra.eigen.Spectrum}
 * (eigenvalues of K/n by default, descending, with residual and backend). Implement
 * {@link kspec.spectra.eigen.SymmetricOperator} for kernels too large to store.
 */
package kspec.spectra.eigen;
