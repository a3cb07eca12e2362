package kspec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import kspec.kernels.KernelOperator;
import kspec.core.progress.ProgressListener;
import kspec.data.io.NamedDatasets;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.eigen.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matrix-free depth-3 ReLU NTK ({@code 3 × [Dense(√2, 0.05), Relu] + Dense(√2, 0.05)}, NTK
 * parameterization) of n points in R^784 as a {@link KernelOperator}, never stored as n × n:
 * <ul>
 *   <li>{@code apply}: one block application Y ← K·V, V n × b (kernel entries recomputed: about
 *       n²/2 entries, n²·784 flops of inner products and 2n²b flops of products per call);</li>
 *   <li>{@code topK}: the top {@code freeK} eigenvalues of K/n by {@link Eigensolvers#topK} (block
 *       Krylov on the operator); prints the spectrum and, at tear-down, the peak RSS (VmHWM) against
 *       the n²·8 B a dense matrix would need.</li>
 * </ul>
 * Points ({@code data}): {@code synthetic} (default) — seeded Gaussian in R^784 with coordinate
 * variances ∝ 1/(c + 1), c = 0…783, scaled so the mean of x·x/784 is 1 (a decaying covariance
 * spectrum like images', so the top eigenvalues are not the 784-fold degenerate cluster an
 * isotropic sphere would give); or {@code fashion-mnist} — the first n training images, pixels/255
 * (needs the Debian package {@code dataset-fashion-mnist}).
 *
 * <p>HOW TO RUN (2 BLAS threads, inherited by the forked JVM, which gets -Xmx2g from {@code @Fork}; the
 * defaults are small so that the whole suite stays short):
 * <pre>
 * java -Dkspec.blas.threads=2 -jar bench/target/benchmarks.jar 'KernelOperatorBenchmark.apply' -f 1 -wi 1 -i 3
 * java -Dkspec.blas.threads=2 -jar bench/target/benchmarks.jar 'KernelOperatorBenchmark.topK' -f 1 -wi 0 -i 1 \
 *      -p freeN=50000 -p freeK=10 -p data=fashion-mnist
 * java -Dkspec.blas.threads=2 -jar bench/target/benchmarks.jar 'KernelOperatorBenchmark.apply' -f 1 -wi 0 -i 1 \
 *      -p n=50000 -p b=16 -p data=fashion-mnist
 * </pre>
 *
 * <p><b>Measured</b> 2026-11-22 on 2 cores shared with two other benchmark/test jobs (load average
 * 4–5), 2 BLAS threads, {@code -Xmx2g}, first 50,000 Fashion-MNIST images: {@code topK} top 10 in
 * 2031 s, 8 block products (b = 18, 191–307 s each, median 258 s), converged, residual 4.9e-11;
 * peak RSS (VmHWM) 2.04 GB where the dense n × n matrix alone would need 20.0 GB.
 * {@code apply} at n = 50,000, b = 16, single shot: 244 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class KernelOperatorBenchmark {

    private static final int D_IN = 784;
    private static final long SEED = 1234;
    /** From this n on, topK prints the wall time of every block product (long runs show their progress). */
    private static final int LOG_PRODUCTS_FROM = 10_000;
    private static final Architecture NTK3 = Architecture.simple(3, "relu", Math.sqrt(2), 0.05, null, null);

    /** One block application. */
    @State(Scope.Benchmark)
    public static class Apply {
        @Param({"2000", "4000"})
        public int n;

        @Param({"16", "64"})
        public int b;

        @Param("synthetic")
        public String data;

        KernelOperator op;
        DMatrixRMaj v;
        DMatrixRMaj y;

        @Setup
        public void setUp() {
            op = KernelOperator.of(NTK3, points(data, n), KernelKind.NTK, ProgressListener.NONE);
            SplittableRandom rng = new SplittableRandom(SEED + 1);
            v = new DMatrixRMaj(n, b);
            Arrays.setAll(v.data, i -> rng.nextGaussian());
            y = new DMatrixRMaj(n, b);
        }
    }

    /** A top-k solve; freeN/freeK as in EigenBenchmark.MatrixFree (so the smoke test's small values apply). */
    @State(Scope.Benchmark)
    public static class TopK {
        @Param("4000")
        public int freeN;

        @Param("10")
        public int freeK;

        @Param("synthetic")
        public String data;

        KernelOperator op;

        @Setup
        public void setUp() {
            op = KernelOperator.of(NTK3, points(data, freeN), KernelKind.NTK,
                    freeN >= LOG_PRODUCTS_FROM ? new ProductLog() : ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "# %s, workspace %.1f MB at block width %d%n", op,
                    op.workspaceBytes(freeK + Math.max(8, freeK / 5)) / 1e6, freeK + Math.max(8, freeK / 5));
        }

        @TearDown(Level.Trial)
        public void reportPeakMemory() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                    System.out.println("# KernelOperatorBenchmark.topK n = " + freeN + ": " + line.replaceAll("\\s+", " ")
                            + " (a dense n × n matrix would be " + (8L * freeN * freeN >> 20) + " MB); "
                            + op.applications() + " block applications in this trial");
                }
            }
        }
    }

    @Benchmark
    public DMatrixRMaj apply(Apply s) {
        s.op.apply(s.v, s.y);
        return s.y;
    }

    @Benchmark
    public Spectrum topK(TopK s) {
        Spectrum spectrum = Eigensolvers.topK(s.op, EigenRequest.top(s.freeK));
        System.out.println("# " + spectrum);
        return spectrum;
    }

    /** Prints "# block product i: t s" when each application finishes. */
    private static final class ProductLog implements ProgressListener {
        private long start;
        private int count;

        @Override
        public void start(String task, long total) {
            start = System.nanoTime();
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
            System.out.printf(Locale.ROOT, "# block product %d: %.1f s%n", ++count, (System.nanoTime() - start) * 1e-9);
        }
    }

    /** The points named by {@code data}: {@code synthetic} or {@code fashion-mnist} (see the class comment). */
    static DMatrixRMaj points(String data, int n) {
        return switch (data) {
            case "synthetic" -> synthetic(n);
            case "fashion-mnist" -> fashionMnist(n);
            default -> throw new IllegalArgumentException("data must be synthetic or fashion-mnist, got " + data);
        };
    }

    /** n × 784 Gaussian points, coordinate c with variance s²/(c + 1), s² = 784/H₇₈₄, from SplittableRandom(1234). */
    static DMatrixRMaj synthetic(int n) {
        double harmonic = 0;
        for (int c = 0; c < D_IN; c++) {
            harmonic += 1.0 / (c + 1);
        }
        double[] std = new double[D_IN];
        for (int c = 0; c < D_IN; c++) {
            std[c] = Math.sqrt(D_IN / harmonic / (c + 1));
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        DMatrixRMaj x = new DMatrixRMaj(n, D_IN);
        for (int e = 0; e < x.data.length; e++) {
            x.data[e] = std[e % D_IN] * rng.nextGaussian();
        }
        return x;
    }

    private static DMatrixRMaj fashionMnist(int n) {
        DMatrixRMaj all = NamedDatasets.load("fashion-mnist:train").points();
        if (n > all.numRows) {
            throw new IllegalArgumentException("Fashion-MNIST has " + all.numRows + " training images, asked for " + n);
        }
        DMatrixRMaj x = new DMatrixRMaj(n, all.numCols);
        for (int e = 0; e < x.data.length; e++) {
            x.data[e] = all.data[e] / 255.0;
        }
        return x;
    }
}
