package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.kernels.finite.RandomFeatures;
import kspec.core.stats.SeedStream;
import kspec.data.Dataset;
import kspec.scaling.DataScaling;
import kspec.scaling.LearningCurve;
import kspec.scaling.RegressionTargets;
import kspec.scaling.ScalingExponent;
import kspec.scaling.WidthScaling;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec curve}: one learning curve — test loss against the training-set size D (kernel
 * regression with the infinite-width kernel) or against the number of random features P (the
 * network's last hidden layer at finite width, trained on all non-test points) — with its fitted
 * exponent. The last {@code --test} points (after the seeded subset) are held out.
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
        Dataset data = dataOptions.load();
        int n = data.n();
        if (regression.testPoints >= n) {
            throw new IllegalArgumentException("--test " + regression.testPoints + " leaves no training points among " + n);
        }
        int[] train = IntStream.range(0, n - regression.testPoints).toArray();
        int[] test = IntStream.range(n - regression.testPoints, n).toArray();
        Architecture architecture = architectureOptions.architecture();
        DMatrixRMaj gram = null;
        if (axis.equals("data") || target.equals("teacher")) {
            gram = KernelBuilder.gram(architecture, data.points(), EnumSet.of(kind), new ConsoleProgress(System.err)).get(kind);
        }
        DMatrixRMaj y = RegressionTargets.of(target, data, gram, SeedStream.TARGETS.seed(dataOptions.seed));
        LearningCurve curve = switch (axis) {
            case "data" -> DataScaling.measure(new DataScaling.Problem(gram, train, test, y), sizes.values(), regression.seeds,
                    regression.ridge, dataOptions.seed, new ConsoleProgress(System.err));
            case "width" -> WidthScaling.measure((width, seed) -> RandomFeatures.features(architecture, data.points(), width, seed),
                    train, test, y, sizes.values(), regression.seeds, regression.ridge, dataOptions.seed,
                    new ConsoleProgress(System.err));
            default -> throw new IllegalArgumentException("--axis must be data or width, got '" + axis + "'");
        };
        ScalingExponent fit = ScalingExponent.fitAll(curve, dataOptions.seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s axis: %s, %s of %s, target %s, %d training / %d test points%n", axis, data, kind, architecture, target,
                train.length, test.length);
        double[] mean = curve.geometricMeanLoss();
        int[] x = curve.sizes();
        for (int i = 0; i < x.length; i++) {
            out.printf(Locale.ROOT, "  %s=%-6d loss %.5e%n", axis.equals("data") ? "D" : "P", x[i], mean[i]);
        }
        out.printf(Locale.ROOT, "alpha = %.4f  95%% [%.4f, %.4f]  r2 %.4f  %s%s%n", fit.value(), fit.ci95()[0], fit.ci95()[1], fit.r2(),
                fit.method(), fit.powerLaw() ? "" : "  NOT a clean power law: " + fit.reason());
        curve.solvers().forEach(note -> out.println("note: " + note));
        out.flush();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("axis", axis);
            m.put("data", data.provenance());
            m.put("sizes", x);
            m.put("geometricMeanLoss", mean);
            m.put("lossPerSeed", curve.losses());
            m.put("fit", fit);
            m.put("solverNotes", curve.solvers());
            Outputs.writeJson(json, m);
        }
    }
}
