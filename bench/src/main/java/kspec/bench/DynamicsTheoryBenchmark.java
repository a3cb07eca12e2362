package kspec.bench;

import java.util.concurrent.TimeUnit;
import kspec.core.progress.ProgressListener;
import kspec.dynamics.DynamicsStudy;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.theory.DynamicsTheory;
import kspec.dynamics.theory.FinalLosses;
import kspec.dynamics.theory.Losses;
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
 * The dynamical-model theory on a power-law spectrum (a = 1.5, b = 1.25) of M modes: one t → ∞
 * closed form, one transfer function H_k(t) for all modes (32-node Talbot, κ by continuation), one
 * test-and-training-loss point from the two-frequency system (18-node Talbot), one D = ∞ loss point
 * (the one-frequency form), and the default {@code kspec dynamics} study (7 × 7 final grid, 7 curves
 * of 17 times, an 11-budget frontier). Every cost is linear in M.
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar DynamicsTheoryBenchmark -f 1 -wi 1 -i 3 -p modes=10000,100000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DynamicsTheoryBenchmark {

    @Param({"10000", "100000"})
    public int modes;

    private ModeSpectrum spectrum;
    private DynamicsTheory theory;
    private final Sizes sizes = Sizes.of(256, 1024);
    private final Optimizer.GradientFlow flow = new Optimizer.GradientFlow();

    @Setup
    public void setUp() {
        spectrum = ModeSpectrum.powerLaw(1.5, 1.25, modes);
        theory = new DynamicsTheory(spectrum);
    }

    @Benchmark
    public Losses finalLosses() {
        return FinalLosses.of(spectrum, sizes);
    }

    @Benchmark
    public double[] transferAllModes() {
        return theory.transfer(sizes, flow, 100);
    }

    @Benchmark
    public Losses lossPoint() {
        return theory.losses(sizes, flow, 100);
    }

    @Benchmark
    public Losses infiniteDataLossPoint() {
        return theory.losses(Sizes.infiniteData(256), flow, 100);
    }

    @Benchmark
    public DynamicsStudy.Result defaultStudy() {
        double[] ladder = {16, 32, 64, 128, 256, 512, 1024};
        double[] times = new double[17];
        for (int i = 0; i < times.length; i++) {
            times[i] = Math.pow(2, i);
        }
        double[] budgets = new double[10];
        for (int i = 0; i < budgets.length; i++) {
            budgets[i] = 1000 * Math.pow(2, i);
        }
        return DynamicsStudy.run(new DynamicsStudy.Config(spectrum, flow, ladder, ladder, times, budgets, 0, 1),
                ProgressListener.NONE);
    }
}
