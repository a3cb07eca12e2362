package kspec.spectra.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import smile.math.matrix.ARPACK;
import smile.math.matrix.Matrix;

/** The matrix-free block Krylov solver against dense LAPACK and against prescribed eigenvalues. */
class BlockKrylovTest {

    /** Top-k agreement with a dense solver, relative to ‖K‖₂: the Ritz tolerance 1e-9 gives ~‖r‖²/gap ≪ this. */
    private static final double TOPK_TOL = 1e-10;

    /** A budget of vector products no test here comes near (each needs a few thousand). */
    private static final long GENEROUS_BUDGET = 200_000;

    private final Random rand = new Random(7);

    private static void assertTopClose(double[] expected, double[] actual, int k, String what) {
        double scale = Math.abs(expected[0]);
        for (int i = 0; i < k; i++) {
            assertEquals(expected[i], actual[i], TOPK_TOL * scale, what + ": eigenvalue " + i);
        }
    }

    private static BlockKrylovEigensolver solver(long maxColumns) {
        return new BlockKrylovEigensolver(maxColumns, BlockKrylovEigensolver.DEFAULT_TOLERANCE);
    }

    @Test
    void matrixFreeKernelTopTenEqualsDenseLapack() {
        int n = 2000;
        DMatrixRMaj x = TestKernels.uniformPoints(n, 2, rand);
        TiledExponentialKernel op = new TiledExponentialKernel(x, 0.5);
        Spectrum s = Eigensolvers.topK(op, EigenRequest.top(10).withVectors().raw());

        RawEigen dense = DenseSymmetricEigen.lapackTop(TestKernels.exponentialKernelMatrix(x, 0.5), 10, true);
        assertTopClose(dense.values(), s.eigenvalues(), 10, "matrix-free vs dsyevr");
        assertTrue(s.converged());
        assertEquals(BlockKrylovEigensolver.NAME, s.backend());
        assertTrue(s.residual() < BlockKrylovEigensolver.DEFAULT_TOLERANCE, "residual " + s.residual());
        // the solver used the operator only through block products of width b, as many as it reports
        assertEquals(0, op.vectorApplies());
        assertEquals(s.iterations(), op.blockApplies());
        assertEquals(BlockKrylovEigensolver.blockSize(10, n), op.widestBlock());
        // the top eigenvector (simple) agrees with LAPACK's up to sign
        DMatrixRMaj v = s.eigenvectors().orElseThrow();
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += v.get(i, 0) * dense.vectors().get(i, 0);
        }
        assertEquals(1.0, Math.abs(dot), 1e-10);
    }

    @Test
    void agreesWithArpackOnAKernelOperator() {
        int n = 800;
        DMatrixRMaj k = TestKernels.exponentialKernelMatrix(TestKernels.uniformPoints(n, 3, rand), 0.7);
        SymmetricOperator op = SymmetricOperator.dense(k);
        // ARPACK (through Smile) with tolerance 1e-12 on the Ritz estimates, ncv = 3·nev
        Matrix.EVD arpack = ARPACK.syev(new SmileOperator(op), ARPACK.SymmOption.LA, 15, 45, 1e-12);
        RawEigen ours = solver(GENEROUS_BUDGET).solve(op, 15, false, 11);
        assertTrue(ours.converged());
        assertTopClose(arpack.wr, ours.values(), 15, "block Krylov vs ARPACK");
    }

    @Test
    void vectorOnlyOperatorWorksThroughTheDefaultBlockProduct() {
        int n = 1000;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.exp(-0.05 * i); // diagonal operator: its eigenvalues are its entries
        }
        SymmetricOperator diagonal = new SymmetricOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < n; i++) {
                    y[i] = lambda[i] * x[i];
                }
            }
        };
        Spectrum s = Eigensolvers.topK(diagonal, EigenRequest.top(5).raw());
        assertTrue(s.converged());
        assertTopClose(lambda, s.eigenvalues(), 5, "diagonal");
    }

    @Test
    void recoversPrescribedTripleTopEigenvalue() {
        int n = 400;
        double[] lambda = new double[n];
        lambda[0] = lambda[1] = lambda[2] = 2.0;
        for (int i = 3; i < n; i++) {
            lambda[i] = Math.pow(i, -1.2);
        }
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        RawEigen r = solver(GENEROUS_BUDGET).solve(SymmetricOperator.dense(k), 12, false, 3);
        assertTrue(r.converged());
        assertTopClose(lambda, r.values(), 12, "prescribed");
    }

    /**
     * A stored matrix is multiplied in blocks narrower than b (block Lanczos with thick restarts):
     * λ = 4, 4, 4 (triple), then 2·0.9<sup>i</sup> (converging at different rates), then a cluster
     * of ten with relative gaps 10<sup>−4</sup> (slow), then a slowly decaying bulk. Every one of the top k must
     * match the prescribed values although the block is narrower than the number wanted, and
     * convergence must be decided on residuals the solver confirms explicitly.
     */
    @Test
    void narrowBlocksOnAStoredMatrixRecoverRepeatedAndClusteredEigenvalues() {
        int n = 1500;
        int k = 60;
        double[] lambda = new double[n];
        lambda[0] = lambda[1] = lambda[2] = 4.0;
        for (int i = 3; i < 50; i++) {
            lambda[i] = 2.0 * Math.pow(0.9, i - 3);
        }
        for (int i = 50; i < 60; i++) {
            lambda[i] = 0.01 * (1.0 - 1e-4 * (i - 50));
        }
        for (int i = 60; i < n; i++) {
            lambda[i] = 0.0099 * Math.pow(i - 59, -0.5);
        }
        DMatrixRMaj a = PrescribedSpectrum.build(PrescribedSpectrum.goeEigenvectors(n, rand), lambda);
        RawEigen r = solver(GENEROUS_BUDGET).solve(SymmetricOperator.dense(a), k, true, 9);
        assertTrue(r.converged());
        assertTopClose(lambda, r.values(), k, "narrow blocks");
        int b = BlockKrylovEigensolver.blockSize(k, n);
        assertTrue(r.vectorProducts() <= (long) r.iterations() * BlockKrylovEigensolver.STORED_BLOCK_WIDTH
                && BlockKrylovEigensolver.STORED_BLOCK_WIDTH < b,
                r.vectorProducts() + " vectors in " + r.iterations() + " products: blocks were not narrowed below b = " + b);
        // the solver's stopping rule, recomputed from the returned pairs: ‖Kv − θv‖ ≤ 1e-9·‖K‖ for each
        DMatrixRMaj v = r.vectors();
        DMatrixRMaj kv = new DMatrixRMaj(n, k);
        SymmetricOperator.dense(a).apply(v, kv);
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = kv.get(i, j) - r.values()[j] * v.get(i, j);
                sum += d * d;
            }
            assertTrue(Math.sqrt(sum) <= BlockKrylovEigensolver.DEFAULT_TOLERANCE * 4.0, "residual of pair " + j);
        }
    }

    @Test
    void largestAlgebraicOfAnIndefiniteMatrixDespiteLargerNegativeOnes() {
        int n = 300;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 / (i + 1) - (i >= n - 5 ? 10.0 : 0.0); // five eigenvalues near −10 dominate |λ|
        }
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        RawEigen r = solver(GENEROUS_BUDGET).solve(SymmetricOperator.dense(k), 6, false, 5);
        assertTrue(r.converged());
        for (int i = 0; i < 6; i++) {
            assertEquals(lambda[i], r.values()[i], TOPK_TOL * 10.0, "eigenvalue " + i);
        }
    }

    @Test
    void rankDeficientOperatorYieldsZerosBeyondItsRank() {
        int n = 500;
        double[] lambda = new double[n];
        lambda[0] = 5;
        lambda[1] = 3;
        lambda[2] = 1; // rank 3: the Krylov space closes after one block, random directions fill the rest
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        Spectrum s = Eigensolvers.topK(SymmetricOperator.dense(k), EigenRequest.top(8).raw());
        assertTrue(s.converged());
        assertTopClose(lambda, s.eigenvalues(), 8, "rank 3");
    }

    @Test
    void iterationBudgetExhaustionIsReportedNotThrown() {
        int n = 600;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 - (double) i / n; // flat spectrum: gaps of 1/n, slow Krylov convergence
        }
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.haarOrthogonal(n, rand), lambda);
        RawEigen r = solver(2L * BlockKrylovEigensolver.blockSize(10, n)).solve(SymmetricOperator.dense(k), 10, false, 1); // two block products
        assertFalse(r.converged());
        assertEquals(2, r.iterations());

        // the dense factory then falls back to dsyevr and says so
        Spectrum s = Eigensolvers.symmetric(k, EigenRequest.top(10).raw());
        assertTrue(s.backend().startsWith(DenseSymmetricEigen.LAPACK_TOP + " (block-krylov did not converge"), s.backend());
        assertTopClose(lambda, s.eigenvalues(), 10, "fallback");
    }

    @Test
    void fallbackAboveTheTwoStageThresholdNamesTheDenseRoutineItRan() {
        int n = Eigensolvers.TWO_STAGE_MIN_N; // 3000 = 50 · 60
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 - (double) i / n; // flat spectrum: the n/2-vector budget runs out
        }
        DMatrixRMaj k = PrescribedSpectrum.build(PrescribedSpectrum.kroneckerOrthogonal(50, 60, rand), lambda);
        Spectrum s = Eigensolvers.symmetric(k, EigenRequest.top(10).raw());
        assertTrue(s.backend().startsWith(DenseSymmetricEigen.LAPACK_ALL_TWO_STAGE + " (block-krylov did not converge"),
                s.backend());
        assertTopClose(lambda, s.eigenvalues(), 10, "two-stage fallback");
    }

    @Test
    void denseFactoryUsesKrylovForFewEigenvaluesOfALargeMatrix() {
        int n = 1200;
        DMatrixRMaj k = TestKernels.exponentialKernelMatrix(TestKernels.uniformPoints(n, 3, rand), 1.0);
        Spectrum s = Eigensolvers.symmetric(k, EigenRequest.top(20));
        assertEquals(BlockKrylovEigensolver.NAME, s.backend());
        assertFalse(s.complete());
        double[] dense = DenseSymmetricEigen.lapackAll(k, false).values();
        double[] perPoint = new double[n];
        for (int i = 0; i < n; i++) {
            perPoint[i] = dense[i] / n;
        }
        assertTopClose(perPoint, s.eigenvalues(), 20, "krylov vs dsyevd");
    }
}
