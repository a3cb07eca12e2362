package kspec.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
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
 * The input Gram X·Xᵀ of n points in R^784 (the first step of every kernel build and of blocked
 * kNN), on the native SYRK path of {@link Blas#gram}.
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar BlasBenchmark -f 1 -wi 2 -i 3 -p n=1000,2000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlasBenchmark {

    @Param({"1000", "2000", "4000"})
    public int n;

    private DMatrixRMaj x;
    private DMatrixRMaj gram;

    @Setup
    public void setUp() {
        x = RandomMatrices_DDRM.rectangle(n, 784, 0, 1, new Random(1234));
        gram = new DMatrixRMaj(n, n);
    }

    @Benchmark
    public DMatrixRMaj inputGram() {
        Blas.gram(1.0 / 784, x, gram);
        return gram;
    }
}
