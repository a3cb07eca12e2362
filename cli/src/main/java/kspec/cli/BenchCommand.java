package kspec.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.core.progress.ProgressListener;
import kspec.manifold.dimension.LevinaBickel;
import kspec.manifold.dimension.TwoNn;
import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;
import kspec.scaling.DataScaling;
import kspec.scaling.GpTeacher;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kspec bench}: how long each stage takes on this machine as the problem grows, the fitted
 * complexity exponent (time ∝ n^c), and an extrapolation to a larger n. Inputs are synthetic points
 * uniform on S^(min(dim, 50) − 1), embedded in R^dim. This is a user's planning tool; the JMH
 * suite in {@code bench/} is the measurement of record.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time kernel build, eigenvalues, kNN+ID and a learning curve over sizes; fit time ~ n^c; extrapolate.")
final class BenchCommand implements Runnable {

    /** Points of the untimed warm-up pass (or fewer, if the smallest size is smaller). */
    static final int WARM_UP_POINTS = 500;

    /** The stages, in the order they run. */
    enum Stage { KERNEL, EIGEN, KNN, CURVE }

    @Option(names = "--sizes", paramLabel = "LO:HI", defaultValue = "500:2000", converter = SizeRange.Converter.class,
            description = "Problem sizes n, doubling (default: ${DEFAULT-VALUE}).")
    SizeRange sizes;

    @Option(names = "--stages", paramLabel = "LIST", defaultValue = "kernel,eigen,knn,curve", split = ",",
            description = "Stages (default: ${DEFAULT-VALUE}).")
    List<String> stageNames;

    @Option(names = "--dim", defaultValue = "784", description = "Ambient dimension of the synthetic points (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--predict", paramLabel = "N", description = "Extrapolate time and memory to this n.")
    Integer predict;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the measurements as JSON.")
    Path json;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the synthetic points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** One measured stage at one size. */
    record Measurement(Stage stage, int n, double wallSeconds, double cpuSeconds, double heapPeakMb) {
    }

    @Override
    public void run() {
        RunOutputs.run(spec, this::execute);
    }

    private void execute(RunOutputs outputs) {
        OptionRanges.atLeast("--dim", dim, 1, "the dimension of the synthetic points");
        if (predict != null) {
            OptionRanges.atLeast("--predict", predict, 1, "the size to extrapolate to");
        }
        json = outputs.declare("--json", json, true);
        int[] ns = Arrays.stream(sizes.values()).sorted().distinct().toArray();
        if (ns.length < 2) {
            throw new UsageException("--sizes gives " + ns.length + " distinct size; the complexity fit needs at least 2, "
                    + "e.g. --sizes 1000:8000");
        }
        List<Stage> stages = new ArrayList<>();
        for (String name : stageNames) {
            try {
                stages.add(Stage.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown stage '" + name + "'; use kernel, eigen, knn, curve");
            }
        }
        if (stages.stream().anyMatch(s -> s != Stage.KNN)) { // the kernel and its eigen working copy at the largest size
            KernelBuilder.requireMemory(ns[ns.length - 1], 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "machine: %d cores, max heap %.0f MB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, NativeBlas.describe());
        warmUp(stages, Math.min(ns[0], WARM_UP_POINTS));
        out.printf("%-7s %7s %10s %10s %12s%n", "stage", "n", "wall s", "cpu s", "heap peak MB");
        List<Measurement> all = new ArrayList<>();
        for (int n : ns) {
            DMatrixRMaj x = points(n);
            for (Stage stage : stages) {
                Measurement m = measure(stage, n, () -> work(stage, x));
                all.add(m);
                out.printf(Locale.ROOT, "%-7s %7d %10.3f %10.3f %12.1f%n", stage.name().toLowerCase(Locale.ROOT), n,
                        m.wallSeconds(), m.cpuSeconds(), m.heapPeakMb());
                out.flush();
            }
        }
        Map<String, Object> fits = new LinkedHashMap<>();
        out.printf("%ncomplexity (time ~ n^c, heap ~ n^m, fitted over n >= %d)%s%n", ns[ComplexityFit.firstFitted(ns.length)],
                predict == null ? "" : ", extrapolated to n = " + predict);
        for (Stage stage : stages) {
            List<Measurement> ms = all.stream().filter(m -> m.stage() == stage).toList();
            int[] n = ms.stream().mapToInt(Measurement::n).toArray();
            ComplexityFit time = ComplexityFit.ofLargest(n, ms.stream().mapToDouble(Measurement::wallSeconds).toArray());
            ComplexityFit heap = ComplexityFit.ofLargest(n, ms.stream().mapToDouble(m -> Math.max(m.heapPeakMb(), 1e-3)).toArray());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("timeExponent", time.exponent());
            f.put("heapExponent", heap.exponent());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s c = %.2f  m = %.2f",
                    stage.name().toLowerCase(Locale.ROOT), time.exponent(), heap.exponent()));
            if (predict != null) {
                double seconds = time.predict(predict);
                double mb = heap.predict(predict);
                f.put("predictedSeconds", seconds);
                f.put("predictedHeapMb", mb);
                line.append(String.format(Locale.ROOT, "  ->  %.1f s, %.0f MB", seconds, mb));
                if (mb * 1e6 > Runtime.getRuntime().maxMemory()) {
                    line.append(String.format(Locale.ROOT, "  WARNING: exceeds the %.0f MB heap (raise -Xmx via KSPEC_JAVA_OPTS%s)",
                            Runtime.getRuntime().maxMemory() / 1e6, stage == Stage.EIGEN ? " or use --top" : ""));
                }
            }
            fits.put(stage.name().toLowerCase(Locale.ROOT), f);
            out.println(line);
        }
        out.flush();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cores", Runtime.getRuntime().availableProcessors());
            m.put("blas", NativeBlas.describe());
            m.put("java", System.getProperty("java.version"));
            m.put("measurements", all);
            m.put("fits", fits);
            Outputs.writeJson(json, m);
        }
    }

