package kspec.bench;

import java.util.concurrent.TimeUnit;
import kspec.core.linalg.NativeBlas;
import org.bytedeco.javacpp.DoublePointer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link NativeBlas#copyToNative}: a Java array copied into fresh native memory, as before every
 * dense eigen-decomposition, block Krylov solve on a stored matrix and kNN search, by one or two
 * threads. Each call allocates, so each call pays the first touch of fresh pages — the cost being
 * measured (large allocations are mapped from the kernel anew and returned on free).
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar NativeCopyBenchmark -f 1 -wi 1 -i 5 -p megabytes=512,3200}
 *
 * <p><b>Measured</b> 2026-11-23 on the 2-core VM (quiet): 1 GB, 991 ± 190 ms with one thread,
 * 554 ± 28 ms with two ({@code -p megabytes=1024}); 3.2 GB in a fresh process, outside JMH:
 * 10.7–15.9 s with one thread, 5.4–7.5 s with two. Into already-touched native memory the same
 * 3.2 GB copy takes 0.25 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class NativeCopyBenchmark {

    /** Size of the copy. */
    @Param("512")
    public int megabytes;

    /** Java threads filling the copy (the BLAS thread count, which copyToNative follows). */
    @Param({"1", "2"})
    public int copyThreads;

    private double[] source;
    private int threadsBefore;

    @Setup
    public void setUp() {
        source = new double[(int) ((long) megabytes * 1024 * 1024 / Double.BYTES)];
        for (int i = 0; i < source.length; i++) {
            source[i] = i;
        }
        threadsBefore = NativeBlas.threads();
        NativeBlas.setThreads(copyThreads);
    }

    @TearDown
    public void restoreThreads() {
        NativeBlas.setThreads(threadsBefore);
    }

    @Benchmark
    public double copyToNative() {
        try (DoublePointer p = NativeBlas.copyToNative(source, source.length)) {
            return p.get(source.length - 1);
        }
    }
}
