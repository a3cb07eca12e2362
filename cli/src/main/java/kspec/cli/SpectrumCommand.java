package kspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kspec.core.stats.SeedStream;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelSpectrum;
import kspec.kernels.Kernels;
import kspec.data.Dataset;
import kspec.data.io.CsvWriter;
import kspec.data.io.NpyReader;
import kspec.scaling.RegressionTargets;
import kspec.spectra.SpectrumAnalysis;
import kspec.spectra.eigen.Spectrum;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.PowerLawFit;
import kspec.spectra.fit.TargetSpectrum;
import kspec.spark.ClusterSession;
import kspec.spark.SparkKernelOperator;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code kspec spectrum}: the eigenvalues of a kernel (built from data, or a precomputed Gram
 * matrix), the decay exponent α_K with two estimators and an honest power-law verdict, and — when
 * the data carry labels or targets — the task-power exponent and the predicted α_D.
 *
 * <p>The dense or matrix-free path ({@code --matrix-free}, or automatically with {@code --top} when
 * the kernel does not fit) is chosen by {@link Kernels#spectrum}; the report says which was used.
 *
 * <p><b>On Spark</b> ({@code --spark MASTER} with {@code --top K}): the same top-K solve with a
 * {@link SparkKernelOperator}, every product one Spark job over group pairs of the points; the JSON
 * is the single-box run's, with {@code path} "spark" and the cluster layout under {@code spark}.
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Eigen-decompose the NNGP/NTK (or --gram K.npy) and fit the spectral decay exponent alphaK.")
final class SpectrumCommand implements Runnable {

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArchitectureOptions architectureOptions;

    @Option(names = "--kind", paramLabel = "nngp|ntk", defaultValue = "ntk", converter = SingleKindConverter.class,
            description = "Which kernel to build (default: ${DEFAULT-VALUE}).")
    KernelKind kind;

    @Option(names = "--gram", paramLabel = "K.npy",
            description = "Analyse this precomputed n × n kernel (e.g. from neural-tangents or 'kspec kernel') instead of building one.")
    Path gram;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0", description = "Only the K largest eigenvalues (default: all).")
    int top;

    @Option(names = "--matrix-free", description = {"Never store the n x n kernel: recompute it block pair by block pair on every "
            + "product and find the --top K eigenvalues by block Krylov. Needs --top; chosen automatically with --top "
            + "when the dense kernel would not fit the heap (or n > 46340)."})
    boolean matrixFree;

    @Option(names = "--spark", paramLabel = "MASTER", description = {"Compute the --top K eigenvalues on Apache Spark: "
            + "every product with the kernel is one Spark job (local[*] on this machine, or a cluster's master URL). "
            + "Needs Spark on the class path: ./kspec adds it, or spark-submit cli/target/kspec.jar."})
    String spark;

    @Option(names = "--fit", paramLabel = "auto|IMIN:IMAX", defaultValue = "auto", converter = WindowConverter.class,
            description = "Fit window in 1-based ranks, or auto (default).")
    FitWindow window;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "0",
            description = "Bootstrap replicates over data points for the 95%% interval (0 = regression interval; 200 recommended).")
    int bootstrap;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the spectrum and fits as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write rank, eigenvalue, local slope as CSV.")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot the spectrum with the fit and the local slope.")
    Path plot;

    @Spec
    CommandSpec spec;

    /** Most bootstrap replicates: a 95% percentile interval is settled long before. */
    static final int MAX_BOOTSTRAP = 10_000;

    /** The options that mean something for a stored kernel: everything else builds or reads data. */
    private static final Set<String> WITH_GRAM = Set.of("--gram", "--top", "--fit", "--bootstrap", "--json", "--csv",
            "--plot", "--seed", "--verbose");

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        requireValidPathOptions();
        outputs.inputs(dataOptions.inputFiles()).inputs(gram);
        json = outputs.declare("--json", json, true);
        csv = outputs.declare("--csv", csv, true);
        plot = outputs.declare("--plot", plot, false);
        String kindName;
        DMatrixRMaj targets = null;
        Map<String, Object> source = new LinkedHashMap<>();
        KernelSpectrum result;
        SpectrumAnalysis.Options options = new SpectrumAnalysis.Options(top, window, bootstrap,
                SeedStream.BOOTSTRAP.seed(dataOptions.seed));
        Map<String, Object> cluster = null;
        double solveSeconds = Double.NaN;
        if (spark != null) {
            Architecture architecture = architectureOptions.architecture();
            Dataset data = dataOptions.load();
            requireTopBelow(data.points().numRows);
            kindName = kind.name().toLowerCase(Locale.ROOT);
            targets = RegressionTargets.fromData(data);
            source.put("architecture", architecture.toString());
            source.put("data", data.provenance());
            try (ClusterSession session = ClusterSession.start(spark);
                 SparkKernelOperator op = session.kernelOperator(architecture, data.points(), kind)) {
                System.err.println("kspec: " + op + " on " + session.master());
                long t0 = System.nanoTime();
                SpectrumAnalysis.Result analysis = SpectrumAnalysis.analyse(op, targets, options);
                double seconds = (System.nanoTime() - t0) * 1e-9;
                result = new KernelSpectrum(analysis, new KernelSpectrum.MatrixFreeRun(op.layout().blockRows(),
                        op.entriesPerApplication(), op.applications()));
                cluster = new LinkedHashMap<>();
                cluster.put("master", session.master());
                cluster.put("groups", op.groupPairs().groups());
                cluster.put("tasksPerProduct", op.groupPairs().pairs());
                cluster.put("subBlockRows", op.layout().blockRows());
                cluster.put("placement", op.layout().placement().toString().toLowerCase(Locale.ROOT));
                cluster.put("blockProducts", op.applications());
                cluster.put("kernelEntriesPerProduct", op.entriesPerApplication());
                cluster.put("solveSeconds", seconds);
                cluster.put("converged", analysis.spectrum().converged());
            }
        } else if (gram != null) {
            DMatrixRMaj k = NpyReader.read(gram).asMatrix();
            requireTopBelow(k.numRows);
            kindName = "gram";
            source.put("gram", gram.toString());
            result = new KernelSpectrum(SpectrumAnalysis.analyse(k, targets, options), null);
        } else {
            Architecture architecture = architectureOptions.architecture();
            Dataset data = dataOptions.load();
            kindName = kind.name().toLowerCase(Locale.ROOT);
            targets = RegressionTargets.fromData(data);
            source.put("architecture", architecture.toString());
            source.put("data", data.provenance());
            requireTopBelow(data.points().numRows);
            long t0 = System.nanoTime();
            result = Kernels.spectrum(architecture, data.points(), kind, targets, options,
                    matrixFree ? KernelSpectrum.Route.MATRIX_FREE : KernelSpectrum.Route.AUTOMATIC, new ConsoleProgress(System.err));
            solveSeconds = (System.nanoTime() - t0) * 1e-9;
        }
        SpectrumAnalysis.Result analysis = result.analysis();
        print(spec.commandLine().getOut(), kindName, result, cluster);
        if (json != null) {
            Map<String, Object> report = json(kindName, analysis);
            report.put("path", cluster != null ? "spark" : result.dense() ? "dense" : "matrix-free");
            if (cluster != null) {
                report.put("spark", cluster);
            } else if (!result.dense()) {
                Map<String, Object> mf = new LinkedHashMap<>();
                mf.put("tileRows", result.matrixFree().tileRows());
                mf.put("blockProducts", result.matrixFree().products());
                mf.put("kernelEntriesPerProduct", result.matrixFree().entriesPerProduct());
                mf.put("solveSeconds", solveSeconds);
                mf.put("converged", analysis.spectrum().converged());
                report.put("matrixFree", mf);
            }
            report.put("source", source);
            Outputs.writeJson(json, report);
        }
        if (csv != null) {
            double[] eigs = analysis.spectrum().eigenvalues();
            double[] slope = analysis.localSlope();
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < eigs.length; i++) {
                rows.add(new double[] {i + 1, eigs[i], i < slope.length ? slope[i] : Double.NaN});
            }
            CsvWriter.write(csv, List.of("rank", "eigenvalue", "localSlope"), rows);
        }
        if (plot != null) {
            Plots.spectrum(plot, analysis);
        }
    }

    /** One clear error for option combinations the matrix-free path cannot serve. */
    private void requireTopBelow(int n) {
        if (top >= n) {
            throw new UsageException("--top " + top + " must be below the number of points n = " + n
                    + "; drop --top for the full spectrum");
        }
    }

    private void requireValidPathOptions() {
        OptionRanges.atLeast("--top", top, 0, "the number of largest eigenvalues, 0 for all");
        OptionRanges.within("--bootstrap", bootstrap, 0, MAX_BOOTSTRAP, "replicates, each one eigen-decomposition");
        if (gram != null) {
            spec.commandLine().getParseResult().matchedOptions().stream()
                    .map(OptionSpec::longestName)
                    .filter(name -> !WITH_GRAM.contains(name))
                    .findFirst()
                    .ifPresent(name -> {
                        throw new UsageException(name + " does not apply with --gram, which analyses a stored kernel "
                                + "instead of building one from data: drop " + name + " or --gram");
                    });
        }
        if (matrixFree && top < 1) {
            throw new UsageException("--matrix-free computes only the largest eigenvalues: add --top K (e.g. --top 100)");
        }
        if (spark != null) {
            if (top < 1) {
                throw new UsageException("--spark computes only the largest eigenvalues: add --top K (e.g. --top 10)");
            }
            if (bootstrap > 0) {
                throw new UsageException("--spark cannot be combined with --bootstrap, which resamples a stored kernel: "
                        + "drop one of them");
            }
            SparkSupport.requireAvailable();
        }
    }

    private static void print(PrintWriter out, String kind, KernelSpectrum result, Map<String, Object> cluster) {
        SpectrumAnalysis.Result r = result.analysis();
        Spectrum s = r.spectrum();
        out.printf("kernel      %s, n = %d, eigenvalues of K/n (%s), backend %s%n", kind, s.n(),
                s.normalization().toString().toLowerCase(Locale.ROOT), s.backend());
        String convergence = s.converged() ? "converged" : "NOT converged (eigenvalues are unconverged Ritz values)";
        if (cluster != null) {
            out.printf("path        spark (%s): kernel recomputed by %s tasks over %s groups (%s entries) per block "
                    + "product, %s block products, %s; a dense kernel would need %.2f GB%n", cluster.get("master"),
                    cluster.get("tasksPerProduct"), cluster.get("groups"), cluster.get("kernelEntriesPerProduct"),
                    cluster.get("blockProducts"), convergence, 8.0 * s.n() * s.n() / 1e9);
        } else if (result.dense()) {
            out.println("path        dense (the n x n kernel is stored)");
        } else {
            KernelSpectrum.MatrixFreeRun mf = result.matrixFree();
            out.printf("path        matrix-free: kernel recomputed in %d-row block pairs (%d entries) per block product, "
                    + "%d block products, %s; a dense kernel would need %.2f GB%n", mf.tileRows(), mf.entriesPerProduct(),
                    mf.products(), convergence, 8.0 * s.n() * s.n() / 1e9);
        }
        double[] e = s.eigenvalues();
        out.printf("spectrum    λ1 = %.4g, λ10 = %.4g, λ100 = %s; negative: %d (mass %.2e)%n", e[0],
                e[Math.min(9, e.length - 1)], e.length >= 100 ? String.format("%.4g", e[99]) : "n/a",
                s.negativeCount(), s.negativeMass());
        if (r.staircase().isStaircase()) {
            out.printf("staircase   %d plateaus (degenerate blocks, e.g. spherical harmonics): plateau fit used%n",
                    r.staircase().plateaus());
        }
        line(out, "alphaK", r.fit());
        line(out, "alphaK MLE", r.mleFit());
        if (!r.fitsAgree()) {
            out.println("warning     the least-squares and MLE intervals do not overlap: treat alphaK with suspicion");
        }
        if (r.target() != null) {
            if (Double.isNaN(r.predictedAlpha())) {
                out.printf("task power  a = %.3f  ->  no predicted alphaD: min(a-1, 2b) needs a > 1 (task power decaying faster than 1/k)%n",
                        r.taskExponent());
            } else {
                out.printf("task power  a = %.3f  ->  predicted alphaD = min(a-1, 2b) = %.3f (b = 1 + alphaK)%n",
                        r.taskExponent(), r.predictedAlpha());
            }
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, PowerLawFit f) {
        out.printf("%-11s %.4f  95%% [%.4f, %.4f]  window i=%d..%d  %s%s%n", label, f.alpha().value(), f.alpha().lo(),
                f.alpha().hi(), f.window().iMin(), f.window().iMax(), f.method().key(),
                f.powerLaw() ? "" : "  NOT a clean power law: " + f.reason());
    }

    private static Map<String, Object> json(String kind, SpectrumAnalysis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Spectrum s = r.spectrum();
        m.put("n", s.n());
        m.put("kind", kind);
        m.put("backend", s.backend());
        m.put("normalization", s.normalization().toString().toLowerCase(Locale.ROOT));
        m.put("eigenvalues", s.eigenvalues());
        m.put("negativeCount", s.negativeCount());
        m.put("negativeMass", s.negativeMass());
        m.put("residual", Double.isFinite(s.residual()) ? s.residual() : null);
        m.put("fit", fitJson(r.fit()));
        m.put("leastSquaresFit", fitJson(r.leastSquares()));
        m.put("mleFit", fitJson(r.mleFit()));
        m.put("fitsAgree", r.fitsAgree());
        m.put("staircase", r.staircase().isStaircase());
        m.put("localSlope", Arrays.stream(r.localSlope()).mapToObj(v -> Double.isFinite(v) ? v : null).toList());
        if (r.target() != null) {
            TargetSpectrum t = r.target();
            Map<String, Object> tp = new LinkedHashMap<>();
            tp.put("modePower", t.modePower());
            tp.put("cumulative", t.cumulative());
            tp.put("a", r.taskExponent());
            tp.put("predictedAlpha", Double.isNaN(r.predictedAlpha()) ? null : r.predictedAlpha());
            m.put("targetPower", tp);
        }
        return m;
    }

    /** The JSON form of a fit, with the keys of the spectrum issue. */
    static Map<String, Object> fitJson(PowerLawFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", f.alpha().value());
        m.put("slope", f.slope());
        m.put("ci95", f.alpha().ci95());
        m.put("window", new int[] {f.window().iMin(), f.window().iMax()});
        double r2 = f.diagnostics().r2();
        m.put("r2", Double.isFinite(r2) ? r2 : null);
        m.put("method", f.method().key());
        m.put("ciMethod", f.alpha().interval().key());
        m.put("powerLaw", f.powerLaw());
        m.put("reason", f.reason());
        return m;
    }

    /** Parses nngp|ntk (one kernel). */
    static final class SingleKindConverter implements ITypeConverter<KernelKind> {
        @Override
        public KernelKind convert(String value) {
            Set<KernelKind> kinds;
            try {
                kinds = KernelKind.parseSet(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (kinds.size() != 1) {
                throw new TypeConversionException("choose one kernel: nngp or ntk");
            }
            return kinds.iterator().next();
        }
    }

    /** Parses auto|IMIN:IMAX. */
    static final class WindowConverter implements ITypeConverter<FitWindow> {
        @Override
        public FitWindow convert(String value) {
            try {
                return FitWindow.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
