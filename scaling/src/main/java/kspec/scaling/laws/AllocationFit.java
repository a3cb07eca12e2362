package kspec.scaling.laws;

import java.util.List;
import kspec.core.stats.Estimate;

/**
 * The compute-optimal allocation N<sub>opt</sub>(C) ∝ C<sup>a</sup>, D<sub>opt</sub>(C) = C/(6N<sub>opt</sub>) ∝ C<sup>b</sup>
 * (b = 1 − a), estimated without a parametric law, by Hoffmann et al.'s Approach 1 or 2
 * (arXiv 2203.15556, §3.1–3.2): a least-squares line through the points (log C, log N<sub>opt</sub>).
 *
 * @param approach       1 (envelope) or 2 (isoFLOP profiles)
 * @param a              exponent of N_opt in C
 * @param b              exponent of D_opt in C, 1 − a
 * @param nOpt           N_opt at the budget
 * @param dOpt           D_opt at the budget
 * @param tokensPerParam D_opt/N_opt at the budget
 * @param budget         the budget C in FLOPs
 * @param compute        C of each point the line was fitted to
 * @param optimalParams  N_opt of each point
 * @param notes          what was used and what was skipped, one line each
 * @param replicates     bootstrap replicates that gave a line
 * @param failedReplicates bootstrap replicates that did not (too few usable budgets or curves)
 */
public record AllocationFit(int approach, Estimate a, Estimate b, Estimate nOpt, Estimate dOpt, Estimate tokensPerParam,
        double budget, double[] compute, double[] optimalParams, List<String> notes, int replicates, int failedReplicates) {

    public AllocationFit {
        compute = compute.clone();
        optimalParams = optimalParams.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] compute() {
        return compute.clone();
    }

    @Override
    public double[] optimalParams() {
        return optimalParams.clone();
    }
}
