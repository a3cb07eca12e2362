package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import kspec.core.stats.Estimate;
import kspec.data.Dataset;
import kspec.kernels.KernelKind;
import kspec.kernels.finite.RandomFeatures;
import kspec.scaling.Axis;
import kspec.scaling.CurveConfig;
import kspec.scaling.CurveReport;
import kspec.scaling.LearningCurve;
import kspec.scaling.Scaling;
import kspec.scaling.ScalingExponent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec curve}: one learning curve — test loss against the training-set size D (kernel
 * regression with the infinite-width kernel) or against the number of random features P (the
 * network's last hidden layer at finite width, trained on all non-test points) — with its fitted
 * exponent ({@link Scaling#curve}). {@code --test} points are held out by the seeded split of the
 * duality run, so a curve and a duality run with the same seed and sizes measure the same thing.
 */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Measure L(D) (--axis data) or L(P) (--axis width) with seeds and fit its exponent.")
final class CurveCommand implements Runnable {

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArchitectureOptions architectureOptions;

    @Option(names = "--axis", paramLabel = "data|width", defaultValue = "data", description = "Resource to scale (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--kind", paramLabel = "nngp|ntk", defaultValue = "nngp", converter = SpectrumCommand.SingleKindConverter.class,
            description = "Kernel of the data axis and of the GP teacher (default: ${DEFAULT-VALUE}).")
    KernelKind kind;

    @Option(names = "--target", paramLabel = "teacher|labels|COLUMN", defaultValue = "teacher",
            description = "GP teacher, one-hot centred labels, or the data's target column (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--sizes", paramLabel = "LO:HI", defaultValue = "16:512", converter = SizeRange.Converter.class,
            description = "D (data axis) or P (width axis), doubling (default: ${DEFAULT-VALUE}).")
    SizeRange sizes;

    @Mixin
    RegressionOptions regression;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the curve and fit as JSON.")
    Path json;

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
        Dataset data = dataOptions.load();
        Axis resource = ChoiceNames.axis(axis);
        CurveConfig config = new CurveConfig(architectureOptions.architecture(), kind, resource, ChoiceNames.target(target),
                regression.testPoints, sizes.values(), regression.seeds, regression.ridge, dataOptions.seed);
        if (resource == Axis.WIDTH) {
            RandomFeatures.requireMemory(config.architecture(), data.dim(), data.n(), IntStream.of(sizes.values()).max().orElseThrow());
        }
        CurveReport report = Scaling.curve(data, config, new ConsoleProgress(System.err));
        LearningCurve curve = report.curve();
        ScalingExponent fit = report.fit();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s axis: %s, %s of %s, target %s, %d training / %d test points%n", resource.key(), data, kind,
                config.architecture(), target, report.split().pool().length, report.split().test().length);
        double[] mean = curve.geometricMeanLoss();
        int[] x = curve.sizes();
        for (int i = 0; i < x.length; i++) {
            out.printf(Locale.ROOT, "  %s=%-6d loss %.5e%n", resource.symbol(), x[i], mean[i]);
        }
        Estimate alpha = fit.alpha();
        out.printf(Locale.ROOT, "alpha = %.4f  95%% [%.4f, %.4f]  r2 %.4f  %s%s%n", alpha.value(), alpha.lo(), alpha.hi(), fit.r2(),
                method(alpha), fit.powerLaw() ? "" : "  NOT a clean power law: " + fit.reason());
        curve.solvers().forEach(note -> out.println("note: " + note));
        out.flush();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("axis", resource.key());
            m.put("data", data.provenance());
            m.put("sizes", x);
            m.put("geometricMeanLoss", mean);
            m.put("lossPerSeed", curve.losses());
            m.put("fit", fitJson(fit));
            m.put("solverNotes", curve.solvers());
            Outputs.writeJson(json, m);
        }
    }

    /** @return the fit's method in words: log–log least squares with the interval's method, e.g. ols-loglog+bootstrap-seeds */
    private static String method(Estimate alpha) {
        return "ols-loglog+" + alpha.interval().key();
    }

    /** The JSON form of the fit: the keys of the former record, plus how the interval was made. */
    private static Map<String, Object> fitJson(ScalingExponent fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", fit.alpha().value());
        m.put("ci95", fit.alpha().ci95());
        m.put("stderr", fit.alpha().standardError());
        m.put("interval", fit.alpha().interval().key());
        m.put("r2", fit.r2());
        m.put("window", fit.window());
        m.put("method", method(fit.alpha()));
        m.put("powerLaw", fit.powerLaw());
        m.put("reason", fit.reason());
        return m;
    }
}
