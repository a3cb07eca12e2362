package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.SeedStream;
import kspec.data.Dataset;
import kspec.data.io.CsvWriter;
import kspec.dynamics.DynamicsStudy;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.laws.ComputeFrontier;
import kspec.dynamics.laws.PowerLawSlope;
import kspec.dynamics.laws.PredictedExponents;
import kspec.dynamics.laws.BottleneckLaws;
import kspec.dynamics.laws.TaskPowerTail;
import kspec.dynamics.simulation.MeanEstimate;
import kspec.dynamics.simulation.Simulation;
import kspec.dynamics.theory.KappaEquation;
import kspec.dynamics.theory.Losses;
import kspec.kernels.Architecture;
import kspec.kernels.Kernels;
import kspec.kernels.KernelKind;
import kspec.scaling.RegressionTargets;
import kspec.scaling.Target;
import kspec.spectra.SpectrumAnalysis;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.PowerLawFit;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kspec dynamics}: the dynamical model of neural scaling laws of Bordelon, Atanasov &amp;
 * Pehlevan (ICML 2024, arXiv 2402.01092) for a synthetic power-law spectrum ({@code --a --b}) or for
 * the NNGP/NTK spectrum and task power of a data set. It prints the predicted time, width, data and
 * compute exponents with 95% intervals, the t → ∞ losses on the (P, D) grid, loss curves against
 * time for every width, the compute-optimal frontier, the finite-width gap and the duality check,
 * with the exact simulation beside the theory on request ({@code --simulate DRAWS}).
 *
 * <p>With data, the spectrum is that of K/n on all n points and the task power that of the targets in
 * its eigenbasis (kspec's {@link SpectrumAnalysis}); b = 1 + α<sub>K</sub> from kspec's spectral fit and
 * a from the tail sum of the task power ({@link TaskPowerTail}); the model then has M = n modes,
 * with eigenvalues divided by the largest so that time counts in units of 1/λ<sub>1</sub>, as for the
 * synthetic power laws (λ<sub>1</sub> = 1).
 */
@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = {"Bordelon-Atanasov-Pehlevan dynamical model: loss against time, width P and data D, compute-optimal "
                + "allocation and scaling exponents, for power laws (--a --b) or a data set's kernel spectrum and task power."})
final class DynamicsCommand implements Runnable {

    /** Modes of a synthetic spectrum unless --modes says otherwise. */
    static final int DEFAULT_MODES = 10000;
    /** Bootstrap replicates of the tail-sum fit of a. */
    static final int TAIL_REPLICATES = 200;
    /** Draws of the parametric bootstrap that propagates (a, b) into the exponents. */
    static final int PROPAGATION_DRAWS = 4000;
    /** Eigenvalues of K/n below this fraction of the largest are left out of the model (rounding). */
    static final double EIGENVALUE_FLOOR = 1e-12;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArchitectureOptions architectureOptions;

    @Option(names = "--a", paramLabel = "A", description = "Synthetic task-power exponent: power k^-a along mode k (a > 1). Needs --b.")
    Double a;

    @Option(names = "--b", paramLabel = "B", description = "Synthetic spectral exponent: eigenvalues k^-b (b > 0). Needs --a.")
    Double b;

    @Option(names = "--modes", paramLabel = "M", description = "Modes of the synthetic spectrum, k = 1..M (default: " + DEFAULT_MODES + ").")
    Integer modes;

    @Option(names = "--kind", paramLabel = "nngp|ntk", defaultValue = "ntk", converter = SpectrumCommand.SingleKindConverter.class,
            description = "With data: the kernel whose spectrum drives the model (default: ${DEFAULT-VALUE}).")
    KernelKind kind;

    @Option(names = "--target", paramLabel = "labels|teacher|COLUMN",
            description = "With data: the targets (default: the data's targets or labels if it has them, else a GP teacher).")
    String target;

