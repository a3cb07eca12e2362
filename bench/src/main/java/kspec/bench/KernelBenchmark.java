package kspec.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kspec.data.io.NpyWriter;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBuilder;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelPair;
import kspec.core.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Infinite-width kernel Gram builds K(X) of n seeded standard-normal points in R^784 (the MNIST input
 * dimension): {@code depth} × [Dense(√2, 0.05), act] + Dense(√2, 0.05), NTK parameterization, via
 * {@link KernelBuilder#gram} (one SYRK, then the fused tiled layer recursion on all cores).
 *
 * <p>HOW TO RUN (JMH): {@code java -jar bench/target/benchmarks.jar KernelBenchmark -f 1 -wi 1 -i 3
 * -p n=1000,2000 -p depth=3 -p activation=relu -p kind=ntk}
 *
 * <p>PEER COMPARISON (same inputs, same run): {@code java -Xmx8g -cp bench/target/benchmarks.jar
 * kspec.bench.KernelBenchmark 1000,2000,4000 [peer script] [workdir]} writes each input set to
 * {@code workdir/x<n>.npy}, times one kspec build (depth-3 ReLU NTK) after a warm-up, records the JVM
 * heap peak and process peak RSS, then runs {@code bench/peers/ntk_numpy.py} on the same file under
 * {@code /usr/bin/time -v} with {@code OPENBLAS_CORETYPE}/{@code OPENBLAS_L2_SIZE} removed from its
 * environment, and prints one line per n: seconds, ratio, peak memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class KernelBenchmark {

    private static final int D_IN = 784;
    private static final long SEED = 1234;

    @Param({"1000", "2000", "4000", "8000"})
    public int n;

    @Param({"1", "3"})
    public int depth;

    @Param({"relu", "erf"})
    public String activation;

    @Param({"nngp", "ntk"})
    public String kind;

    private DMatrixRMaj x;
    private Architecture architecture;
    private Set<KernelKind> kinds;

    @Setup
    public void setUp() {
        x = points(n);
        architecture = Architecture.simple(depth, activation, Math.sqrt(2), 0.05, null, null);
        kinds = KernelKind.parseSet(kind);
    }

    @Benchmark
    public KernelPair gram() {
        return KernelBuilder.gram(architecture, x, kinds, ProgressListener.NONE);
    }

    /** n × 784 standard normal points from {@code SplittableRandom(1234)}. */
    static DMatrixRMaj points(int n) {
        SplittableRandom rng = new SplittableRandom(SEED);
        DMatrixRMaj x = new DMatrixRMaj(n, D_IN);
        for (int e = 0; e < x.data.length; e++) {
            x.data[e] = rng.nextGaussian();
        }
        return x;
    }

    /**
     * Peer comparison with numpy on identical inputs; see the class comment.
     *
     * @param args sizes (comma-separated, default 1000,2000), peer script path, work directory
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String sizes = args.length > 0 ? args[0] : "1000,2000";
        String script = args.length > 1 ? args[1] : "bench/peers/ntk_numpy.py";
        Path work = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        Architecture arch = Architecture.simple(3, "relu", 1.4142, 0.05, null, null);
        Set<KernelKind> ntk = EnumSet.of(KernelKind.NTK);
        KernelBuilder.gram(arch, points(500), ntk, ProgressListener.NONE); // JIT warm-up
        System.out.println("# depth-3 ReLU NTK, d_in = 784, Dense(1.4142, 0.05), threads = " + KernelBuilder.threads());
        System.out.println("# n  kspec_s  numpy_s  kspec/numpy  kspec_heap_peak_MB  kspec_rss_peak_MB  numpy_rss_peak_MB  n^2*8_MB  trace_rel_diff");
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            DMatrixRMaj x = points(size);
            Path npy = work.resolve("x" + size + ".npy");
            NpyWriter.write(npy, x);
            System.gc();
            resetHeapPeaks();
            long t0 = System.nanoTime();
            KernelPair k = KernelBuilder.gram(arch, x, ntk, ProgressListener.NONE);
            double javaSeconds = (System.nanoTime() - t0) * 1e-9;
            double heapPeakMb = heapPeak() / 1e6;
            double javaTrace = 0;
            for (int i = 0; i < size; i++) {
                javaTrace += k.get(KernelKind.NTK).get(i, i);
            }
            k = null;
            Peer peer = runPeer(script, npy, work.resolve("peer" + size + ".json"));
            System.out.printf(Locale.ROOT, "%d  %.3f  %.3f  %.3f  %.1f  %.1f  %.1f  %.1f  %.1e%n", size, javaSeconds,
                    peer.seconds, javaSeconds / peer.seconds, heapPeakMb, vmHwmKb() / 1e3, peer.rssKb / 1e3,
                    size * (double) size * 8 / 1e6, Math.abs(javaTrace - peer.traceNtk) / peer.traceNtk);
            Files.deleteIfExists(npy);
        }
    }

    private record Peer(double seconds, double rssKb, double traceNtk) {
    }

    private static Peer runPeer(String script, Path npy, Path out) throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-v", "python3", script, "--points", npy.toString(),
                "--depth", "3", "--activation", "relu", "--w-std", "1.4142", "--b-std", "0.05", "--kind", "ntk",
                "--out", out.toString());
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("numpy peer failed:\n" + log);
        }
        double rss = Double.NaN;
        for (String line : log.split("\n")) {
            if (line.contains("Maximum resident set size")) {
                rss = Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).trim());
            }
        }
        String json = Files.readString(out);
        return new Peer(jsonNumber(json, "\"seconds\": ["), rss, jsonNumber(json, "\"trace_ntk\": "));
    }

    private static double jsonNumber(String json, String key) {
        int i = json.indexOf(key) + key.length();
        int j = i;
        while (j < json.length() && "0123456789.eE+-".indexOf(json.charAt(j)) >= 0) {
            j++;
        }
        return Double.parseDouble(json.substring(i, j));
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound on the simultaneous peak). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", ""));
            }
        }
        return Double.NaN;
    }
}
