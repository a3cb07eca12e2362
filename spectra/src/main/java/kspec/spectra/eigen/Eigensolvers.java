package kspec.spectra.eigen;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;

/**
 * The one entry point for symmetric eigen-decompositions: callers say what they want
 * ({@link EigenRequest}) and the factory picks the solver by size, reporting its choice in
 * {@link Spectrum#backend()}. Go through this class rather than any backend.
 *
 * <p><b>Dense input</b> ({@link #symmetric}): validated (square, finite, symmetric within
 * max|K − Kᵀ| ≤ 10<sup>−10</sup>·max|K|; LAPACK then reads the upper triangle) and <b>never
 * modified</b> (LAPACK works on a copy, so peak memory is twice the matrix).
 * <ul>
 *   <li>n &lt; {@value #EJML_MAX_N}, or native LAPACK unavailable: EJML symmetric QR (pure Java);
 *       the fallback is logged once;</li>
 *   <li>all eigenvalues: LAPACK {@code dsyevd}; without vectors from n = {@value #TWO_STAGE_MIN_N}
 *       its two-stage variant {@code dsyevd_2stage}, faster once the triangle that the one-stage
 *       reduction streams through outgrows the cache;</li>
 *   <li>top k with b = k + max(8, k/5) ≤ n/{@value #KRYLOV_MIN_RATIO}: block Krylov on GEMM
 *       products with a native copy of K (so peak memory is again twice the matrix), within a
 *       budget of n/2 vector products, i.e. n³ flops (a rough break-even with the dense solve,
 *       whose tridiagonal reduction costs (4/3)n³, at BLAS-2 speed in {@code dsyevr}); when that
 *       budget runs out before convergence, the dense top-k solve of the next item, and the
 *       backend says so;</li>
 *   <li>other top k: LAPACK {@code dsyevr} with an index range; without vectors from
 *       n = {@value #TWO_STAGE_MIN_N}, all eigenvalues by {@code dsyevd_2stage}, of which the top k
 *       are kept.</li>
 * </ul>
 *
 * <p><b>Operators</b> ({@link #topK}): thick-restarted block Lanczos, matrix-free, at most
 * {@value #OPERATOR_MAX_APPLIES} block products of width b; non-convergence is reported, not thrown. A block
 * method rather than ARPACK ({@code smile.math.matrix.ARPACK}, one vector per reverse-communication
 * step): a tiled kernel operator costs one pass over its n² entries per product whether it
 * multiplies 1 vector or b, so ARPACK would need about b times more passes. ARPACK serves as the
 * independent reference in the tests.
 */
public final class Eigensolvers {

    /**
     * Below this n the pure-Java EJML solver is used: up to here it keeps pace with LAPACK, which
     * wins clearly from n = 64 on (bench/README.md, "Constants chosen by measurement").
     */
    public static final int EJML_MAX_N = 48;
    /**
     * Block Krylov is tried on dense top-k only when n ≥ this × the block size b; for smaller ratios
     * {@code dsyevr} is used. The threshold is conservative: at n = 2000 the block Krylov solver is
     * faster than {@code dsyevr} down to n/b = 17 (bench/README.md, "Constants chosen by
     * measurement").
     */
    public static final int KRYLOV_MIN_RATIO = 25;
    /**
     * All eigenvalues (no vectors) of an n × n matrix with n at least this go through the two-stage
     * reduction, whose band step runs at matrix–matrix speed where the one-stage reduction is
     * bound by memory bandwidth once the triangle its matrix–vector products read (4n² bytes)
     * outgrows the last-level cache. LAPACK implements
     * the two-stage drivers for eigenvalues only, so vectors always take {@code dsyevd}. On a
     * 32 MB last-level cache the triangle outgrows the cache between n = 2500 and 3000, and from
     * n = 3000 the two-stage driver is the faster one with one and with two BLAS threads
     * (bench/README.md, "Constants chosen by measurement"). The eigenvalues agree with
     * {@code dsyevd}'s to 2e-15·λ₁.
     */
    public static final int TWO_STAGE_MIN_N = 3000;
    /** Budget of the matrix-free solver, in block products of width b = k + max(8, k/5). */
    public static final int OPERATOR_MAX_APPLIES = 300;