    @Option(names = "--widths", paramLabel = "LO:HI", defaultValue = "16:1024", converter = SizeRange.Converter.class,
            description = "Widths P (random features), doubling from LO to HI, or a list (default: ${DEFAULT-VALUE}).")
    SizeRange widths;

    @Option(names = "--sizes", paramLabel = "LO:HI", defaultValue = "16:1024", converter = SizeRange.Converter.class,
            description = "Data sizes D, doubling from LO to HI, or a list (default: ${DEFAULT-VALUE}).")
    SizeRange sizes;

    @Option(names = "--times", paramLabel = "LO:HI", converter = NumberLadder.Converter.class,
            description = "Flow times (or steps of gd/momentum/sgd), doubling, or a list (default: 1:65536; 1:4096 for momentum).")
    NumberLadder times;

    @Option(names = "--budget", paramLabel = "LO:HI", defaultValue = "1000:1000000", converter = NumberLadder.Converter.class,
            description = "Compute budgets C = P*t of the compute-optimal frontier, doubling, or a list (default: ${DEFAULT-VALUE}).")
    NumberLadder budget;

    @Option(names = "--optimizer", paramLabel = "flow|gd|momentum|sgd", defaultValue = "flow",
            description = "Gradient flow, full-batch gradient descent, heavy-ball momentum, or one-pass SGD (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "ETA",
            description = "Learning rate of gd/momentum/sgd (default: 0.5/g_max, g_max the model's largest relaxation rate; "
                    + "for sgd at most B/(2 trace)).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9", description = "Momentum of --optimizer momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Batch size of --optimizer sgd (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--simulate", paramLabel = "DRAWS", defaultValue = "0",
            description = "Also simulate the finite model with DRAWS seeded draws per point (default: 0, theory only).")
    int simulate;

    @Option(names = "--json", paramLabel = "FILE", description = "Write exponents, final losses, curves and the frontier as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the loss curves (theory and simulation) as CSV.")
    Path csv;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write loss_vs_time.png, final_loss.png and compute_frontier.png into DIR.")
    Path plots;

    @Spec
    CommandSpec spec;

    /** The model's inputs and what they predict. */
    private record Inputs(ModeSpectrum spectrum, PredictedExponents exponents, String description,
                          Map<String, Object> json, List<String> lines) {
    }

