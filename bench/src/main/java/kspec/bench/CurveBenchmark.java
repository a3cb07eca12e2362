package kspec.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import kspec.scaling.DataScaling;
import kspec.scaling.GpTeacher;
import kspec.scaling.LearningCurve;
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
 * The learning-curve inner loop: one seed of L(D) for D = 16, 32, …, n/2 on a pool of n points and
 * 500 test points — gather, one Cholesky of the largest training kernel, triangular solves for every
 * nested prefix, predictions. The peer ({@code bench/peers/curve_numpy.py}) does what a user would
 * write: a fresh {@code scipy.linalg.cho_factor}/{@code cho_solve} per D on the same kind of matrix
 * (an RBF kernel of Gaussian points in R^50; timings do not depend on the values).
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar CurveBenchmark -f 1 -wi 1 -i 3 -p n=2000,4000}
 * and {@code env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peers/curve_numpy.py 2000 4000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CurveBenchmark {

    private static final int TEST = 500;

    @Param({"2000", "4000"})
    public int n;

    private DataScaling.Problem problem;
    private int[] sizes;

    @Setup
    public void setUp() {
        int total = n + TEST;
        SplittableRandom rng = new SplittableRandom(1234);
        double[][] x = new double[total][50];
        for (double[] row : x) {
            for (int c = 0; c < 50; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(total, total);
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < total; j++) {
                double d2 = 0;
                for (int c = 0; c < 50; c++) {
                    double d = x[i][c] - x[j][c];
                    d2 += d * d;
                }
                gram.set(i, j, Math.exp(-d2 / 100));
            }
        }
        DMatrixRMaj targets = GpTeacher.sample(gram, 1, 7).targets();
        problem = new DataScaling.Problem(gram, IntStream.range(0, n).toArray(), IntStream.range(n, total).toArray(), targets);
        sizes = IntStream.iterate(16, s -> s <= n / 2, s -> 2 * s).toArray();
    }

    @Benchmark
    public LearningCurve nestedSubsets() {
        return DataScaling.measure(problem, sizes, 1, 1e-8, 5, ProgressListener.NONE);
    }
}
