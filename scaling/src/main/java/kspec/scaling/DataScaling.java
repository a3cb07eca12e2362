package kspec.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.core.ParameterException;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import kspec.core.linalg.Blas;
import kspec.core.linalg.Submatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The data-scaling curve L(D) of kernel (ridge) regression with a fixed kernel: for each seed,
 * a random ordering of the training pool, nested training sets of its first D points, and the
 * mean squared error on a fixed held-out test set.
 *
 * <p>Loss: \( L(D) = \frac{1}{n_{test}\,t} \sum_{x \in test} \sum_{c=1}^{t} (f_c(x) - y_c(x))^2 \),
 * the mean over test points and target columns. With the infinite-width kernel the model is the
 * P → ∞ limit, so every D is in the resolution-limited data regime P ≫ D (Bahri et al. 2021,
 * arXiv 2102.06701, §2).
 */
public final class DataScaling {

    private DataScaling() {
    }

    /**
     * A learning-curve problem over N points: the kernel between all of them, which rows form the
     * training pool and which the test set, and the targets.
     *
     * @param gram    K over all N points, N × N. Not modified.
     * @param pool    indices of the training pool
     * @param test    indices of the test set, disjoint from the pool
     * @param targets N × t targets
     */
    public record Problem(DMatrixRMaj gram, int[] pool, int[] test, DMatrixRMaj targets) {

        public Problem {
            int n = gram.numRows;
            if (gram.numCols != n) {
                throw new IllegalArgumentException("Gram must be square, got " + n + "×" + gram.numCols);
            }
            if (targets.numRows != n) {
                throw new IllegalArgumentException("targets have " + targets.numRows + " rows but the Gram has " + n);
            }
            boolean[] seen = new boolean[n];
            for (int[] part : new int[][] {pool, test}) {
                for (int i : part) {
                    if (i < 0 || i >= n) {
                        throw new IllegalArgumentException("index " + i + " outside 0.." + (n - 1));
                    }
                    if (seen[i]) {
                        throw new IllegalArgumentException("point " + i + " appears twice in pool/test; they must be disjoint");
                    }
                    seen[i] = true;
                }
            }
            pool = pool.clone();
            test = test.clone();
        }
    }

    /**
     * Measures L(D) for every size and seed.
     *
     * @param sizes ascending training-set sizes, each at most the pool size
     * @param seeds number of random orderings of the pool
     * @param ridge δ ≥ 0 (0 = ridgeless; singular kernels then take the reported eigen fallback)
     * @param seed  the seed of the orderings ({@link SeedStream#POOL_ORDERINGS} in a run); ordering s
     *              uses {@link SeedStream#replicate} s
     * @param progress receives one unit per finished seed
     */
    public static LearningCurve measure(Problem problem, int[] sizes, int seeds, double ridge, long seed,
                                        ProgressListener progress) {
        validate(problem, sizes, seeds, ridge);
        int maxSize = sizes[sizes.length - 1];
        double[][] losses = new double[seeds][sizes.length];
        List<String> solvers = new ArrayList<>();
        DMatrixRMaj testTargets = Submatrix.rows(problem.targets(), problem.test());
        progress.start("L(D): " + seeds + " seeds x " + sizes.length + " sizes up to D=" + maxSize, seeds);
        try {
            measureSeeds(problem, sizes, seeds, ridge, seed, testTargets, losses, solvers, progress);
        } finally {
            progress.finish();
        }
        return new LearningCurve(Axis.DATA, sizes, losses, solvers);
    }

    private static void measureSeeds(Problem problem, int[] sizes, int seeds, double ridge, long seed, DMatrixRMaj testTargets,
                                     double[][] losses, List<String> solvers, ProgressListener progress) {
        int maxSize = sizes[sizes.length - 1];
        for (int s = 0; s < seeds; s++) {
            int[] order = prefixOfShuffle(problem.pool(), maxSize, new SplittableRandom(SeedStream.replicate(seed, s)));
            NestedKernelRidge ridgeSolver = new NestedKernelRidge(Submatrix.of(problem.gram(), order, order), ridge);
            DMatrixRMaj cross = Submatrix.of(problem.gram(), problem.test(), order);
            DMatrixRMaj trainTargets = Submatrix.rows(problem.targets(), order);
            for (int i = 0; i < sizes.length; i++) {
                int d = sizes[i];
                NestedKernelRidge.Solution solution = ridgeSolver.solve(d, CommonOps_DDRM.extract(trainTargets, 0, d, 0, trainTargets.numCols));
                DMatrixRMaj prediction = new DMatrixRMaj(1, 1);
                Blas.mult(CommonOps_DDRM.extract(cross, 0, cross.numRows, 0, d), solution.alpha(), prediction);
                losses[s][i] = meanSquaredError(prediction, testTargets);
                if (!solution.solver().equals("cholesky")) {
                    solvers.add("seed " + s + ", D=" + d + ": " + solution.solver() + " (dropped "
                            + solution.droppedModes() + " modes below D·ε·λmax)");
                }
            }
            progress.advance(s + 1);
        }
    }

    private static void validate(Problem problem, int[] sizes, int seeds, double ridge) {
        CurveArguments.requireAscending(sizes, "training-set sizes");
        CurveArguments.requireSeedsAndRidge(seeds, ridge);
        int largest = sizes[sizes.length - 1];
        if (largest > problem.pool().length) {
            throw new ParameterException("largest training-set size " + largest + " exceeds the training pool of "
                    + problem.pool().length + " points; lower {DataScaling.sizes} or give more data", "DataScaling.sizes");
        }
        double first = problem.targets().get(0, 0);
        boolean constant = true;
        for (double v : problem.targets().data) {
            constant &= v == first;
        }
        if (constant) {
            throw new ParameterException("all targets are equal (" + first + "): the loss curve is trivially flat; "
                    + "check the targets, or set {RegressionTargets.target} to teacher", "RegressionTargets.target");
        }
    }

    /** The first {@code count} entries of a seeded Fisher–Yates shuffle of {@code pool}. */
    static int[] prefixOfShuffle(int[] pool, int count, SplittableRandom rng) {
        int[] a = pool.clone();
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(a.length - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return Arrays.copyOf(a, count);
    }

    static double meanSquaredError(DMatrixRMaj prediction, DMatrixRMaj truth) {
        double sum = 0;
        for (int i = 0; i < truth.getNumElements(); i++) {
            double e = prediction.data[i] - truth.data[i];
            sum += e * e;
        }
        return sum / truth.getNumElements();
    }
}
