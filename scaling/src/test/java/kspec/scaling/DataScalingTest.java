package kspec.scaling;

import kspec.core.linalg.Submatrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Kernel-regression learning curves against closed forms. */
class DataScalingTest {

    /** Laplace kernel exp(−|x − y|) on N seeded points in [0, 1]: well conditioned, PD. */
    private static DMatrixRMaj laplaceGram(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = IntStream.range(0, n).mapToDouble(i -> rng.nextDouble()).toArray();
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.set(i, j, Math.exp(-Math.abs(x[i] - x[j])));
            }
        }
        return k;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    /**
     * With a GP teacher of the student's own kernel, the expected test error of ridgeless
     * regression on a fixed training set is the posterior variance (Bahri et al. 2021, eq. 2, without
     * its ½): E[L] = mean_x [K(x,x) − k_xᵀ K⁻¹ k_x] (+ ε(1 + ‖K⁻¹k_x‖²) from the teacher's jitter ε).
     * With t independent teacher outputs, e_x ~ N(0, σ²_x), so Var(e²) = 2σ⁴ and the mean over
     * test points and outputs has standard error at most √2·max σ²/√t; we allow 4 of those.
     */
    @Test
    void gpTeacherLossEqualsPosteriorVariance() {
        int n = 300;
        int outputs = 2000;
        DMatrixRMaj gram = laplaceGram(n, 11);
        GpTeacher.Draw teacher = GpTeacher.sample(gram, outputs, 5);
        int[] pool = range(0, 200);
        int[] test = range(200, 300);
        int[] sizes = {10, 40, 160};
        LearningCurve curve = DataScaling.measure(new DataScaling.Problem(gram, pool, test, teacher.targets()),
                sizes, 1, 0.0, 3, ProgressListener.NONE);

        int[] order = DataScaling.prefixOfShuffle(pool, 160, new SplittableRandom(3));
        for (int i = 0; i < sizes.length; i++) {
            int[] train = java.util.Arrays.copyOf(order, sizes[i]);
            DMatrixRMaj kdd = Submatrix.of(gram, train, train);
            DMatrixRMaj kxd = Submatrix.of(gram, test, train);
            DMatrixRMaj w = new DMatrixRMaj(1, 1); // K⁻¹ k_x for every test x, as columns
            assertTrue(CommonOps_DDRM.solve(kdd, CommonOps_DDRM.transpose(kxd, null), w));
            double expected = 0;
            double maxVariance = 0;
            for (int t = 0; t < test.length; t++) {
                double quad = 0;
                double norm2 = 0;
                for (int j = 0; j < train.length; j++) {
                    quad += kxd.get(t, j) * w.get(j, t);
                    norm2 += w.get(j, t) * w.get(j, t);
                }
                double variance = gram.get(test[t], test[t]) - quad + teacher.jitter() * (1 + norm2);
                expected += variance / test.length;
                maxVariance = Math.max(maxVariance, variance);
            }
            double tolerance = 4 * Math.sqrt(2) * maxVariance / Math.sqrt(outputs);
            assertEquals(expected, curve.losses()[0][i], tolerance, "D=" + sizes[i]);
        }
    }

    @Test
    void nestedCholeskyMatchesAFreshSolveOnEveryPrefix() {
        DMatrixRMaj gram = laplaceGram(120, 2);
        DMatrixRMaj y = new DMatrixRMaj(120, 2);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rng.nextGaussian();
        }
        double ridge = 1e-3;
        NestedKernelRidge solver = new NestedKernelRidge(gram, ridge);
        for (int d : new int[] {1, 7, 50, 120}) {
            DMatrixRMaj block = CommonOps_DDRM.extract(gram, 0, d, 0, d);
            for (int i = 0; i < d; i++) {
                block.add(i, i, ridge);
            }
            DMatrixRMaj yd = CommonOps_DDRM.extract(y, 0, d, 0, 2);
            DMatrixRMaj expected = new DMatrixRMaj(d, 2);
            assertTrue(CommonOps_DDRM.solve(block, yd, expected));
            NestedKernelRidge.Solution actual = solver.solve(d, yd);
            assertEquals("cholesky", actual.solver());
            for (int i = 0; i < expected.data.length; i++) {
                assertEquals(expected.data[i], actual.alpha().data[i], 1e-9 * (1 + Math.abs(expected.data[i])));
            }
        }
    }

    /**
     * A linear kernel K = XXᵀ on points in R² has rank 2, so ridgeless regression on more than two
     * points is singular: Cholesky fails and the reported pseudo-inverse fallback must return the
     * minimum-norm interpolant, which recovers a linear target exactly (test loss 0 up to round-off).
     */
    @Test
    void singularKernelFallsBackToThePseudoInverseAndSaysSo() {
        int n = 60;
        SplittableRandom rng = new SplittableRandom(4);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, gram);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, 0.7 * x.get(i, 0) - 1.3 * x.get(i, 1));
        }
        LearningCurve curve = DataScaling.measure(new DataScaling.Problem(gram, range(0, 40), range(40, 60), y),
                new int[] {5, 10, 20, 40}, 2, 0.0, 1, ProgressListener.NONE);
        assertTrue(curve.solvers().stream().anyMatch(s -> s.contains("eigen-pseudoinverse")), curve.solvers().toString());
        for (double[] seedLosses : curve.losses()) {
            for (double loss : seedLosses) {
                assertEquals(0.0, loss, 1e-20);
            }
        }
    }

    @Test
    void badRequestsGetClearMessages() {
        DMatrixRMaj gram = laplaceGram(30, 1);
        DMatrixRMaj y = new DMatrixRMaj(30, 1);
        y.set(0, 0, 1);
        DataScaling.Problem problem = new DataScaling.Problem(gram, range(0, 20), range(20, 30), y);
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> DataScaling.measure(problem, new int[] {5, 25}, 1, 0, 0, ProgressListener.NONE));
        assertTrue(tooBig.getMessage().contains("exceeds the training pool of 20"), tooBig.getMessage());

        DataScaling.Problem flat = new DataScaling.Problem(gram, range(0, 20), range(20, 30), new DMatrixRMaj(30, 1));
        IllegalArgumentException equal = assertThrows(IllegalArgumentException.class,
                () -> DataScaling.measure(flat, new int[] {5, 10}, 1, 0, 0, ProgressListener.NONE));
        assertTrue(equal.getMessage().contains("all targets are equal"), equal.getMessage());

        LearningCurve two = DataScaling.measure(problem, new int[] {5, 10}, 1, 0, 0, ProgressListener.NONE);
        IllegalArgumentException fewSizes = assertThrows(IllegalArgumentException.class, () -> ScalingExponent.fitAll(two, 0));
        assertTrue(fewSizes.getMessage().contains("at least 3 sizes"), fewSizes.getMessage());
    }
}
