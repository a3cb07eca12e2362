package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import kspec.core.stats.SeedStream;
import kspec.data.Dataset;
import kspec.data.DatasetSummary;
import kspec.data.preprocess.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec info}: what a data set holds, as read — size, element type, value range, mean norm,
 * non-finite values, exact duplicate rows, labels — and, when preprocessing options are given, the
 * same figures after them.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a data set: n, dim, dtype, value range, mean norm, NaN/Inf count, duplicates, labels.")
final class InfoCommand implements Runnable {

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        outputs.inputs(dataOptions.inputFiles());
        json = outputs.declare("--json", json, true);
        Dataset raw = dataOptions.read();
        DatasetSummary before = DatasetSummary.of(raw);
        PrintWriter out = spec.commandLine().getOut();
        out.println("data        " + raw.provenance().source() + " (" + raw.provenance().format() + ")");
        print(out, before);

        Map<String, Object> report = summaryJson(before);
        report.put("name", raw.name());
        report.put("source", raw.provenance().source());
        report.put("format", raw.provenance().format());
        report.put("provenance", raw.provenance().steps());

        Preprocessing preprocessing = dataOptions.preprocessing();
        if (!preprocessing.equals(Preprocessing.none())) {
            Dataset processed = preprocessing.apply(raw, SeedStream.DATA.seed(dataOptions.seed));
            List<String> steps = processed.provenance().steps().subList(raw.provenance().steps().size(),
                    processed.provenance().steps().size());
            DatasetSummary after = DatasetSummary.of(processed);
            out.println();
            out.println("after preprocessing: " + String.join("; ", steps));
            print(out, after);
            report.put("preprocessing", steps);
            report.put("afterPreprocessing", summaryJson(after));
        }
        out.flush();
        if (json != null) {
            Outputs.writeJson(json, report);
        }
    }

    private static void print(PrintWriter out, DatasetSummary s) {
        out.printf("n           %d%n", s.n());
        out.printf("dim         %d%n", s.dim());
        out.printf("dtype       %s%n", s.dtype());
        out.printf("range       [%s, %s]%n", number(s.min()), number(s.max()));
        out.printf("mean norm   %s%n", number(s.meanNorm()));
        out.printf("non-finite  %d%n", s.nonFinite());
        out.printf("duplicates  %d%n", s.duplicates());
        out.printf("labels      %s%n", labels(s.labelCounts()));
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format("%.6g", v) : "n/a";
    }

    private static String labels(SortedMap<Integer, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.size() + " classes: " + counts.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static Map<String, Object> summaryJson(DatasetSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        m.put("dim", s.dim());
        m.put("dtype", s.dtype());
        m.put("min", finiteOrNull(s.min()));
        m.put("max", finiteOrNull(s.max()));
        m.put("meanNorm", finiteOrNull(s.meanNorm()));
        m.put("nonFinite", s.nonFinite());
        m.put("duplicates", s.duplicates());
        Map<String, Integer> labels = new LinkedHashMap<>();
        s.labelCounts().forEach((k, v) -> labels.put(Integer.toString(k), v));
        m.put("labels", s.labelCounts().isEmpty() ? null : labels);
        return m;
    }

    /** JSON has no NaN or Infinity: an undefined figure (e.g. the min of all-NaN data) is null. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
