package kspec.bench;

import java.util.concurrent.TimeUnit;
import kspec.core.progress.ProgressListener;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.simulation.FiniteModelSimulator;
import kspec.dynamics.simulation.Simulation;
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
 * One seeded draw of the exact simulator of the finite model, a = 1.5, b = 1.25, M modes: gradient
 * flow at D = n and P = n/2 with the losses at t = 10, 100 and ∞ (features D × M, the D × P product
 * ΨAᵀ on native BLAS, one P × P eigen-decomposition), and 100 steps of one-pass SGD (batch 8) at
 * P = n/4 by iteration. A draw costs O(DMP + P³) and the SGD O(steps·(B + P)·M).
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar DynamicsSimulatorBenchmark -f 1 -wi 1 -i 3 -p n=500,1000,2000 -p modes=3000,10000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DynamicsSimulatorBenchmark {

    @Param({"500", "1000"})
    public int n;

    @Param({"3000"})
    public int modes;

    private FiniteModelSimulator simulator;

    @Setup
    public void setUp() {
        simulator = new FiniteModelSimulator(ModeSpectrum.powerLaw(1.5, 1.25, modes));
    }

    @Benchmark
    public Simulation gradientFlowDraw() {
        return simulator.run(Sizes.of(n / 2.0, n), new Optimizer.GradientFlow(), new double[] {10, 100, Double.POSITIVE_INFINITY},
                1, 1, new int[0], ProgressListener.NONE);
    }

    @Benchmark
    public Simulation sgdHundredSteps() {
        return simulator.run(Sizes.infiniteData(n / 4.0), new Optimizer.OnePassSgd(0.1, 8), new double[] {100}, 1, 1, new int[0],
                ProgressListener.NONE);
    }
}
