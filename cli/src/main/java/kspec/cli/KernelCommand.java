package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelPair;
import kspec.kernels.KernelSummary;
import kspec.data.Dataset;
import kspec.data.io.NpyWriter;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec kernel}: builds the infinite-width NNGP and/or NTK Gram matrix of the data and writes
 * it as float64 NPY, with a one-screen summary.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Build the exact infinite-width NNGP/NTK Gram matrix K(X) (or K(test, X)) and write it as NPY.")
final class KernelCommand implements Runnable {

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArchitectureOptions architectureOptions;

    @Option(names = "--kind", paramLabel = "nngp|ntk|both", defaultValue = "ntk", converter = KindConverter.class,
            description = "Which kernel (default: ${DEFAULT-VALUE}); 'both' writes two files, OUT with .nngp/.ntk before the extension.")
    Set<KernelKind> kinds;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output NPY file.")
    Path out;

    @Option(names = "--test-data", paramLabel = "PATH|SPEC",
            description = "Write the cross kernel K(test, data) (rows: test points) instead of K(data).")
    String testData;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        Architecture architecture = architectureOptions.architecture();
        outputs.inputs(dataOptions.inputFiles()).inputs(testData == null ? null : Path.of(testData));
        Map<KernelKind, Path> files = new EnumMap<>(KernelKind.class);
        for (KernelKind kind : kinds) {
            Path file = kinds.size() == 1 ? out : withSuffix(out, "." + kind.name().toLowerCase(Locale.ROOT));
            files.put(kind, outputs.declare(kinds.size() == 1 ? "--out" : "--out (" + kind + ")", file, false));
        }
        json = outputs.declare("--json", json, true);
        Dataset data = dataOptions.load();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        KernelPair pair;
        Dataset test = null;
        if (testData == null) {
            pair = KernelBuilder.gram(architecture, data.points(), kinds, progress);
        } else {
            test = dataOptions.loadOther(testData);
            pair = KernelBuilder.cross(architecture, test.points(), data.points(), kinds, progress);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("architecture  " + architecture + "  (input kernel x.x'/d_in, d_in = " + data.dim() + ")");
        console.println("data          " + data + (test == null ? "" : "; test " + test));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("architecture", architecture.toString());
        report.put("data", data.provenance());
        report.put("buildSeconds", pair.seconds());
        for (KernelKind kind : kinds) {
            DMatrixRMaj k = pair.get(kind);
            Path file = kinds.size() == 1 ? out : withSuffix(out, "." + kind.name().toLowerCase(Locale.ROOT));
            NpyWriter.write(files.get(kind), k);
            KernelSummary summary = KernelSummary.of(k);
            console.printf("%-5s %d×%d  trace %.6g  diag [%.6g, %.6g]  symmetry error %s  -> %s%n",
                    kind, k.numRows, k.numCols, summary.trace(), summary.minDiagonal(), summary.maxDiagonal(),
                    test == null ? String.format("%.2e", summary.symmetryError()) : "n/a (cross kernel)", file);
            report.put(kind.name().toLowerCase(Locale.ROOT), summaryJson(summary, file, test == null));
        }
        console.printf("built in %.2f s%n", pair.seconds());
        console.flush();
        if (json != null) {
            Outputs.writeJson(json, report);
        }
    }

    /** The JSON form of a summary; a cross kernel has no symmetry error. */
    private static Map<String, Object> summaryJson(KernelSummary s, Path file, boolean symmetric) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("rows", s.rows());
        m.put("cols", s.cols());
        m.put("trace", s.trace());
        m.put("minDiagonal", s.minDiagonal());
        m.put("maxDiagonal", s.maxDiagonal());
        m.put("symmetryError", symmetric ? s.symmetryError() : null);
        return m;
    }

    /** {@code K.npy} + ".ntk" → {@code K.ntk.npy}. */
    static Path withSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return file.resolveSibling(renamed);
    }

    /** Parses nngp|ntk|both. */
    static final class KindConverter implements ITypeConverter<Set<KernelKind>> {
        @Override
        public Set<KernelKind> convert(String value) {
            try {
                return KernelKind.parseSet(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
