package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import kspec.core.stats.Estimate;
import kspec.scaling.duality.Exponent;
import kspec.scaling.duality.PairVerdict;

/**
 * Holds the compute-optimal exponents fitted to training runs against those the spectral theory
 * predicts (Bordelon, Atanasov &amp; Pehlevan 2024, arXiv 2402.01092, eq. 17): with task-power
 * exponent a<sub>task</sub> and spectral exponent b, the optimal width grows as
 * P* ∼ C<sup>1/(1+b)</sup> and the optimal loss falls as L* ∼ C<sup>−(a<sub>task</sub>−1)/(1+b)</sup>. A fitted
 * Chinchilla law gives N<sub>opt</sub> ∼ C<sup>β/(α+β)</sup> and a reducible loss along the frontier
 * ∼ C<sup>−αβ/(α+β)</sup> ({@link ComputeOptimal}).
 *
 * <p><b>Not the same compute.</b> In the theory C = width × training time (steps); in the runs
 * C = 6 × parameters × tokens, and parameters grow as width² in a deep network. The verdicts say
 * whether the numbers agree within their intervals, not that the two quantities are the same.
 */
public final class TheoryComparison {

    /** The statement every comparison carries. */
    public static final String CAVEAT = "theory: compute = width x training time (Bordelon et al. 2024); runs: compute = "
            + "6 x parameters x tokens, and parameters grow as width^2 in deep networks, so agreement is a "
            + "coincidence of numbers unless the two computes scale alike";

    private TheoryComparison() {
    }

    /**
     * @param fittedWidth   the fitted exponent of N_opt in C (a = β/(α+β), or Approach 1/2's a)
     * @param fittedLoss    the fitted loss exponent along the frontier (αβ/(α+β)), or {@code null} if not fitted
     * @param predictedWidth the predicted exponent of P* in C, 1/(1+b)
     * @param predictedLoss the predicted loss exponent, (a−1)/(1+b) as a magnitude (L* falls with C), or {@code null}
     * @return one verdict per pair both sides have: "computeWidth" and "computeLoss"
     */
    public static List<PairVerdict> compare(Estimate fittedWidth, Estimate fittedLoss, Estimate predictedWidth,
            Estimate predictedLoss) {
        List<PairVerdict> verdicts = new ArrayList<>();
        verdicts.add(PairVerdict.compare(exponent("fittedComputeWidth", fittedWidth), exponent("predictedComputeWidth",
                predictedWidth)));
        if (fittedLoss != null && predictedLoss != null) {
            verdicts.add(PairVerdict.compare(exponent("fittedComputeLoss", fittedLoss),
                    exponent("predictedComputeLoss", new Estimate(Math.abs(predictedLoss.value()),
                            predictedLoss.standardError(), Math.min(Math.abs(predictedLoss.lo()), Math.abs(predictedLoss.hi())),
                            Math.max(Math.abs(predictedLoss.lo()), Math.abs(predictedLoss.hi())), predictedLoss.interval()))));
        }
        return verdicts;
    }

    private static Exponent exponent(String name, Estimate e) {
        return new Exponent(name, e, "compute-optimal frontier", true, "");
    }
}