    private static final System.Logger LOG = System.getLogger(Eigensolvers.class.getName());
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private Eigensolvers() {
    }

    /**
     * Eigenvalues (and optionally eigenvectors) of a dense symmetric matrix.
     *
     * @param k   n × n symmetric matrix. Not modified.
     * @param req what to compute
     * @return the spectrum, descending, normalized as requested
     * @throws IllegalArgumentException for a non-square, empty, non-finite or asymmetric K, or k ≥ n
     */
    public static Spectrum symmetric(DMatrixRMaj k, EigenRequest req) {
        Objects.requireNonNull(req, "request");
        InputChecks.requireSymmetric(k);
        int n = k.numRows;
        if (!req.isAll()) {
            InputChecks.requireTopK(req.topK(), n);
        }
        return solveDense(k, req).toSpectrum(n, req.normalization());
    }

    /**
     * The largest eigenvalues (and optionally eigenvectors) of a symmetric operator, matrix-free:
     * memory is O(n·k), the operator is only applied to n × b blocks.
     *
     * @param op  the operator; symmetry is its contract
     * @param req top k with 1 ≤ k &lt; n
     * @throws IllegalArgumentException when the request asks for all eigenvalues or k ≥ n
     */
    public static Spectrum topK(SymmetricOperator op, EigenRequest req) {
        Objects.requireNonNull(op, "operator");
        Objects.requireNonNull(req, "request");
        int n = op.size();
        if (n < 1) {
            throw new IllegalArgumentException("the operator has size " + n + "; need n >= 1");
        }
        if (req.isAll()) {
            throw new IllegalArgumentException("topK needs k >= 1 (EigenRequest.top(k)); for all n eigenvalues"
                    + " build the dense matrix and call Eigensolvers.symmetric");
        }
        InputChecks.requireTopK(req.topK(), n);
        long budget = (long) OPERATOR_MAX_APPLIES * BlockKrylovEigensolver.blockSize(req.topK(), n);
        RawEigen raw = new BlockKrylovEigensolver(budget, BlockKrylovEigensolver.DEFAULT_TOLERANCE)
                .solve(op, req.topK(), req.vectors(), req.seed());
        return raw.toSpectrum(n, req.normalization());
    }

    private static RawEigen solveDense(DMatrixRMaj k, EigenRequest req) {
        int n = k.numRows;
        // the factory chooses among LAPACK routines (dsyevd, its two-stage variant, dsyevr) that have
        // no pure-Java twin, so it asks whether they are there
        if (!NativeBlas.isAvailable()) {
            if (!FALLBACK_REPORTED.getAndSet(true)) {
                LOG.log(System.Logger.Level.WARNING, "native LAPACK unavailable (" + NativeBlas.unavailableReason()
                        + "); symmetric eigen-decompositions fall back to pure-Java EJML, about 10x slower at n = 2000");
            }
            RawEigen raw = DenseSymmetricEigen.ejml(k, req.topK(), req.vectors());
            return raw.withBackend(raw.backend() + " (native LAPACK unavailable)");
        }
        if (n < EJML_MAX_N) {
            return DenseSymmetricEigen.ejml(k, req.topK(), req.vectors());
        }
        if (req.isAll()) {
            return DenseSymmetricEigen.lapackAll(k, req.vectors());
        }
        int b = BlockKrylovEigensolver.blockSize(req.topK(), n);
        if (n >= KRYLOV_MIN_RATIO * b) {
            long budget = Math.max(b, n / 2); // vectors: n/2 products with K cost n³ flops
            RawEigen krylov = new BlockKrylovEigensolver(budget, BlockKrylovEigensolver.DEFAULT_TOLERANCE)
                    .solve(SymmetricOperator.dense(k), req.topK(), req.vectors(), req.seed());
            if (krylov.converged()) {
                return krylov;
            }
            RawEigen dense = DenseSymmetricEigen.lapackTop(k, req.topK(), req.vectors());
            return dense.withBackend(dense.backend() + " (block-krylov did not converge in " + krylov.iterations()
                    + " block products)");
        }
        return DenseSymmetricEigen.lapackTop(k, req.topK(), req.vectors());
    }
}
