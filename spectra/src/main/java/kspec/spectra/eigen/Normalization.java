package kspec.spectra.eigen;

/**
 * Which operator's eigenvalues a {@link Spectrum} reports.
 *
 * <p>For a kernel (Gram) matrix K<sub>ij</sub> = k(x<sub>i</sub>, x<sub>j</sub>) on n points, the
 * eigenvalues of K/n converge as n → ∞ to those of the integral operator
 * (Tf)(x) = ∫ k(x, y) f(y) dp(y) (Koltchinskii &amp; Giné 2000), which is what power-law decay
 * exponents are measured on. Raw eigenvalues of K grow with n.
 */
public enum Normalization {
    /** Eigenvalues of K itself. */
    RAW,
    /** Eigenvalues of K/n, the empirical integral operator (the default). */
    PER_POINT;

    /** @return the factor the eigenvalues of K are multiplied by: 1 or 1/n */
    public double factor(int n) {
        return this == RAW ? 1.0 : 1.0 / n;
    }

    /** @return "K" or "K/n", for reports */
    public String operatorName() {
        return this == RAW ? "K" : "K/n";
    }
}
