package kspec.scaling.duality;

import java.util.Objects;
import kspec.core.ParameterException;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import kspec.scaling.Target;

/**
 * What one duality run measures.
 *
 * @param architecture the network whose infinite-width kernel is the student (and, for the teacher
 *                     target, the teacher)
 * @param kind         NNGP or NTK; the width axis (random features of the last hidden layer) converges
 *                     to the NNGP, so α_P is measured only for {@code NNGP}
 * @param target       {@link Target#TEACHER} (a GP drawn with the student's kernel) or {@link Target#LABELS}
 *                     (one-hot, centred)
 * @param testPoints   held-out test points; the rest form the training pool
 * @param dataSizes    training-set sizes D for L(D), ascending, at most the pool
 * @param widths       feature counts P for L(P), ascending, at most a quarter of the pool (P ≪ D)
 * @param seeds        random orderings of the pool (L(D)) and feature draws (L(P))
 * @param ridge        δ ≥ 0 (0 = ridgeless)
 * @param seed         base seed of every random choice
 * @param grid         also measure the (D, P) grid of random-feature regression and its regimes (NNGP only)
 */
public record DualityConfig(Architecture architecture, KernelKind kind, Target target, int testPoints,
                            int[] dataSizes, int[] widths, int seeds, double ridge, long seed, boolean grid) {

    public DualityConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(kind, "kind");
        if (target != Target.TEACHER && target != Target.LABELS) {
            throw new ParameterException("{DualityConfig.target} must be teacher or labels, got " + target,
                    "DualityConfig.target");
        }
        if (dataSizes.length < 4) {
            throw new ParameterException("need at least 4 training-set sizes to fit alphaD, got " + dataSizes.length
                    + "; widen {DualityConfig.dataSizes}", "DualityConfig.dataSizes");
        }
        if (kind == KernelKind.NNGP && widths.length < 4) {
            throw new ParameterException("need at least 4 widths to fit alphaP, got " + widths.length
                    + "; widen {DualityConfig.widths}", "DualityConfig.widths");
        }
        if (testPoints < 10) {
            throw new ParameterException("need at least 10 test points, got " + testPoints + "; raise {DualityConfig.testPoints}",
                    "DualityConfig.testPoints");
        }
        dataSizes = dataSizes.clone();
        widths = widths.clone();
    }

    @Override
    public int[] dataSizes() {
        return dataSizes.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }
}
