package kspec.dynamics.laws;

import java.util.Objects;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.theory.DynamicsTheory;
import kspec.dynamics.theory.Losses;

/**
 * The model's width–data duality at one (P, D) and time (Bordelon, Atanasov &amp; Pehlevan, arXiv
 * 2402.01092, §4 and eq. 19): κ(s), hence every H<sub>k</sub>(t), is symmetric under P ↔ D, so the bias
 * of the predictor averaged over projections and data sets, B = Σ<sub>k</sub>p<sub>k</sub>H<sub>k</sub>², is the same
 * for (P, D) and (D, P); the full loss adds variance terms that are not symmetric.
 *
 * @param sizes         (P, D)
 * @param time          the time compared
 * @param bias          B at (P, D)
 * @param biasSwapped   B at (D, P), equal to {@code bias}
 * @param losses        losses at (P, D)
 * @param lossesSwapped losses at (D, P), different in general
 */
public record DualityCheck(Sizes sizes, double time, double bias, double biasSwapped, Losses losses,
                           Losses lossesSwapped) {

    /**
     * @param theory    the theory of one spectrum
     * @param sizes     (P, D)
     * @param optimizer a full-batch optimizer
     * @param time      time or steps
     */
    public static DualityCheck of(DynamicsTheory theory, Sizes sizes, Optimizer.FullBatch optimizer, double time) {
        Objects.requireNonNull(theory, "theory");
        Sizes swapped = sizes.swapped();
        return new DualityCheck(sizes, time, theory.meanPredictorBias(sizes, optimizer, time),
                theory.meanPredictorBias(swapped, optimizer, time), theory.losses(sizes, optimizer, time),
                theory.losses(swapped, optimizer, time));
    }
}
