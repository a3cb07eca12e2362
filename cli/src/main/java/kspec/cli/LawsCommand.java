package kspec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.data.DataException;
import kspec.data.io.CsvWriter;
import kspec.data.runs.RunColumns;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import kspec.data.runs.RunTableReader;
import kspec.scaling.duality.PairVerdict;
import kspec.scaling.laws.AllocationFit;
import kspec.scaling.laws.DroppedRun;
import kspec.scaling.laws.LawForm;
import kspec.scaling.laws.LawOptions;
import kspec.scaling.laws.LawReport;
import kspec.scaling.laws.LossObjective;
import kspec.scaling.laws.RoundingSensitivity;
import kspec.scaling.laws.ScalingLaws;
import kspec.scaling.laws.TheoryComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec laws}: fits the scaling law of a table of training runs — Hoffmann et al.'s
 * Approach 3 (the Chinchilla law, summed Huber on log-loss, L-BFGS from 4,500 starts) or one of
 * Kaplan et al.'s laws, or the allocation alone by Approach 1 or 2 — with bootstrap intervals over
 * runs, the compute-optimal allocation at a budget, the rounding sensitivity, and, given the
 * exponents {@code kspec dynamics} predicts from a spectrum, a comparison with them.
 */
@Command(name = "laws", mixinStandardHelpOptions = true,
        description = "Fit the scaling law of training runs (Chinchilla Approach 1/2/3, Kaplan) with bootstrap intervals.")
final class LawsCommand implements Runnable {

    @Option(names = "--runs", paramLabel = "FILE", required = true,
            description = "Run table: CSV (header names the columns) or JSON (an array of objects, one per run).")
    Path runsFile;

    @Option(names = "--form", paramLabel = "chinchilla|kaplan-n|kaplan-d|kaplan-nd|kaplan-ns", defaultValue = "chinchilla",
            converter = FormConverter.class, description = "The law to fit with Approach 3 (default: ${DEFAULT-VALUE}).")
    LawForm form;

    @Option(names = "--approach", paramLabel = "1|2|3", defaultValue = "3",
            description = "3: fit the law; 2: isoFLOP parabolas; 1: envelope of loss-vs-compute curves (default: ${DEFAULT-VALUE}).")
    int approach;

    @Option(names = "--objective", paramLabel = "huber-sum|huber-likelihood", defaultValue = "huber-sum",
            converter = ObjectiveConverter.class,
            description = "huber-sum: Hoffmann et al.'s summed Huber (delta 1e-3); huber-likelihood: Besiroglu et al.'s "
                    + "Huber likelihood with a fitted scale (default: ${DEFAULT-VALUE}).")
    LossObjective objective;

    @Option(names = "--drop-top", paramLabel = "K", defaultValue = "0",
            description = "Leave out the K highest-loss runs (the fit on all runs is reported too; the replication drops 5).")
    int dropTop;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap replicates over runs for standard errors and 95%% intervals (0 = none; default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--budget", paramLabel = "C", defaultValue = "5.76e23",
            description = "Compute in FLOPs at which to report the optimal N, D and D/N (default: ${DEFAULT-VALUE}, Chinchilla's).")
    double budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--param-column", paramLabel = "NAME|INDEX", description = "Column of the model size N (default: found by name, e.g. params).")
    String paramColumn;

    @Option(names = "--token-column", paramLabel = "NAME|INDEX", description = "Column of the training tokens D (default: found by name, e.g. tokens).")
    String tokenColumn;

    @Option(names = "--loss-column", paramLabel = "NAME|INDEX", description = "Column of the final loss (default: found by name, e.g. loss).")
    String lossColumn;

    @Option(names = "--flop-column", paramLabel = "NAME|INDEX", description = "Column of the training FLOPs (default: found by name; else 6ND).")
    String flopColumn;

    @Option(names = "--step-column", paramLabel = "NAME|INDEX", description = "Column of the training steps S (kaplan-ns).")
    String stepColumn;

    @Option(names = "--group-column", paramLabel = "NAME|INDEX", description = "Column of a model/family label (Approach 1 curves).")
    String groupColumn;

