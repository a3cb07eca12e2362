package kspec.scaling.laws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import kspec.core.stats.Estimate;
import java.util.Map;
import kspec.data.runs.RunTable;

/**
 * A law fitted to runs, with bootstrap intervals.
 *
 * @param options           how it was fitted
 * @param runs              the runs fitted (after dropping)
 * @param fit               the point fit: parameters, objective, best start, starts that reached the optimum
 * @param parameters        the reported parameters (E, A, B, alpha, beta; N_c, alpha_N, …) by name, in the law's order
 * @param frontier          the compute-optimal quantities at the budget ({@link ComputeOptimal#NAMES}); empty
 *                          unless the law is the Chinchilla law
 * @param rounding          the rounding-sensitivity line, or {@code null} unless the law is the Chinchilla law
 * @param residuals         log L̂ − log L per fitted run
 * @param replicates        bootstrap replicates that converged
 * @param failedReplicates  bootstrap replicates whose refit diverged (left out of the intervals)
 * @param dropped           the runs left out, highest loss first
 * @param withoutDropping   the same fit on all runs when some were dropped, else {@code null}
 */
public record LawReport(LawOptions options, RunTable runs, LawFit fit, Map<String, Estimate> parameters,
        Map<String, Estimate> frontier, RoundingSensitivity rounding, double[] residuals, int replicates,
        int failedReplicates, List<DroppedRun> dropped, LawReport withoutDropping) {

    public LawReport {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        frontier = Collections.unmodifiableMap(new LinkedHashMap<>(frontier));
        residuals = residuals.clone();
        dropped = List.copyOf(dropped);
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** @return the reported parameter {@code name} (e.g. "alpha") */
    public Estimate parameter(String name) {
        Estimate e = parameters.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + fit.law().formula() + "; it has "
                    + fit.names());
        }
        return e;
    }

    /** @return the statement every bootstrap over runs needs */
    public static String resamplingCaveat() {
        return "intervals resample whole runs as if independent; runs of one model family share their "
                + "training code and data, so the intervals are too narrow if those runs are correlated";
    }
}