    /** Options that only the synthetic input reads. */
    private static final Set<String> SYNTHETIC_ONLY = Set.of("--a", "--b", "--modes");
    /** Options that only the data input reads: the data and architecture options and the kernel and targets. */
    private static final Set<String> DATA_ONLY = Set.of("--data", "--labels", "--format", "--label-column",
            "--target-column", "--delimiter", "--n", "--stratify", "--scale", "--center", "--standardize", "--sphere",
            "--allow-nonfinite", "--arch", "--depth", "--activation", "--w-std", "--b-std", "--parameterization", "--width",
            "--kind", "--target");
    /** Largest number of synthetic modes (about 10 doubles of theory state per mode). */
    static final int MAX_MODES = 100_000_000;
    /** Largest number of simulated draws per point. */
    static final int MAX_DRAWS = 10_000;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        boolean synthetic = a != null || b != null;
        requireValidOptions(synthetic);
        outputs.inputs(dataOptions.inputFiles());
        json = outputs.declare("--json", json, true);
        csv = outputs.declare("--csv", csv, true);
        Path[] plotFiles = null;
        if (plots != null) {
            if (!Files.isDirectory(plots)) {
                throw new UsageException("--plots " + plots + " is not a directory; create it first, or give a directory");
            }
            plotFiles = new Path[] {outputs.declare("--plots", plots.resolve("loss_vs_time.png"), false),
                outputs.declare("--plots", plots.resolve("final_loss.png"), false),
                outputs.declare("--plots", plots.resolve("compute_frontier.png"), false)};
        }
        Inputs in = synthetic ? synthetic() : fromData();
        double[] p = Arrays.stream(widths.values()).asDoubleStream().toArray();
        double[] d = Arrays.stream(sizes.values()).asDoubleStream().toArray();
        int m = in.spectrum().modes();
        for (double size : concat(p, d)) {
            if (size < 1 || size >= m) {
                throw new UsageException(String.format(Locale.ROOT, "width or data size %.0f is outside 1..%d: the model "
                        + "describes P, D below its M = %d modes; lower --widths/--sizes or %s", size, m - 1, m,
                        synthetic ? "raise --modes" : "use a larger --n"));
            }
        }
        Optimizer opt = optimizer(in.spectrum(), p, d);
        double[] t = times != null ? times.values() : NumberLadder.parse(opt instanceof Optimizer.Momentum ? "1:4096" : "1:65536");
        if (opt.discrete()) {
            for (double v : t) {
                if (v != Math.rint(v)) {
                    throw new UsageException("--optimizer " + opt.name() + " counts whole steps; --times has " + v);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("kspec dynamics: " + in.description() + "; optimizer " + describe(opt));
        out.flush();
        DynamicsStudy.Result r = DynamicsStudy.run(new DynamicsStudy.Config(in.spectrum(), opt, p, d, t, budget.values(),
                simulate, dataOptions.seed), new ConsoleProgress(System.err));
        print(out, in, r);
        if (json != null) {
            Outputs.writeJson(json, json(in, r));
        }
        if (csv != null) {
            writeCsv(csv, r);
        }
        if (plotFiles != null) {
            DynamicsPlots.lossVsTime(plotFiles[0], r);
            DynamicsPlots.finalLoss(plotFiles[1], r);
            DynamicsPlots.frontier(plotFiles[2], r);
        }
    }

    /** Range checks and options that the chosen input or optimizer would ignore, before any work. */
    private void requireValidOptions(boolean synthetic) {
        Set<String> matched = new HashSet<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(o -> matched.add(o.longestName()));
        Set<String> foreign = synthetic ? DATA_ONLY : SYNTHETIC_ONLY;
        for (String name : matched) {
            if (foreign.contains(name)) {
                throw new UsageException(name + (synthetic
                        ? " does not apply to the synthetic power laws of --a/--b: drop " + name + " or --a/--b"
                        : " sets a synthetic spectrum; with data the modes are the kernel's eigenvalues: drop " + name));
            }
        }
        String name = optimizer.toLowerCase(Locale.ROOT);
        if (!Set.of("flow", "gd", "momentum", "sgd").contains(name)) {
            throw new UsageException("--optimizer must be flow, gd, momentum or sgd, got '" + optimizer + "'");
        }
        if (matched.contains("--lr") && name.equals("flow")) {
            throw new UsageException("--lr sets the learning rate of gd, momentum or sgd; gradient flow has none");
        }
        if (matched.contains("--momentum") && !name.equals("momentum")) {
            throw new UsageException("--momentum applies to --optimizer momentum only");
        }
        if (matched.contains("--batch") && !name.equals("sgd")) {
            throw new UsageException("--batch applies to --optimizer sgd only");
        }
        if (lr != null) {
            OptionRanges.finiteAbove("--lr", lr, 0, true, "a learning rate");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UsageException("--momentum must be in [0, 1), got " + momentum);
        }
        OptionRanges.within("--batch", batch, 1, 1_000_000, "samples per step");
        OptionRanges.within("--simulate", simulate, 0, MAX_DRAWS, "draws per point, 0 for theory only");
        if (modes != null) {
            OptionRanges.within("--modes", modes, 2, MAX_MODES, "modes of the synthetic spectrum");
        }
    }

    private Inputs synthetic() {
        if (a == null || b == null) {
            throw new UsageException("a synthetic spectrum needs both --a and --b (task power k^-a, eigenvalues k^-b)");
        }
        int m = modes == null ? DEFAULT_MODES : modes;
        ModeSpectrum spectrum;
        BottleneckLaws laws;
        try {
            spectrum = ModeSpectrum.powerLaw(a, b, m);
            laws = new BottleneckLaws(a, b);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("exponent a", "exponent --a").replace("exponent b", "exponent --b"));
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "synthetic");
        j.put("a", a);
        j.put("b", b);
        j.put("modes", m);
        return new Inputs(spectrum, PredictedExponents.exact(laws), String.format(Locale.ROOT,
                "synthetic power laws a = %s, b = %s (eigenvalues k^-b, task power k^-a, M = %d modes)", num(a), num(b), m),
                j, List.of());
    }

    private Inputs fromData() {
        Dataset data = dataOptions.load();
        Architecture architecture = architectureOptions.architecture();
        int n = data.points().numRows;
        Optional<String> denseProblem = Kernels.denseProblem(n);
        if (denseProblem.isPresent()) {
            throw new IllegalArgumentException("the " + n + " x " + n + " kernel and its eigenvectors do not fit ("
                    + denseProblem.get() + "): subsample with --n, or raise the heap (KSPEC_JAVA_OPTS=-Xmx16g)");
        }
        DMatrixRMaj gram = Kernels.gram(architecture, data.points(), kind, new ConsoleProgress(System.err));
        Target targetKind = target != null ? ChoiceNames.target(target)
                : data.targets().isPresent() ? Target.COLUMN : data.labels().isPresent() ? Target.LABELS : Target.TEACHER;
        String targetName = targetKind == Target.COLUMN && target != null ? target : targetKind.key();
        DMatrixRMaj targets = RegressionTargets.of(targetKind, data, gram, SeedStream.TARGETS.seed(dataOptions.seed));
        long bootstrapSeed = SeedStream.BOOTSTRAP.seed(dataOptions.seed);
        SpectrumAnalysis.Result analysis = SpectrumAnalysis.analyse(gram, targets,
                new SpectrumAnalysis.Options(0, FitWindow.auto(), 0, bootstrapSeed));
        double[] eigenvalues = analysis.spectrum().eigenvalues();
        double[] power = analysis.target().modePower();
        int kept = 0;
        while (kept < power.length && eigenvalues[kept] > EIGENVALUE_FLOOR * eigenvalues[0]) {
            kept++;
        }
        // time in units of 1/λ₁, so that times, budgets and learning rates mean the same as for λ₁ = 1 power laws
        double top = eigenvalues[0];
        double[] scaled = Arrays.stream(Arrays.copyOf(eigenvalues, kept)).map(v -> v / top).toArray();
        ModeSpectrum spectrum = ModeSpectrum.of(scaled, Arrays.copyOf(power, kept));
        PowerLawFit fit = analysis.fit();
        Estimate alpha = fit.alpha();
        double bValue = 1 + alpha.value();
        TaskPowerTail tail = TaskPowerTail.fit(power, targets.numCols, TAIL_REPLICATES, bootstrapSeed);
        // the propagation's draws: the next replicate of the bootstrap stream
        PredictedExponents exponents = PredictedExponents.propagated(tail, bValue, alpha.standardError(), PROPAGATION_DRAWS,
                SeedStream.replicate(bootstrapSeed, 1));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "b = 1 + alphaK   %8.4f  [%7.4f, %7.4f]  spectral fit i=%d..%d (%s, %s)%s", bValue,
                1 + alpha.lo(), 1 + alpha.hi(), fit.window().iMin(), fit.window().iMax(), fit.method().key(),
                alpha.interval().key(), fit.powerLaw() ? "" : "  not a clean power law: " + fit.reason()));
        lines.add(String.format(Locale.ROOT, "a (tail sum)     %8.4f  [%7.4f, %7.4f]  1 - C(k) over k=%d..%d, %s (%d)",
                tail.a().value(), tail.a().lo(), tail.a().hi(), tail.window().iMin(), tail.window().iMax(),
                tail.a().interval().key(), TAIL_REPLICATES));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "data");
        j.put("data", data.provenance());
        j.put("architecture", architecture.toString());
        j.put("kernel", kind.name().toLowerCase(Locale.ROOT));
        j.put("target", targetName);
        j.put("modes", kept);
        j.put("topEigenvalue", top);
        j.put("timeUnit", "1/topEigenvalue: eigenvalues of K/n divided by the largest");
        j.put("b", Map.of("value", bValue, "ci95", new double[] {1 + alpha.lo(), 1 + alpha.hi()},
                "standardError", alpha.standardError(), "window", new int[] {fit.window().iMin(), fit.window().iMax()},
                "method", fit.method().key(), "ciMethod", alpha.interval().key()));
        j.put("a", Map.of("value", tail.a().value(), "ci95", tail.a().ci95(), "standardError", tail.a().standardError(),
                "window", new int[] {tail.window().iMin(), tail.window().iMax()}, "method", "tail sum 1 - C(k)",
                "ciMethod", tail.a().interval().key()));
        return new Inputs(spectrum, exponents, String.format(Locale.ROOT,
                "%s, %s of %s, targets %s (%d columns); M = %d modes, eigenvalues of K/n over lambda1 = %.4g (time in units of 1/lambda1)",
                data, kind.name().toLowerCase(Locale.ROOT), architecture, targetName, targets.numCols, kept, top), j, lines);
    }

    private Optimizer optimizer(ModeSpectrum spectrum, double[] p, double[] d) {
        String name = optimizer.toLowerCase(Locale.ROOT);
        if (name.equals("flow")) {
            return new Optimizer.GradientFlow();
        }
        double edge = Math.max(new KappaEquation(spectrum, Sizes.of(p[0], d[0])).spectralEdge(),
                new KappaEquation(spectrum, Sizes.infiniteData(p[0])).spectralEdge());
        double rate = lr != null ? lr : 0.5 / edge;
        if (name.equals("sgd") && lr == null) {
            rate = Math.min(rate, batch / (2 * spectrum.trace()));
        }
        return switch (name) {
            case "gd" -> new Optimizer.GradientDescent(rate);
            case "momentum" -> new Optimizer.Momentum(rate, momentum);
            default -> new Optimizer.OnePassSgd(rate, batch);
        };
    }

    private static String describe(Optimizer opt) {
        if (opt instanceof Optimizer.GradientDescent gd) {
            return String.format(Locale.ROOT, "gd (learning rate %.4g; time in steps)", gd.learningRate());
        }
        if (opt instanceof Optimizer.Momentum mo) {
            return String.format(Locale.ROOT, "momentum (learning rate %.4g, momentum %.3g; time in steps)",
                    mo.learningRate(), mo.momentum());
        }
        if (opt instanceof Optimizer.OnePassSgd sgd) {
            return String.format(Locale.ROOT, "one-pass sgd (learning rate %.4g, batch %d, fresh data every step; time in steps)",
                    sgd.learningRate(), sgd.batch());
        }
        return "gradient flow";
    }

    private void print(PrintWriter out, Inputs in, DynamicsStudy.Result r) {
        for (String line : in.lines()) {
            out.println(line);
        }
        PredictedExponents e = in.exponents();
        out.println();
        out.printf("%-14s %8s  %-20s  %s%n", "exponent", "value", "95% interval", "law");
        row(out, "time", e.time(), "L ~ t^-(a-1)/b");
        row(out, "width", e.width(), "L ~ P^-min(a-1, 2b)");
        row(out, "data", e.data(), "L ~ D^-min(a-1, 2b)");
        row(out, "computeLoss", e.computeLoss(), "L* ~ C^-(a-1)m/(a-1+bm), C = P t");
        row(out, "computeWidth", e.computeWidth(), "P* ~ C^(a-1)/(a-1+bm)");
        row(out, "computeTime", e.computeTime(), "t* ~ C^bm/(a-1+bm)");
        out.println("interval: " + (e.time().interval() == IntervalMethod.NONE ? "exact (given a, b)"
                : e.time().interval().key() + " (a from its bootstrap over modes, b normal with the spectral fit's "
                + "standard error; " + PROPAGATION_DRAWS + " draws)"));
        out.println();
        frontier(out, "compute frontier from the theory's (t, P) sweep at D = inf", r.frontier());
        if (r.simulatedFrontier() != null) {
            frontier(out, "compute frontier from the simulator's (t, P) sweep at D = inf (" + r.config().draws() + " draws per point)",
                    r.simulatedFrontier());
        }
        out.println("final losses at t -> inf (theory): test / train");
        double[] ds = r.config().sizes();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%8s", "P \\ D"));
        for (double d : ds) {
            header.append(String.format(Locale.ROOT, " %19s", Sizes.format(d)));
        }
        out.println(header);
        int i = 0;
        for (double p : r.config().widths()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%8s", Sizes.format(p)));
            for (int k = 0; k < ds.length; k++) {
                Losses l = r.finalLosses().get(i++).losses();
                row.append(String.format(Locale.ROOT, " %9s/%-9s", num(l.test()), num(l.train())));
            }
            out.println(row);
        }
        out.println("(P = D is the interpolation peak: the expected test loss diverges)");
        out.println();
        DynamicsStudy.Curve first = r.curves().get(0);
        out.printf("test loss against %s at D = %s (theory%s)%n", r.config().optimizer().discrete() ? "steps" : "time",
                Sizes.format(first.sizes().data()), r.config().draws() > 0 ? "; simulation mean +- standard error" : "");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s", "t"));
        for (DynamicsStudy.Curve c : r.curves()) {
            head.append(String.format(Locale.ROOT, " %24s", "P = " + Sizes.format(c.sizes().width())));
        }
        out.println(head);
        for (int k = 0; k < first.times().length; k++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10s", num(first.times()[k])));
            for (DynamicsStudy.Curve c : r.curves()) {
                String cell = num(c.losses()[k].test());
                if (c.simulation() != null) {
                    MeanEstimate s = c.simulation().test()[k];
                    cell += String.format(Locale.ROOT, " (%s+-%s)", num(s.mean()), num(s.standardError()));
                }
                row.append(String.format(Locale.ROOT, " %24s", cell));
            }
            out.println(row);
        }
        if (!(r.config().optimizer() instanceof Optimizer.OnePassSgd)) {
            StringBuilder gap = new StringBuilder("train-test gap L - Lhat with data reuse at the last time:");
            for (DynamicsStudy.Curve c : r.curves()) {
                Losses l = c.losses()[c.losses().length - 1];
                gap.append(String.format(Locale.ROOT, "  P=%s %s", Sizes.format(c.sizes().width()), num(l.gap())));
            }
            out.println(gap);
        }
        out.println();
        PowerLawSlope early = r.widthGap().earlySlope();
        PowerLawSlope late = r.widthGap().lateSlope();
        out.printf(Locale.ROOT, "finite-width gap L(P, D=inf) - L(inf, inf): early (t = %s) ~ P^%.3f (1/P law: -1); "
                        + "late (t -> inf) ~ P^%.3f (law: -%.3f)%n", num(r.widthGap().earlyTime()), early.slope(), late.slope(),
                e.width().value());
        var dual = r.duality();
        out.printf(Locale.ROOT, "duality at %s, t = %s: mean-predictor bias %s = %s with P <-> D; test loss %s vs %s (not symmetric)%n",
                dual.sizes(), num(dual.time()), num(dual.bias()), num(dual.biasSwapped()), num(dual.losses().test()),
                num(dual.lossesSwapped().test()));
        out.println("conditions:");
        if (a != null) {
            for (String c : new BottleneckLaws(a, b).conditions()) {
                out.println("  " + c);
            }
        } else {
            out.println("  the laws assume power laws in eigenvalues and task power over the modes that matter; "
                    + "their exponents are the formulas at the fitted (a, b)");
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, Estimate x, String law) {
        out.printf(Locale.ROOT, "%-14s %8.4f  [%7.4f, %7.4f]  %s%n", name, x.value(), x.lo(), x.hi(), law);
    }

    private static void frontier(PrintWriter out, String title, ComputeFrontier f) {
        out.println(title + ":");
        out.printf("%14s %12s %12s %12s%n", "C", "P*", "t*", "L*");
        for (ComputeFrontier.Point pt : f.points()) {
            out.printf(Locale.ROOT, "%14s %12s %12s %12s%s%n", num(pt.budget()), num(pt.width()), num(pt.time()), num(pt.loss()),
                    pt.interior() ? "" : "  (optimum at the edge of the widths: left out of the fit)");
        }
        if (f.points().stream().filter(ComputeFrontier.Point::interior).count() >= 2) {
            out.printf(Locale.ROOT, "measured: L* ~ C^-%.4f, P* ~ C^%.4f, t* ~ C^%.4f%n%n", f.lossSlope().exponent(),
                    f.widthSlope().slope(), f.timeSlope().slope());
        } else {
            out.println("measured: fewer than two budgets have their optimum inside the widths; widen --widths or narrow --budget");
            out.println();
        }
    }

    private Map<String, Object> json(Inputs in, DynamicsStudy.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", in.json());
        Optimizer opt = r.config().optimizer();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", opt.name());
        o.put("timeUnit", opt.discrete() ? "steps" : "gradient-flow time");
        if (opt instanceof Optimizer.GradientDescent gd) {
            o.put("learningRate", gd.learningRate());
        } else if (opt instanceof Optimizer.Momentum mo) {
            o.put("learningRate", mo.learningRate());
            o.put("momentum", mo.momentum());
        } else if (opt instanceof Optimizer.OnePassSgd sgd) {
            o.put("learningRate", sgd.learningRate());
            o.put("batch", sgd.batch());
        }
        m.put("optimizer", o);
        PredictedExponents e = in.exponents();
        Map<String, Object> ex = new LinkedHashMap<>();
        ex.put("time", exponentJson(e.time(), "L ~ t^-(a-1)/b"));
        ex.put("width", exponentJson(e.width(), "L ~ P^-min(a-1,2b)"));
        ex.put("data", exponentJson(e.data(), "L ~ D^-min(a-1,2b)"));
        ex.put("computeLoss", exponentJson(e.computeLoss(), "L* ~ C^-(a-1)m/(a-1+bm), m = min(a-1,2b)"));
        ex.put("computeWidth", exponentJson(e.computeWidth(), "P* ~ C^(a-1)/(a-1+bm)"));
        ex.put("computeTime", exponentJson(e.computeTime(), "t* ~ C^bm/(a-1+bm)"));
        m.put("exponents", ex);
        List<Map<String, Object>> finals = new ArrayList<>();
        for (DynamicsStudy.FinalPoint f : r.finalLosses()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("width", f.width());
            row.put("data", f.data());
            row.put("test", finite(f.losses().test()));
            row.put("train", finite(f.losses().train()));
            if (Double.isInfinite(f.losses().test())) {
                row.put("note", "interpolation peak P = D: the expected test loss diverges");
            }
            finals.add(row);
        }
        m.put("finalLoss", finals);
        List<Map<String, Object>> curves = new ArrayList<>();
        for (DynamicsStudy.Curve c : r.curves()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("width", c.sizes().width());
            row.put("data", finite(c.sizes().data()));
            row.put("times", c.times());
            row.put("test", Arrays.stream(c.losses()).map(l -> finite(l.test())).toList());
            row.put("train", Arrays.stream(c.losses()).map(l -> finite(l.train())).toList());
            row.put("bias", Arrays.stream(c.bias()).mapToObj(DynamicsCommand::finite).toList());
            if (c.simulation() != null) {
                Simulation s = c.simulation();
                Map<String, Object> sim = new LinkedHashMap<>();
                sim.put("draws", s.draws());
                sim.put("test", Arrays.stream(s.test()).map(x -> finite(x.mean())).toList());
                sim.put("testSE", Arrays.stream(s.test()).map(x -> finite(x.standardError())).toList());
                sim.put("train", Arrays.stream(s.train()).map(x -> finite(x.mean())).toList());
                sim.put("trainSE", Arrays.stream(s.train()).map(x -> finite(x.standardError())).toList());
                row.put("simulation", sim);
            }
            curves.add(row);
        }
        m.put("curves", curves);
        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("theory", frontierJson(r.frontier()));
        if (r.simulatedFrontier() != null) {
            fr.put("simulation", frontierJson(r.simulatedFrontier()));
        }
        m.put("frontier", fr);
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("widths", r.widthGap().widths());
        gap.put("earlyTime", r.widthGap().earlyTime());
        gap.put("early", r.widthGap().early());
        gap.put("late", r.widthGap().late());
        gap.put("earlySlope", r.widthGap().earlySlope().slope());
        gap.put("lateSlope", r.widthGap().lateSlope().slope());
        m.put("widthGap", gap);
        var dual = r.duality();
        Map<String, Object> du = new LinkedHashMap<>();
        du.put("width", dual.sizes().width());
        du.put("data", dual.sizes().data());
        du.put("time", dual.time());
        du.put("bias", dual.bias());
        du.put("biasSwapped", dual.biasSwapped());
        du.put("test", dual.losses().test());
        du.put("testSwapped", dual.lossesSwapped().test());
        m.put("duality", du);
        return m;
    }

    private static Map<String, Object> exponentJson(Estimate x, String law) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", x.value());
        m.put("ci95", x.ci95());
        m.put("standardError", x.standardError());
        m.put("law", law);
        m.put("ciMethod", x.interval().key());
        return m;
    }

    private static Map<String, Object> frontierJson(ComputeFrontier f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", f.points().stream().map(pt -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("budget", pt.budget());
            row.put("width", pt.width());
            row.put("time", pt.time());
            row.put("loss", pt.loss());
            row.put("interior", pt.interior());
            return row;
        }).toList());
        if (f.points().stream().filter(ComputeFrontier.Point::interior).count() >= 2) {
            m.put("computeLoss", slopeJson(f.lossSlope().exponent(), f.lossSlope()));
            m.put("computeWidth", slopeJson(f.widthSlope().slope(), f.widthSlope()));
            m.put("computeTime", slopeJson(f.timeSlope().slope(), f.timeSlope()));
        }
        return m;
    }

    private static Map<String, Object> slopeJson(double value, PowerLawSlope fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("standardError", finite(fit.standardError()));
        return m;
    }

    private static void writeCsv(Path file, DynamicsStudy.Result r) {
        List<double[]> rows = new ArrayList<>();
        for (DynamicsStudy.Curve c : r.curves()) {
            for (int k = 0; k < c.times().length; k++) {
                Simulation s = c.simulation();
                rows.add(new double[] {c.sizes().width(), c.sizes().data(), c.times()[k], c.losses()[k].test(),
                        c.losses()[k].train(), c.bias()[k],
                        s == null ? Double.NaN : s.test()[k].mean(), s == null ? Double.NaN : s.test()[k].standardError(),
                        s == null ? Double.NaN : s.train()[k].mean(), s == null ? Double.NaN : s.train()[k].standardError()});
            }
        }
        CsvWriter.write(file, List.of("width", "data", "time", "test", "train", "bias", "simTest", "simTestSE", "simTrain",
                "simTrainSE"), rows);
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    /** @return the value, or null (JSON null) when it is not finite */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Four significant digits, "inf" for infinity. */
    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
