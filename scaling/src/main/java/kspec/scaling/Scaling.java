package kspec.scaling;

import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import kspec.data.Dataset;
import kspec.scaling.duality.DualityConfig;
import kspec.scaling.duality.DualityExperiment;
import kspec.scaling.duality.DualityReport;

/**
 * The scaling measurements of a data set and an architecture: one learning curve with its
 * exponent, or the whole duality test (α_K, α_D, α_P and their comparison).
 */
public final class Scaling {

    private Scaling() {
    }

    /**
     * One learning curve: L(D) of kernel regression with the infinite-width kernel, or L(P) of
     * regression on random features of the finite network, on a seeded training pool, tested on the
     * held-out rest — the split, targets and draws of a duality run with the same seed
     * ({@link LearningCurves}) — with its exponent over all sizes (bootstrap over seeds, from
     * {@link SeedStream#BOOTSTRAP}).
     *
     * @param data     the points (with labels or targets when the config's target names them). Not modified.
     * @param progress receives the kernel build and the curve's seeds in turn
     */
    public static CurveReport curve(Dataset data, CurveConfig config, ProgressListener progress) {
        LearningCurves.Setup setup = LearningCurves.setup(data, config.architecture(), config.kind(), config.target(),
                config.testPoints(), config.needsKernel(), config.seed(), progress);
        LearningCurve curve = config.axis() == Axis.DATA
                ? LearningCurves.dataAxis(setup, config.sizes(), config.seeds(), config.ridge(), config.seed(), progress)
                : LearningCurves.widthAxis(setup, config.architecture(), data.points(), config.sizes(), config.seeds(),
                        config.ridge(), config.seed(), progress);
        ScalingExponent fit = ScalingExponent.fitAll(curve, SeedStream.BOOTSTRAP.seed(config.seed()));
        return new CurveReport(config, setup.split(), curve, fit);
    }

    /** The duality test ({@link DualityExperiment}). */
    public static DualityReport duality(Dataset data, DualityConfig config, ProgressListener progress) {
        return DualityExperiment.run(data, config, progress);
    }
}
