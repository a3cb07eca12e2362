package kspec.spectra.eigen;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The eigenvalues of a symmetric matrix or operator, <b>sorted in descending order by contract</b>,
 * with optional eigenvectors and the facts needed to trust them.
 *
 * <p><b>Normalization.</b> By default the eigenvalues are those of K/n
 * ({@link Normalization#PER_POINT}, the empirical integral operator); {@link #normalization()} says
 * which, and {@link #toString()} prints "eigenvalues of K/n". Eigenvectors are unit-norm and are the
 * same for K and K/n.
 *
 * <p><b>Residual.</b> {@link #residual()} is the scale-free quality of the eigenpairs,
 * \[ \rho = \frac{\lVert K V - V \Lambda \rVert_F}{\sqrt{k}\,\lVert K \rVert_2}, \]
 * the root-mean-square over the k computed pairs of the relative residual
 * ‖Kv − λv‖/‖K‖₂, with ‖K‖₂ taken as the largest |λ| the solver saw: every eigenvalue for a
 * complete dense solve, the returned top k for {@code dsyevr}, every Ritz value of the last
 * Rayleigh–Ritz step for the iterative solver (exact for a complete spectrum and for the top of a
 * positive semi-definite K; an underestimate, hence a stricter residual, otherwise). About 1e-15 is machine precision (EJML's
 * {@code quality()} in spirit). It is computed with the eigenvectors (iterative solvers always have
 * them); a dense eigenvalues-only solve reports NaN — LAPACK's tridiagonal methods are backward
 * stable, so the eigenvalues are exact for a matrix within about ε‖K‖ of K.
 *
 * <p><b>Negative eigenvalues.</b> A kernel matrix is positive semi-definite, so negative eigenvalues
 * are round-off (tiny) or a sign the input is not a valid kernel (large). {@link #negativeCount()}
 * and {@link #negativeMass()} count them among the <i>computed</i> eigenvalues only (for a top-k
 * spectrum, the top k).
 */
public final class Spectrum {

    private final double[] eigenvalues;
    private final DMatrixRMaj eigenvectors;
    private final String backend;
    private final double residual;
    private final Normalization normalization;
    private final int n;
    private final boolean complete;
    private final boolean converged;
    private final int iterations;
    private final int negativeCount;
    private final double negativeMass;

    private Spectrum(double[] eigenvalues, DMatrixRMaj eigenvectors, String backend, double residual,
                     Normalization normalization, int n, boolean converged, int iterations) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.backend = backend;
        this.residual = residual;
        this.normalization = normalization;
        this.n = n;
        this.complete = eigenvalues.length == n;
        this.converged = converged;
        this.iterations = iterations;
        int negatives = 0;
        double negative = 0;
        double total = 0;
        for (double v : eigenvalues) {
            total += Math.abs(v);
            if (v < 0) {
                negatives++;
                negative -= v;
            }
        }
        this.negativeCount = negatives;
        this.negativeMass = total > 0 ? negative / total : 0.0;
    }

    /**
     * A validated spectrum.
     *
     * @param eigenvalues   the computed eigenvalues, already normalized, descending, finite. Not modified (copied).
     * @param eigenvectors  null, or n × k with column j the unit eigenvector of eigenvalue j. Not modified (copied).
     * @param backend       which solver produced them, e.g. "lapack-dsyevd"
     * @param residual      see the class comment; NaN when not computed
     * @param normalization what the eigenvalues are eigenvalues of
     * @param n             the dimension of the matrix or operator
     * @param converged     false when an iterative solver stopped before its tolerance
     * @param iterations    operator block applications of an iterative solver; 0 for dense solvers
     */
    public static Spectrum of(double[] eigenvalues, DMatrixRMaj eigenvectors, String backend, double residual,
                              Normalization normalization, int n, boolean converged, int iterations) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(normalization, "normalization");
        int k = eigenvalues.length;
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("a spectrum needs 1 <= k <= n eigenvalues, got k = " + k + ", n = " + n);
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " is " + eigenvalues[i]);
            }
            if (i > 0 && eigenvalues[i] > eigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be in descending order: λ" + i + " = "
                        + eigenvalues[i] + " > λ" + (i - 1) + " = " + eigenvalues[i - 1]);
            }
        }
        if (eigenvectors != null && (eigenvectors.numRows != n || eigenvectors.numCols != k)) {
            throw new IllegalArgumentException("eigenvectors must be " + n + "×" + k + ", got "
                    + eigenvectors.numRows + "×" + eigenvectors.numCols);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        return new Spectrum(eigenvalues.clone(), eigenvectors == null ? null : eigenvectors.copy(), backend,
                residual, normalization, n, converged, iterations);
    }

    /** @return the computed eigenvalues, descending (a copy) */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return the i-th largest computed eigenvalue, 0 ≤ i &lt; {@link #count()} */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** @return how many eigenvalues were computed: n when {@link #complete()}, else k */
    public int count() {
        return eigenvalues.length;
    }

    /** @return n × k eigenvectors as columns in the order of {@link #eigenvalues()} (a copy), when requested */
    public Optional<DMatrixRMaj> eigenvectors() {
        return eigenvectors == null ? Optional.empty() : Optional.of(eigenvectors.copy());
    }

    /** @return the solver that produced this spectrum, e.g. "lapack-dsyevd" or "block-krylov" */
    public String backend() {
        return backend;
    }

    /** @return ‖KV − VΛ‖_F / (√k ‖K‖₂), or NaN when eigenvectors were not computed (see class comment) */
    public double residual() {
        return residual;
    }

    /** @return the number of negative computed eigenvalues */
    public int negativeCount() {
        return negativeCount;
    }

    /** @return Σ|λ<sub>i</sub>| over negative computed eigenvalues / Σ|λ<sub>i</sub>| over all computed ones */
    public double negativeMass() {
        return negativeMass;
    }

    /** @return what the eigenvalues are eigenvalues of (K or K/n) */
    public Normalization normalization() {
        return normalization;
    }

    /** @return the dimension of the matrix or operator */
    public int n() {
        return n;
    }

    /** @return true when all n eigenvalues were computed, false for a top-k spectrum */
    public boolean complete() {
        return complete;
    }

    /** @return false when an iterative solver stopped at its iteration limit before its tolerance */
    public boolean converged() {
        return converged;
    }

    /** @return block applications of the operator by an iterative solver, 0 for a dense solver */
    public int iterations() {
        return iterations;
    }

    /** @return e.g. "10 of 3000 eigenvalues of K/n [block-krylov, 7 iterations, converged], residual 2.1e-15, 0 negative" */
    @Override
    public String toString() {
        String how = iterations > 0
                ? String.format(Locale.ROOT, "%s, %d iterations, %s", backend, iterations, converged ? "converged" : "NOT converged")
                : backend;
        return String.format(Locale.ROOT, "%d of %d eigenvalues of %s [%s], residual %.2g, %d negative (mass %.2g)",
                eigenvalues.length, n, normalization.operatorName(), how, residual, negativeCount, negativeMass);
    }
}
