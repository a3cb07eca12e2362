package kspec.spectra.eigen;

import java.util.Objects;

/**
 * What to compute: how many of the largest eigenvalues, whether eigenvectors are wanted, the
 * normalization of the reported eigenvalues, and the seed of any random start (iterative solvers).
 *
 * <p>Start from {@link #all()} or {@link #top(int)} and refine with {@link #withVectors()},
 * {@link #raw()} or {@link #withSeed(long)}; the defaults are eigenvalues only, of K/n, seed 1.
 *
 * @param topK          number of algebraically largest eigenvalues, or 0 for all n
 * @param vectors       whether eigenvectors are returned
 * @param normalization RAW (eigenvalues of K) or PER_POINT (of K/n)
 * @param seed          seed of the random starting block of iterative solvers
 */
public record EigenRequest(int topK, boolean vectors, Normalization normalization, long seed) {

    /** The seed used unless {@link #withSeed(long)} says otherwise. */
    public static final long DEFAULT_SEED = 1L;

    public EigenRequest {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 means all eigenvalues), got " + topK);
        }
        Objects.requireNonNull(normalization, "normalization");
    }

    /** @return all eigenvalues of K/n, no vectors */
    public static EigenRequest all() {
        return new EigenRequest(0, false, Normalization.PER_POINT, DEFAULT_SEED);
    }

    /** @return the k largest eigenvalues of K/n, no vectors; k ≥ 1 */
    public static EigenRequest top(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top(k) needs k >= 1, got " + k + "; use EigenRequest.all() for every eigenvalue");
        }
        return new EigenRequest(k, false, Normalization.PER_POINT, DEFAULT_SEED);
    }

    /** @return this request with eigenvectors */
    public EigenRequest withVectors() {
        return new EigenRequest(topK, true, normalization, seed);
    }

    /** @return this request reporting eigenvalues of K rather than K/n */
    public EigenRequest raw() {
        return new EigenRequest(topK, vectors, Normalization.RAW, seed);
    }

    /** @return this request with another seed for random starts */
    public EigenRequest withSeed(long newSeed) {
        return new EigenRequest(topK, vectors, normalization, newSeed);
    }

    /** @return true when every eigenvalue is requested */
    public boolean isAll() {
        return topK == 0;
    }
}