    @Option(names = "--predicted-exponents", paramLabel = "FILE.json",
            description = "JSON written by 'kspec dynamics': compare its exponents.computeWidth and exponents.computeLoss with the fit.")
    Path predicted;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the fit as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write per-run predictions and residuals (Approach 3) or the (C, N_opt) points (1, 2) as CSV.")
    Path csv;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write surface.png (isoloss contours, runs, frontier) and residuals.png.")
    Path plots;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        checkUsage();
        outputs.inputs(runsFile, predicted);
        Path jsonOut = outputs.declare("--json", json, true);
        Path csvOut = outputs.declare("--csv", csv, true);
        Path surfacePlot = null;
        Path residualPlot = null;
        Path allocationPlot = null;
        if (plots != null) {
            if (!Files.isDirectory(plots)) {
                throw new UsageException("--plots " + plots + " is not a directory; create it first, or give a directory");
            }
            if (approach == 3) {
                if (form == LawForm.CHINCHILLA || form == LawForm.KAPLAN_ND) {
                    surfacePlot = outputs.declare("--plots", plots.resolve("surface.png"), false);
                }
                residualPlot = outputs.declare("--plots", plots.resolve("residuals.png"), false);
            } else {
                allocationPlot = outputs.declare("--plots", plots.resolve("allocation.png"), false);
            }
        }
        RunColumns columns = RunColumns.defaults().with(RunRole.PARAMS, paramColumn).with(RunRole.TOKENS, tokenColumn)
                .with(RunRole.LOSS, lossColumn).with(RunRole.FLOPS, flopColumn).with(RunRole.STEPS, stepColumn)
                .with(RunRole.GROUP, groupColumn);
        RunTable runs = RunTableReader.read(runsFile, columns);
        Predicted theory = predicted == null ? null : readPredicted(predicted);
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runsJson(runs));
        if (approach == 3) {
            LawReport fit = ScalingLaws.fit(runs, new LawOptions(form, objective, dropTop, bootstrap, seed, budget), progress);
            printLaw(out, fit);
            report.putAll(lawJson(fit));
            if (theory != null && form == LawForm.CHINCHILLA) {
                compare(out, report, theory, fit.frontier().get("a"), fit.frontier().get("lossExponent"));
            }
            if (csvOut != null) {
                writeResiduals(csvOut, fit);
            }
            if (residualPlot != null) {
                LawPlots.lawFigures(surfacePlot, residualPlot, fit);
            }
        } else {
            AllocationFit fit = approach == 2 ? ScalingLaws.isoFlop(runs, budget, bootstrap, seed, progress)
                    : ScalingLaws.envelope(runs, budget, bootstrap, seed, progress);
            printAllocation(out, fit);
            report.put("approach", approach);
            report.put("frontier", allocationJson(fit));
            report.put("notes", fit.notes());
            report.put("bootstrap", bootstrapJson(fit.replicates(), fit.failedReplicates()));
            if (theory != null) {
                compare(out, report, theory, fit.a(), null);
            }
            if (csvOut != null) {
                List<double[]> rows = new ArrayList<>();
                for (int i = 0; i < fit.compute().length; i++) {
                    rows.add(new double[] {fit.compute()[i], fit.optimalParams()[i]});
                }
                CsvWriter.write(csvOut, List.of("compute", "optimalParams"), rows);
            }
            if (allocationPlot != null) {
                LawPlots.allocationFigure(allocationPlot, fit);
            }
        }
        out.flush();
        if (jsonOut != null) {
            Outputs.writeJson(jsonOut, report);
        }
    }

    private void checkUsage() {
        if (approach < 1 || approach > 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--approach must be 1, 2 or 3, got " + approach);
        }
        if (dropTop < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drop-top must be ≥ 0, got " + dropTop);
        }
        if (bootstrap < 0 || bootstrap == 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be 0 (none) or ≥ 2, got " + bootstrap);
        }
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--budget must be a positive number of FLOPs, got " + budget);
        }
        if (approach != 3 && (dropTop > 0 || form != LawForm.CHINCHILLA || objective != LossObjective.HUBER_SUM)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drop-top, --form and --objective belong to "
                    + "--approach 3 (a fitted law); Approach " + approach + " fits no law: drop them");
        }
        if (predicted != null && approach == 3 && form != LawForm.CHINCHILLA) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--predicted-exponents compares compute-optimal "
                    + "exponents, which only --form chinchilla (or --approach 1|2) gives");
        }
    }

    // ------------------------------------------------------------------ text

    private static void printLaw(PrintWriter out, LawReport r) {
        RunTable runs = r.runs();
        out.printf("runs        %s: %d fitted%s%n", runs.source(), runs.size(), r.dropped().isEmpty() ? ""
                : String.format(Locale.ROOT, " (%d highest-loss runs dropped)", r.dropped().size()));
        out.printf("columns     %s%n", runs.columns());
        for (String note : runs.notes()) {
            out.printf("note        %s%n", note);
        }
        out.printf("law         %s; objective %s (delta = %.0e), L-BFGS from %d starts%n", r.fit().law().formula(),
                r.options().objective().key(), LossObjective.DELTA, r.fit().starts());
        out.printf("optimum     best start %s; %d of %d starts reached it (within 1e-6 relative), %d diverged%s%n",
                vector(r.fit().law().fitParameters(), r.fit().bestStart()), r.fit().reached(), r.fit().starts(),
                r.fit().diverged(), r.options().objective().fitsScale()
                        ? String.format(Locale.ROOT, "; residual scale sigma = %.3g", r.fit().scale()) : "");
        printEstimates(out, "parameter", r.parameters());
        if (!r.frontier().isEmpty()) {
            out.printf(Locale.ROOT, "compute-optimal frontier at C = %.3g FLOPs (C = 6ND): N_opt = G (C/6)^a, D_opt = (C/6)^b / G%n",
                    r.options().budget());
            printEstimates(out, "quantity", r.frontier());
            RoundingSensitivity s = r.rounding();
            out.printf(Locale.ROOT, "rounding    alpha, beta rounded to %.2f, %.2f: tokens per parameter %.2f instead of %.2f (%+.1f%%)%n",
                    s.alphaRounded(), s.betaRounded(), s.roundedRatio(), s.ratio(), 100 * s.relativeChange());
        }
        printBootstrap(out, r.replicates(), r.failedReplicates(), r.options().bootstrap());
        if (!r.dropped().isEmpty()) {
            for (DroppedRun d : r.dropped()) {
                out.printf(Locale.ROOT, "dropped     %s: N = %.4g, D = %.4g, L = %.4f%n", d.where(), d.params(), d.tokens(), d.loss());
            }
            out.println("all runs (nothing dropped):");
            printEstimates(out, "parameter", r.withoutDropping().parameters());
            if (!r.withoutDropping().frontier().isEmpty()) {
                Estimate a = r.withoutDropping().frontier().get("a");
                Estimate ratio = r.withoutDropping().frontier().get("tokensPerParam");
                out.printf(Locale.ROOT, "  a = %s, tokens per parameter = %s%n", short4(a), short4(ratio));
            }
        }
    }

    private static void printAllocation(PrintWriter out, AllocationFit f) {
        out.printf("approach    %d (%s)%n", f.approach(), f.approach() == 2 ? "isoFLOP profiles" : "envelope of loss-vs-compute curves");
        long skipped = f.notes().stream().filter(note -> note.contains("skipped")).count();
        f.notes().stream().filter(note -> !note.contains("skipped")).forEach(note -> out.printf("note        %s%n", note));
        if (skipped > 0) {
            out.printf("note        %d budgets skipped (listed in the JSON notes)%n", skipped);
        }
        Map<String, Estimate> m = allocationEstimates(f);
        out.printf(Locale.ROOT, "allocation at C = %.3g FLOPs, from log N_opt = c + a log C over %d points%n", f.budget(),
                f.compute().length);
        printEstimates(out, "quantity", m);
        printBootstrap(out, f.replicates(), f.failedReplicates(), f.replicates() + f.failedReplicates());
    }

    private static void printBootstrap(PrintWriter out, int replicates, int failed, int requested) {
        if (requested == 0) {
            out.println("bootstrap   none (--bootstrap 0): no intervals");
            return;
        }
        out.printf("bootstrap   %d replicates over runs (%d failed and left out); %s%n", replicates, failed,
                LawReport.resamplingCaveat());
    }

    private static void printEstimates(PrintWriter out, String header, Map<String, Estimate> estimates) {
        out.printf("  %-15s %14s %12s   %s%n", header, "value", "se", "95% interval");
        estimates.forEach((name, e) -> out.printf(Locale.ROOT, "  %-15s %14.6g %12s   %s%n", name, e.value(),
                hasInterval(e) ? String.format(Locale.ROOT, "%.4g", e.standardError()) : "-",
                hasInterval(e) ? String.format(Locale.ROOT, "[%.6g, %.6g]", e.lo(), e.hi()) : "-"));
    }

    private static String short4(Estimate e) {
        return hasInterval(e) ? String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", e.value(), e.lo(), e.hi())
                : String.format(Locale.ROOT, "%.4g", e.value());
    }

    private static String vector(List<String> names, double[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < values.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(names.get(k)).append(" = ").append(String.format(Locale.ROOT, "%g", values[k]));
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ theory comparison

    /** The two exponents of a {@code kspec dynamics} report. */
    private record Predicted(Estimate width, Estimate loss, String source) {
    }

    private static Predicted readPredicted(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DataException(file + ": cannot read it as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        JsonNode exponents = root == null ? null : root.get("exponents");
        if (exponents == null) {
            throw new DataException(file + ": no 'exponents' object; pass the JSON written by 'kspec dynamics --json'");
        }
        return new Predicted(exponent(file, exponents, "computeWidth"), exponents.has("computeLoss")
                ? exponent(file, exponents, "computeLoss") : null, file.toString());
    }

    private static Estimate exponent(Path file, JsonNode exponents, String key) {
        JsonNode e = exponents.get(key);
        if (e == null || !e.path("value").isNumber()) {
            throw new DataException(file + ": exponents." + key + ".value is missing or not a number; pass the JSON written "
                    + "by 'kspec dynamics --json'");
        }
        JsonNode ci = e.get("ci95");
        if (ci == null || !ci.isArray() || ci.size() != 2 || !ci.get(0).isNumber() || !ci.get(1).isNumber()) {
            return Estimate.exact(e.get("value").asDouble());
        }
        double lo = Math.min(ci.get(0).asDouble(), ci.get(1).asDouble());
        double hi = Math.max(ci.get(0).asDouble(), ci.get(1).asDouble());
        // the file gives an interval but not how it was made: read it as a normal one
        return new Estimate(e.get("value").asDouble(), (hi - lo) / (2 * kspec.core.stats.Stats.Z95), lo, hi,
                IntervalMethod.DELTA_METHOD);
    }

    private static void compare(PrintWriter out, Map<String, Object> report, Predicted theory, Estimate fittedWidth,
            Estimate fittedLoss) {
        List<PairVerdict> verdicts = TheoryComparison.compare(fittedWidth, fittedLoss, theory.width(), theory.loss());
        out.printf("theory      %s (Bordelon et al. 2024: P* ~ C^(1/(1+b)), L* ~ C^(-(a-1)/(1+b)))%n", theory.source());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PairVerdict v : verdicts) {
            out.printf(Locale.ROOT, "  %-42s %-13s diff %+.4f  [%+.4f, %+.4f]%n", v.pair(), v.verdict().key(),
                    v.difference().value(), v.difference().lo(), v.difference().hi());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pair", v.pair());
            m.put("verdict", v.verdict().key());
            m.put("difference", v.difference().value());
            m.put("ci95", v.difference().ci95());
            rows.add(m);
        }
        out.printf("caveat      %s%n", TheoryComparison.CAVEAT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", theory.source());
        m.put("predictedComputeWidth", estimateJson(theory.width()));
        m.put("predictedComputeLoss", theory.loss() == null ? null : estimateJson(theory.loss()));
        m.put("verdicts", rows);
        m.put("caveat", TheoryComparison.CAVEAT);
        report.put("comparison", m);
    }

    // ------------------------------------------------------------------ JSON and CSV

    private static Map<String, Object> runsJson(RunTable runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", runs.source());
        m.put("count", runs.size());
        Map<String, String> columns = new LinkedHashMap<>();
        runs.columns().forEach((role, name) -> columns.put(role.name().toLowerCase(Locale.ROOT), name));
        m.put("columns", columns);
        m.put("notes", runs.notes());
        return m;
    }

    private static Map<String, Object> lawJson(LawReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> law = new LinkedHashMap<>();
        law.put("form", r.options().form().key());
        law.put("formula", r.fit().law().formula());
        law.put("objective", r.options().objective().key());
        law.put("delta", LossObjective.DELTA);
        m.put("law", law);
        m.put("fitted", r.runs().size());
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("method", "L-BFGS (Smile 3.1.1 smile.math.BFGS)");
        optimizer.put("starts", r.fit().starts());
        optimizer.put("reached", r.fit().reached());
        optimizer.put("reachedTolerance", 1e-6);
        optimizer.put("diverged", r.fit().diverged());
        Map<String, Double> best = new LinkedHashMap<>();
        for (int k = 0; k < r.fit().bestStart().length; k++) {
            best.put(r.fit().law().fitParameters().get(k), r.fit().bestStart()[k]);
        }
        optimizer.put("bestStart", best);
        optimizer.put("objectiveValue", r.fit().value());
        if (r.options().objective().fitsScale()) {
            optimizer.put("scale", r.fit().scale());
        }
        m.put("optimizer", optimizer);
        m.put("fit", estimatesJson(r.parameters()));
        if (!r.frontier().isEmpty()) {
            Map<String, Object> frontier = new LinkedHashMap<>();
            frontier.put("budget", r.options().budget());
            frontier.putAll(estimatesJson(r.frontier()));
            m.put("frontier", frontier);
            RoundingSensitivity s = r.rounding();
            Map<String, Object> rounding = new LinkedHashMap<>();
            rounding.put("alphaRounded", s.alphaRounded());
            rounding.put("betaRounded", s.betaRounded());
            rounding.put("tokensPerParam", s.ratio());
            rounding.put("tokensPerParamRounded", s.roundedRatio());
            rounding.put("relativeChange", s.relativeChange());
            m.put("rounding", rounding);
        }
        m.put("bootstrap", bootstrapJson(r.replicates(), r.failedReplicates()));
        List<Map<String, Object>> dropped = new ArrayList<>();
        for (DroppedRun d : r.dropped()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("where", d.where());
            e.put("params", finiteOrNull(d.params()));
            e.put("tokens", finiteOrNull(d.tokens()));
            e.put("loss", d.loss());
            dropped.add(e);
        }
        m.put("dropped", dropped);
        if (r.withoutDropping() != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("fitted", r.withoutDropping().runs().size());
            all.put("fit", estimatesJson(r.withoutDropping().parameters()));
            if (!r.withoutDropping().frontier().isEmpty()) {
                all.put("frontier", estimatesJson(r.withoutDropping().frontier()));
            }
            m.put("withoutDropping", all);
        }
        return m;
    }

    private static Map<String, Object> bootstrapJson(int replicates, int failed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicates", replicates);
        m.put("failed", failed);
        m.put("interval", "percentile 2.5-97.5% over runs resampled with replacement");
        m.put("caveat", LawReport.resamplingCaveat());
        return m;
    }

    private static Map<String, Estimate> allocationEstimates(AllocationFit f) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("a", f.a());
        m.put("b", f.b());
        m.put("N_opt", f.nOpt());
        m.put("D_opt", f.dOpt());
        m.put("tokensPerParam", f.tokensPerParam());
        return m;
    }

    private static Map<String, Object> allocationJson(AllocationFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budget", f.budget());
        m.putAll(estimatesJson(allocationEstimates(f)));
        return m;
    }

    private static Map<String, Object> estimatesJson(Map<String, Estimate> estimates) {
        Map<String, Object> m = new LinkedHashMap<>();
        estimates.forEach((name, e) -> m.put(name, estimateJson(e)));
        return m;
    }

    private static Map<String, Object> estimateJson(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.value());
        m.put("se", hasInterval(e) ? e.standardError() : null);
        m.put("ci95", hasInterval(e) ? e.ci95() : null);
        m.put("interval", e.interval().key());
        return m;
    }

    /** @return whether a bootstrap (or the file read) gave {@code e} an interval */
    private static boolean hasInterval(Estimate e) {
        return e.interval() != IntervalMethod.NONE;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void writeResiduals(Path file, LawReport r) {
        RunTable runs = r.runs();
        List<RunRole> inputs = r.fit().law().inputs();
        double[][] columns = new double[inputs.size()][];
        for (int j = 0; j < inputs.size(); j++) {
            columns[j] = runs.values(inputs.get(j), "the residual table");
        }
        double[] loss = runs.values(RunRole.LOSS, "the residual table");
        double[] residuals = r.residuals();
        List<String> header = new ArrayList<>(List.of("line"));
        inputs.forEach(role -> header.add(role.name().toLowerCase(Locale.ROOT)));
        header.addAll(List.of("loss", "predicted", "logResidual"));
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double[] row = new double[header.size()];
            row[0] = runs.lineOf(i);
            for (int j = 0; j < inputs.size(); j++) {
                row[1 + j] = columns[j][i];
            }
            row[1 + inputs.size()] = loss[i];
            row[2 + inputs.size()] = loss[i] * Math.exp(residuals[i]);
            row[3 + inputs.size()] = residuals[i];
            rows.add(row);
        }
        CsvWriter.write(file, header, rows);
    }

    // ------------------------------------------------------------------ converters

    /** Parses chinchilla|kaplan-n|kaplan-d|kaplan-nd|kaplan-ns. */
    static final class FormConverter implements ITypeConverter<LawForm> {
        @Override
        public LawForm convert(String value) {
            try {
                return LawForm.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses huber-sum|huber-likelihood. */
    static final class ObjectiveConverter implements ITypeConverter<LossObjective> {
        @Override
        public LossObjective convert(String value) {
            try {
                return LossObjective.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
