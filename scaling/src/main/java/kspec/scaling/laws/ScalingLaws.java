package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kspec.core.ParameterMessage;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.Estimate;
import kspec.core.stats.Resampling;
import kspec.data.DataException;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;

/**
 * Fits a parametric scaling law to a table of training runs, the way Hoffmann et al. fitted their
 * Approach 3 (arXiv 2203.15556, App. D.2) and Besiroglu et al. checked it (arXiv 2404.10102):
 *
 * <ol>
 *   <li>leave out the {@code dropTop} highest-loss runs (and fit all runs as well, for comparison);</li>
 *   <li>minimise the {@link LossObjective} on log-loss by L-BFGS from the law's grid of starts
 *       ({@link LawFitter}), keeping the best and counting the starts that reached it;</li>
 *   <li>bootstrap over runs: B resamples of the runs with replacement (seeded, replicate r always
 *       draws the same runs), each refitted from the point estimate by one L-BFGS run; the standard
 *       error is the replicates' standard deviation, the 95% interval their 2.5–97.5% percentiles, for
 *       every reported parameter and, for the Chinchilla law, every {@link ComputeOptimal} quantity at
 *       the budget;</li>
 *   <li>for the Chinchilla law, the {@link RoundingSensitivity} of the tokens per parameter.</li>
 * </ol>
 * Resampling runs treats them as independent (see {@link LawReport#resamplingCaveat()}).
 */
public final class ScalingLaws {

    private ScalingLaws() {
    }

    /**
     * @param runs     the runs; must carry the law's inputs and the loss
     * @param options  law, objective, dropping, bootstrap, seed, budget
     * @param progress told of the bootstrap's replicates
     * @throws DataException if the runs cannot determine the law (missing input, too few runs, one value)
     */
    public static LawReport fit(RunTable runs, LawOptions options, ProgressListener progress) {
        return fit(runs, options, null, progress);
    }

