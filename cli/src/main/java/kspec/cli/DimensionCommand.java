package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kspec.core.stats.Estimate;
import kspec.data.Dataset;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.IntrinsicDimension;
import kspec.manifold.dimension.LevinaBickel;
import kspec.manifold.dimension.ScaleCurve;
import kspec.scaling.ScalingPrediction;
import kspec.manifold.dimension.TwoNn;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import kspec.spark.ClusterSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec dimension}: the intrinsic dimension of the data manifold by TwoNN, the harmonic
 * Levina–Bickel MLE, GRIDE and the correlation dimension, each with a 95% interval and the scale it
 * probes; optionally the estimate as a function of scale; and the exponents d predicts. With
 * {@code --spark MASTER} the exact k-nearest-neighbour search runs on Apache Spark (the estimators,
 * and the correlation dimension's own pair sample, stay on this machine).
 */
@Command(name = "dimension", mixinStandardHelpOptions = true,
        description = "Estimate the intrinsic dimension (TwoNN, MLE, GRIDE, correlation dimension) with error bars.")
final class DimensionCommand implements Runnable {

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--estimator", paramLabel = "twonn|mle|gride|corrint|all", defaultValue = "all",
            converter = MethodsConverter.class, description = "Estimators (default: ${DEFAULT-VALUE}).")
    Set<IntrinsicDimension.Method> methods;

    @Option(names = "--k", paramLabel = "KMIN:KMAX", defaultValue = "2:4",
            description = "Neighbour range of the MLE, averaged in inverse (MacKay-Ghahramani) form (default: ${DEFAULT-VALUE}).")
    String kRange;

    @Option(names = "--scale-curve", description = "Also estimate TwoNN under decimation and GRIDE over neighbour ranks.")
    boolean scaleCurve;

    @Option(names = "--spark", paramLabel = "MASTER", description = {"Run the exact k-nearest-neighbour search on Apache "
            + "Spark (local[*] on this machine, or a cluster's master URL). Needs Spark on the class path: ./kspec adds "
            + "it, or spark-submit cli/target/kspec.jar."})
    String spark;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the estimates as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot the scale curves (implies --scale-curve).")
    Path plot;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        outputs.inputs(dataOptions.inputFiles());
        json = outputs.declare("--json", json, true);
        plot = outputs.declare("--plot", plot, false);
        if (spark != null) {
            SparkSupport.requireAvailable();
        }
        Dataset data = dataOptions.load();
        IntrinsicDimension.Options options = IntrinsicDimension.Options.defaults().withMethods(methods)
                .withMle(mleRange(kRange));
        NeighborTable table;
        if (spark != null) {
            try (ClusterSession session = ClusterSession.start(spark)) {
                table = NearestNeighbors.search(data.points(), options.tableK(), options.policy(), session.neighbours(),
                        options.seed());
            }
        } else {
            table = IntrinsicDimension.neighbours(data.points(), options);
        }
        List<IdEstimate> estimates = IntrinsicDimension.fromTable(data.points(), table, options);
        List<ScaleCurve> curves = new ArrayList<>();
        if (scaleCurve || plot != null) {
            curves.add(ScaleCurve.twoNnDecimation(data.points(), table, 20, TwoNn.Options.defaults(), dataOptions.seed));
            curves.add(ScaleCurve.gride(table));
        }
        IdEstimate twoNn = estimates.stream().filter(e -> e.method() == IntrinsicDimension.Method.TWONN).findFirst()
                .orElse(null);

        PrintWriter out = spec.commandLine().getOut();
        out.printf("data        %s%n", data);
        out.printf("%-8s %9s  %-20s %10s  %s%n", "method", "dimension", "95% interval", "scale", "parameters");
        for (IdEstimate e : estimates) {
            Estimate d = e.dimension();
            out.printf(Locale.ROOT, "%-8s %9.3f  [%7.3f, %7.3f]  %10.4g  %s%s%n", e.method().key(), d.value(), d.lo(), d.hi(),
                    e.scale(), e.params(), e.dropped() > 0 ? "  (" + e.dropped() + " points dropped)" : "");
        }
        for (ScaleCurve c : curves) {
            out.printf("scale curve (%s):%n", c.method().key());
            for (IdEstimate e : c.estimates()) {
                Estimate d = e.dimension();
                out.printf(Locale.ROOT, "  scale %10.4g  d = %7.3f  [%7.3f, %7.3f]  %s%n", e.scale(), d.value(), d.lo(), d.hi(),
                        e.params());
            }
        }
        ScalingPrediction prediction = twoNn == null ? null : ScalingPrediction.from(twoNn);
        if (prediction != null) {
            Estimate fourOverD = prediction.fourOverD().exponent();
            out.printf(Locale.ROOT, "predicted   alphaD ~ 4/d = %.3f [%.3f, %.3f] (trained nets, resolution-limited); "
                    + "ReLU NTK alphaK = 1/d = %.3f, NNGP 3/d = %.3f (on a d-sphere)%n", fourOverD.value(),
                    fourOverD.lo(), fourOverD.hi(), prediction.reluNtkAlphaK().exponent().value(),
                    prediction.reluNngpAlphaK().exponent().value());
        }
        out.flush();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", data.n());
            m.put("ambientDim", data.dim());
            m.put("data", data.provenance());
            m.put("estimates", estimates.stream().map(DimensionCommand::estimateJson).toList());
            m.put("scaleCurves", curves.stream().map(DimensionCommand::curveJson).toList());
            m.put("predictedAlphaD", prediction == null ? null : prediction.fourOverD().exponent().value());
            m.put("predictions", prediction == null ? null : predictionsJson(prediction));
            Outputs.writeJson(json, m);
        }
        if (plot != null) {
            Plots.scaleCurves(plot, curves);
        }
    }

    /** The JSON form of an estimate: the keys scripts read, and how its interval was made. */
    private static Map<String, Object> estimateJson(IdEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", e.method().key());
        m.put("dimension", e.dimension().value());
        m.put("stderr", e.dimension().standardError());
        m.put("ci95", e.dimension().ci95());
        m.put("interval", e.dimension().interval().key());
        m.put("scale", e.scale());
        m.put("params", e.params());
        m.put("dropped", e.dropped());
        m.put("used", e.used());
        return m;
    }

    private static Map<String, Object> curveJson(ScaleCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", c.method().key());
        m.put("estimates", c.estimates().stream().map(DimensionCommand::estimateJson).toList());
        return m;
    }

    private static Map<String, Object> predictionsJson(ScalingPrediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", p.dimension());
        m.put("source", p.source().key());
        m.put("fourOverD", predictionJson(p.fourOverD()));
        m.put("reluNtkAlphaK", predictionJson(p.reluNtkAlphaK()));
        m.put("reluNngpAlphaK", predictionJson(p.reluNngpAlphaK()));
        return m;
    }

    private static Map<String, Object> predictionJson(ScalingPrediction.Prediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", p.label());
        m.put("value", p.exponent().value());
        m.put("stderr", p.exponent().standardError());
        m.put("lo", p.exponent().lo());
        m.put("hi", p.exponent().hi());
        return m;
    }

    private static LevinaBickel.Options mleRange(String text) {
        String[] parts = text.split(":");
        try {
            int lo = Integer.parseInt(parts[0].trim());
            int hi = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : lo;
            return new LevinaBickel.Options(lo, hi);
        } catch (IllegalArgumentException e) { // a NumberFormatException, or the range LevinaBickel refuses
            throw new UsageException("--k expects KMIN:KMAX, got '" + text + "' (" + ErrorMessages.oneLine(e) + ")");
        }
    }

    /** Parses twonn|mle|gride|corrint|all (comma-separated allowed). */
    static final class MethodsConverter implements ITypeConverter<Set<IntrinsicDimension.Method>> {
        @Override
        public Set<IntrinsicDimension.Method> convert(String value) {
            if (value.equalsIgnoreCase("all")) {
                return EnumSet.allOf(IntrinsicDimension.Method.class);
            }
            Set<IntrinsicDimension.Method> set = EnumSet.noneOf(IntrinsicDimension.Method.class);
            try {
                for (String part : value.split(",")) {
                    set.add(IntrinsicDimension.Method.parse(part));
                }
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return set;
        }
    }
}