    /**
     * Runs every stage once, untimed, on a small problem, so that the first timed size measures
     * compiled code and loaded natives rather than class loading and the JIT, which would inflate
     * the smallest size and flatten the fitted exponents.
     */
    private void warmUp(List<Stage> stages, int n) {
        DMatrixRMaj x = points(n);
        for (Stage stage : stages) {
            work(stage, x);
        }
    }

    private DMatrixRMaj points(int n) {
        return SyntheticManifolds.sample(SyntheticSpec.parse("sphere:d=" + (Math.min(dim, 50) - 1) + ",ambient=" + dim), n, seed)
                .points();
    }

    private static Object work(Stage stage, DMatrixRMaj x) {
        Architecture relu = Architecture.simple(2, "relu", Math.sqrt(2), null, null, null);
        return switch (stage) {
            case KERNEL -> KernelBuilder.gram(relu, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE);
            case EIGEN -> Eigensolvers.symmetric(
                    KernelBuilder.gram(relu, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE).get(KernelKind.NTK),
                    EigenRequest.all());
            case KNN -> {
                NeighborTable t = NearestNeighbors.search(x, 20, DuplicatePolicy.DROP);
                yield List.of(TwoNn.estimate(t), LevinaBickel.estimate(t));
            }
            case CURVE -> {
                int n = x.numRows;
                DMatrixRMaj k = KernelBuilder.gram(relu, x, EnumSet.of(KernelKind.NTK), ProgressListener.NONE).get(KernelKind.NTK);
                int test = n / 5;
                int[] ds = IntStream.iterate(16, d -> d <= (n - test) / 2, d -> 2 * d).toArray();
                yield DataScaling.measure(new DataScaling.Problem(k, IntStream.range(test, n).toArray(),
                        IntStream.range(0, test).toArray(), GpTeacher.sample(k, 1, 1).targets()), ds, 1, 1e-8, 0,
                        ProgressListener.NONE);
            }
        };
    }

    /**
     * Runs {@code task} once, measuring wall time, process CPU time and the peak heap it reached. The
     * heap peak includes what was live before (the inputs, the JVM's own objects, not-yet-collected
     * garbage), so at small n the fitted heap exponent m underestimates the asymptotic one; a
     * baseline-subtracted peak is not reliable (young-generation timing can make it 0).
     */
    private static Measurement measure(Stage stage, int n, Supplier<Object> task) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Object result = task.get();
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
        if (result == null) {
            throw new IllegalStateException(stage + " produced nothing");
        }
        return new Measurement(stage, n, wall * 1e-9, cpu * 1e-9, peak);
    }
}
