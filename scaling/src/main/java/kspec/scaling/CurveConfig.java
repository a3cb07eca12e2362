package kspec.scaling;

import java.util.Objects;
import kspec.core.ParameterException;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;

/**
 * What one learning-curve run measures ({@link Scaling#curve}).
 *
 * @param architecture the network: its infinite-width kernel (data axis, GP teacher) or its
 *                     last-hidden-layer random features (width axis)
 * @param kind         the kernel of the data axis and of the GP teacher
 * @param axis         {@link Axis#DATA}: L(D), kernel regression on D training points; {@link Axis#WIDTH}:
 *                     L(P), regression on the first P random features, trained on the whole pool
 * @param target       the GP teacher, the labels (one-hot, centred) or the data's target column
 *                     ({@link RegressionTargets})
 * @param testPoints   held-out test points (a seeded choice, as in the duality run); the rest form the pool
 * @param sizes        D (data axis) or P (width axis), ascending, at least 3
 * @param seeds        random orderings of the pool (data axis) or feature draws (width axis)
 * @param ridge        δ ≥ 0 (0 = ridgeless)
 * @param seed         the run's seed: its split, targets and draws are those of a duality run with the same seed
 */
public record CurveConfig(Architecture architecture, KernelKind kind, Axis axis, Target target, int testPoints,
                          int[] sizes, int seeds, double ridge, long seed) {

    public CurveConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(target, "target");
        if (sizes.length < 3) {
            throw new ParameterException("need at least 3 sizes to fit an exponent, got " + sizes.length
                    + "; widen {CurveConfig.sizes}", "CurveConfig.sizes");
        }
        if (testPoints < 1) {
            throw new ParameterException("need at least one test point, got " + testPoints + "; raise {CurveConfig.testPoints}",
                    "CurveConfig.testPoints");
        }
        sizes = sizes.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return whether the kernel over all points is needed: for the data axis or a GP teacher */
    boolean needsKernel() {
        return axis == Axis.DATA || target == Target.TEACHER;
    }
}