    /**
     * {@link #fit(RunTable, LawOptions, ProgressListener)} from the given grid of starts (the law's θ), or
     * from the law's own ({@link LossLaw#starts(double[][], double[])}) when {@code starts} is null.
     */
    static LawReport fit(RunTable runs, LawOptions options, List<double[]> starts, ProgressListener progress) {
        if (options.dropTop() == 0) {
            return fitKept(runs, options, starts, List.of(), null, progress);
        }
        if (options.dropTop() >= runs.size()) {
            throw new DataException(ParameterMessage.of(runs.source() + ": dropping the " + options.dropTop()
                    + " highest-loss runs leaves none of " + runs.size() + "; lower {LawOptions.dropTop}", "LawOptions.dropTop"));
        }
        double[] loss = runs.values(RunRole.LOSS, "dropping the highest-loss runs");
        Integer[] order = IntStream.range(0, runs.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> loss[i]).reversed());
        double[] params = runs.has(RunRole.PARAMS) ? runs.values(RunRole.PARAMS, "") : null;
        double[] tokens = runs.has(RunRole.TOKENS) ? runs.values(RunRole.TOKENS, "") : null;
        List<DroppedRun> dropped = new ArrayList<>();
        boolean[] gone = new boolean[runs.size()];
        for (int k = 0; k < options.dropTop(); k++) {
            int i = order[k];
            gone[i] = true;
            dropped.add(new DroppedRun(runs.describeRow(i), params == null ? Double.NaN : params[i],
                    tokens == null ? Double.NaN : tokens[i], loss[i]));
        }
        RunTable kept = runs.select(IntStream.range(0, runs.size()).filter(i -> !gone[i]).toArray());
        LawReport all = fitKept(runs, options.keepingAll(), starts, List.of(), null, progress);
        return fitKept(kept, options, starts, dropped, all, progress);
    }

    private static LawReport fitKept(RunTable runs, LawOptions options, List<double[]> starts, List<DroppedRun> dropped,
            LawReport all, ProgressListener progress) {
        LossLaw law = options.form().law();
        int dimension = law.fitParameters().size() + (options.objective().fitsScale() ? 1 : 0);
        LawData data = LawData.of(runs, law, dimension);
        int n = data.size();
        int[] everyRun = IntStream.range(0, n).toArray();
        LawFit fit = LawFitter.fit(law, options.objective(), data, everyRun,
                starts != null ? starts : law.starts(data.x, data.y), progress);
        double[] point = quantities(fit.law(), fit.parameters(), options);
        List<double[]> replicates = new ArrayList<>();
        int failed = 0;
        if (options.bootstrap() > 0) {
            progress.start("bootstrap: " + options.bootstrap() + " refits of " + law.formula() + " to " + n + " runs",
                    options.bootstrap());
            try {
                for (int r = 0; r < options.bootstrap(); r++) {
                    int[] rows = Resampling.bootstrapRows(n, options.seed(), r);
                    double[] p = LawFitter.minimise(new LawObjective(law, options.objective(), data.x, data.y, rows),
                            fit.parameters());
                    if (p == null) {
                        failed++;
                    } else {
                        replicates.add(quantities(law, p, options));
                    }
                    progress.advance(r + 1);
                }
            } finally {
                progress.finish();
            }
            if (replicates.size() < 2) {
                throw new IllegalStateException("only " + replicates.size() + " of " + options.bootstrap()
                        + " bootstrap refits of " + law.formula() + " converged; the runs do not pin the law down");
            }
        }
        double[][] reps = replicates.toArray(new double[0][]);
        List<String> names = new ArrayList<>(law.reportedParameters());
        boolean chinchilla = law instanceof ChinchillaLaw;
        if (chinchilla) {
            names.addAll(ComputeOptimal.NAMES);
        }
        Map<String, Estimate> parameters = new LinkedHashMap<>();
        Map<String, Estimate> frontier = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            Estimate e = Replicates.estimate(point[k], reps, k);
            (k < law.reportedParameters().size() ? parameters : frontier).put(names.get(k), e);
        }
        double[] residuals = new double[n];
        LawObjective objective = new LawObjective(law, options.objective(), data.x, data.y, everyRun);
        for (int i = 0; i < n; i++) {
            residuals[i] = objective.predicted(fit.parameters(), i) - data.y[i];
        }
        RoundingSensitivity rounding = chinchilla ? RoundingSensitivity.of(fit.reported(), options.budget()) : null;
        return new LawReport(options, runs, fit, parameters, frontier, rounding, residuals, reps.length, failed, dropped, all);
    }

    /**
     * Hoffmann et al.'s Approach 1 ({@link ComputeEnvelope}): the allocation read off the envelope of
     * the runs' loss-vs-compute curves, with a bootstrap over runs.
     *
     * @param budget    C in FLOPs at which N_opt, D_opt are reported
     * @param bootstrap replicates (0 for none)
     * @throws DataException if the runs do not form two or more curves with a changing envelope
     */
    public static AllocationFit envelope(RunTable runs, double budget, int bootstrap, long seed, ProgressListener progress) {
        return new ComputeEnvelope(runs).fit(runs.size(), budget, bootstrap, seed, progress);
    }

    /**
     * Hoffmann et al.'s Approach 2 ({@link IsoFlopProfiles}): the allocation from the minima of
     * isoFLOP parabolas, with a bootstrap over runs.
     *
     * @param budget    C in FLOPs at which N_opt, D_opt are reported
     * @param bootstrap replicates (0 for none)
     * @throws DataException if fewer than two budgets have a minimum inside their sampled sizes
     */
    public static AllocationFit isoFlop(RunTable runs, double budget, int bootstrap, long seed, ProgressListener progress) {
        return new IsoFlopProfiles(runs).fit(runs.size(), budget, bootstrap, seed, progress);
    }

    /** @return the reported parameters, then (Chinchilla law) the compute-optimal quantities at the budget */
    private static double[] quantities(LossLaw law, double[] parameters, LawOptions options) {
        double[] reported = law.reported(parameters);
        if (!(law instanceof ChinchillaLaw)) {
            return reported;
        }
        double[] frontier = ComputeOptimal.ofReported(reported, options.budget()).values();
        double[] all = Arrays.copyOf(reported, reported.length + frontier.length);
        System.arraycopy(frontier, 0, all, reported.length, frontier.length);
        return all;
    }
}
