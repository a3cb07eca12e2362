package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import kspec.core.stats.Estimate;
import kspec.data.Dataset;
import kspec.kernels.KernelKind;
import kspec.kernels.finite.RandomFeatures;
import kspec.scaling.Scaling;
import kspec.scaling.Target;
import kspec.scaling.duality.DualityConfig;
import kspec.scaling.duality.DualityReport;
import kspec.scaling.duality.Exponent;
import kspec.scaling.duality.PairVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec duality}: measures α_K, α_D and α_P, predicts α_D from the spectrum, and says — with
 * 95% intervals — whether the width–data duality holds. With no arguments it runs the built-in
 * default: 2,500 points uniform on S⁴ ⊂ R⁵, depth-2 ReLU NNGP, GP teacher.
 */
@Command(name = "duality", mixinStandardHelpOptions = true,
        description = "Measure alphaK, alphaD, alphaP and test the width-data duality (default: S^4, ReLU NNGP, GP teacher).")
final class DualityCommand implements Runnable {

    /** Points drawn from a synthetic manifold when --n is not given: 2,000 training + 500 test. */
    static final int DEFAULT_POINTS = 2500;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArchitectureOptions architectureOptions;

    @Option(names = "--kind", paramLabel = "nngp|ntk", defaultValue = "nngp", converter = SpectrumCommand.SingleKindConverter.class,
            description = "Student kernel (default: ${DEFAULT-VALUE}; alphaP is measured for nngp, whose random features are the width axis).")
    KernelKind kind;

    @Option(names = "--target", paramLabel = "teacher|labels", defaultValue = "teacher",
            description = "Targets: a GP teacher with the student's kernel, or the labels one-hot centred (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--sizes", paramLabel = "LO:HI", defaultValue = "16:1024", converter = SizeRange.Converter.class,
            description = "Training-set sizes D, doubling from LO to HI (default: ${DEFAULT-VALUE}).")
    SizeRange sizes;

    @Option(names = "--widths", paramLabel = "LO:HI", defaultValue = "8:256", converter = SizeRange.Converter.class,
            description = "Random-feature counts P, doubling (default: ${DEFAULT-VALUE}).")
    SizeRange widths;

    @Mixin
    RegressionOptions regression;

    @Option(names = "--grid", description = "Also measure the (D, P) grid of random-feature regression and its regime map (nngp).")
    boolean grid;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.md", description = "Write the report as Markdown.")
    Path report;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write duality.png and spectrum.png into DIR.")
    Path plots;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        regression.validate();
        outputs.inputs(dataOptions.inputFiles());
        json = outputs.declare("--json", json, true);
        report = outputs.declare("--report", report, true);
        Path dualityPlot = null;
        Path spectrumPlot = null;
        if (plots != null) {
            if (!Files.isDirectory(plots)) {
                throw new UsageException("--plots " + plots + " is not a directory; create it first, or give a directory");
            }
            dualityPlot = outputs.declare("--plots", plots.resolve("duality.png"), false);
            spectrumPlot = outputs.declare("--plots", plots.resolve("spectrum.png"), false);
        }
        if (dataOptions.n == null && dataOptions.isSynthetic()) {
            dataOptions.n = DEFAULT_POINTS;
        }
        Dataset data = dataOptions.load();
        regression.requireTrainingPoints(data.n());
        Target targets = ChoiceNames.target(target);
        if (targets == Target.COLUMN) {
            throw new UsageException("--target must be teacher or labels, got '" + target + "'");
        }
        DualityConfig config = new DualityConfig(architectureOptions.architecture(), kind, targets,
                regression.testPoints, sizes.values(), widths.values(), regression.seeds, regression.ridge, dataOptions.seed, grid);
        RandomFeatures.requireMemory(config.architecture(), data.dim(), data.n(), IntStream.of(widths.values()).max().orElseThrow());
        PrintWriter out = spec.commandLine().getOut();
        out.println("kspec duality: " + data + ", " + kind + " of " + config.architecture() + ", target " + config.target().key());
        out.flush();
        DualityReport r = Scaling.duality(data, config, new ConsoleProgress(System.err));
        out.print(DualityReports.table(r));
        out.flush();
        if (json != null) {
            Outputs.writeJson(json, DualityReports.json(r, data));
        }
        if (report != null) {
            Outputs.writeText(report, DualityReports.markdown(r, data));
        }
        if (plots != null) {
            Plots.duality(dualityPlot, r);
            Plots.spectrum(spectrumPlot, r.spectrum());
        }
    }

    /** One row of the exponent table. */
    static String row(Exponent e) {
        Estimate x = e.estimate();
        return String.format(Locale.ROOT, "%-15s %8.4f  [%7.4f, %7.4f]  %-14s %s%n", e.name(), x.value(), x.lo(), x.hi(),
                e.window(), e.powerLaw() ? "" : "not a clean power law: " + e.reason());
    }

    /** One row of the verdict table. */
    static String row(PairVerdict v) {
        Estimate d = v.difference();
        return String.format(Locale.ROOT, "%-28s %-13s diff %+.4f  [%+.4f, %+.4f]  %s%n", v.pair(), v.verdict().key(), d.value(),
                d.lo(), d.hi(), v.reason());
    }
}
