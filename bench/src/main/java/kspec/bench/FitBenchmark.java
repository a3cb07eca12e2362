package kspec.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kspec.spectra.fit.ClausetMle;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.LogLogFits;
import kspec.spectra.fit.PowerLawFit;
import kspec.spectra.theory.LearningCurvePrediction;
import kspec.spectra.theory.LearningCurveTheory;
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
 * The per-replicate cost of a bootstrap (an automatic-window log–log fit and the Clauset MLE on a
 * spectrum of n eigenvalues) and the BCP learning-curve prediction on n modes for four D.
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar FitBenchmark -f 1 -wi 2 -i 3 -p n=2000,20000}
 *
 * <p>Smoke run ({@code -f 1 -wi 1 -i 1 -w 2s -r 2s}, 2 shared cores, so indicative only), ms/op at
 * n = 2000 / 20000: autoWindowLeastSquares 4.9 / 10.6, clausetMle 0.19 / 2.3, learningCurve 0.45 / 5.9.
 * A 200-replicate bootstrap thus spends ≈ 1–2 s in refits, far less than in the eigen-decompositions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitBenchmark {

    @Param({"2000", "20000"})
    public int n;

    private double[] spectrum;
    private int[] ds;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1234);
        spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = Math.pow(i + 1, -1.5) * Math.exp(0.01 * (rng.nextDouble() - 0.5));
        }
        Arrays.sort(spectrum);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = spectrum[i];
            spectrum[i] = spectrum[j];
            spectrum[j] = t;
        }
        ds = new int[] {n / 40, n / 20, n / 10, n / 5};
    }

    @Benchmark
    public PowerLawFit autoWindowLeastSquares() {
        return LogLogFits.leastSquares(spectrum, FitWindow.auto(), true);
    }

    @Benchmark
    public PowerLawFit clausetMle() {
        return ClausetMle.fit(spectrum);
    }

    @Benchmark
    public LearningCurvePrediction learningCurve() {
        return LearningCurveTheory.predict(spectrum, null, spectrum, ds, 0.0, 0.0);
    }
}
