package kspec.scaling;

import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import kspec.data.Dataset;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import kspec.kernels.Kernels;
import kspec.kernels.finite.RandomFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * The learning curves of one seeded run, made the same way wherever they are measured (one curve,
 * {@link Scaling#curve}; the duality test): the same held-out split, targets and random streams
 * ({@link SeedStream}) for the same seed.
 */
public final class LearningCurves {

    private LearningCurves() {
    }

    /**
     * What every curve of a run shares.
     *
     * @param split   the training pool and test set, drawn from {@link SeedStream#TEST_SPLIT}
     * @param gram    the kernel over all points, or null when no curve needs it
     * @param targets N × t targets of all points (a GP teacher draws from {@link SeedStream#TARGETS})
     */
    public record Setup(PoolSplit split, DMatrixRMaj gram, DMatrixRMaj targets) {
    }

    /**
     * Splits the points, builds the kernel (when asked) and draws the targets, in that order.
     *
     * @param data     the points (with labels or targets when {@code target} names them). Not modified.
     * @param target   which targets ({@link RegressionTargets})
     * @param withGram whether to build the kernel over all points (needed by the data axis and the teacher)
     * @param seed     the run's seed
     */
    public static Setup setup(Dataset data, Architecture architecture, KernelKind kind, Target target, int testPoints,
                              boolean withGram, long seed, ProgressListener progress) {
        PoolSplit split = PoolSplit.seeded(data.n(), testPoints, SeedStream.TEST_SPLIT.seed(seed));
        DMatrixRMaj gram = withGram ? Kernels.gram(architecture, data.points(), kind, progress) : null;
        DMatrixRMaj targets = RegressionTargets.of(target, data, gram, SeedStream.TARGETS.seed(seed));
        return new Setup(split, gram, targets);
    }

    /**
     * L(D): kernel regression on nested subsets of the pool ({@link DataScaling}), orderings from
     * {@link SeedStream#POOL_ORDERINGS}.
     *
     * @param setup with the kernel
     * @param seed  the run's seed
     */
    public static LearningCurve dataAxis(Setup setup, int[] sizes, int seeds, double ridge, long seed,
                                         ProgressListener progress) {
        PoolSplit split = setup.split();
        return DataScaling.measure(new DataScaling.Problem(setup.gram(), split.pool(), split.test(), setup.targets()), sizes,
                seeds, ridge, SeedStream.POOL_ORDERINGS.seed(seed), progress);
    }

    /**
     * L(P): regression on the first P random features of the network's last hidden layer, trained on
     * the whole pool ({@link WidthScaling}), draws from {@link SeedStream#WIDTH_FEATURES}.
     *
     * @param points all N points, whose features are drawn. Not modified.
     * @param seed   the run's seed
     */
    public static LearningCurve widthAxis(Setup setup, Architecture architecture, DMatrixRMaj points, int[] widths, int seeds,
                                          double ridge, long seed, ProgressListener progress) {
        PoolSplit split = setup.split();
        return WidthScaling.measure(features(architecture, points), split.pool(), split.test(), setup.targets(), widths, seeds,
                ridge, SeedStream.WIDTH_FEATURES.seed(seed), progress);
    }

    /** @return the random features of the network's last hidden layer over all {@code points} */
    public static WidthScaling.FeatureMap features(Architecture architecture, DMatrixRMaj points) {
        return (width, drawSeed) -> RandomFeatures.features(architecture, points, width, drawSeed);
    }
}
