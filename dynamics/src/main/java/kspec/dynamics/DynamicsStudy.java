package kspec.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kspec.core.progress.ProgressListener;
import kspec.dynamics.laws.ComputeFrontier;
import kspec.dynamics.laws.DualityCheck;
import kspec.dynamics.laws.FiniteWidthGap;
import kspec.dynamics.simulation.FiniteModelSimulator;
import kspec.dynamics.simulation.Simulation;
import kspec.dynamics.theory.DynamicsTheory;
import kspec.dynamics.theory.FinalLosses;
import kspec.dynamics.theory.Losses;

/**
 * Everything the dynamical model says about one spectrum on a grid of widths, data sizes, times
 * and compute budgets, with the exact simulation beside it on request:
 * <ul>
 * <li>the t → ∞ test and training losses on the (P, D) grid (closed forms);</li>
 * <li>loss curves L(t), L̂(t) and the mean-predictor bias B(t) for every width at the largest data
 *   size (D = ∞ for one-pass SGD), and the simulated curves with standard errors;</li>
 * <li>the compute-optimal frontier at D = ∞ from the theory on a grid of four widths per octave
 *   between the smallest and largest width, and from the simulator on the given widths;</li>
 * <li>the finite-width gap at D = ∞ (early, at t = 0.1/λ<sub>1</sub>, and at t → ∞) over the widths;</li>
 * <li>the duality check at the smallest width and largest data size and its swap, at the last time
 *   (for one-pass SGD, which has no data axis, gradient flow at the equivalent time η·n).</li>
 * </ul>
 * Widths and data sizes are the model's P and D (the paper's N and P). The simulated curves of
 * different widths share their seed (common random numbers), which makes their differences
 * steadier than their levels.
 */
public final class DynamicsStudy {

    /** Widths per octave of the theory's frontier grid. */
    public static final int FRONTIER_WIDTHS_PER_OCTAVE = 4;

    private DynamicsStudy() {
    }

    /**
     * What to compute.
     *
     * @param spectrum  the modes
     * @param optimizer how the model is trained
     * @param widths    finite widths P, ascending, at least 2
     * @param sizes     finite data sizes D, ascending, at least 1
     * @param times     times t &gt; 0 (whole steps for discrete optimizers), ascending
     * @param budgets   compute budgets C = P·t, ascending
     * @param draws     simulated draws per point, 0 for theory only
     * @param seed      seed of the simulation
     */
    public record Config(ModeSpectrum spectrum, Optimizer optimizer, double[] widths, double[] sizes, double[] times,
                         double[] budgets, int draws, long seed) {

        public Config {
            Objects.requireNonNull(spectrum, "spectrum");
            Objects.requireNonNull(optimizer, "optimizer");
            widths = ascending("widths", widths, 2);
            sizes = ascending("data sizes", sizes, 1);
            times = ascending("times", times, 1);
            budgets = ascending("budgets", budgets, 1);
            for (double[] grid : new double[][] {widths, sizes}) {
                for (double v : grid) {
                    if (!(v >= 1) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException("widths and data sizes must be finite and >= 1, got " + v);
                    }
                }
            }
            for (double t : times) {
                if (!(t > 0) || Double.isInfinite(t) || (optimizer.discrete() && t != Math.rint(t))) {
                    throw new IllegalArgumentException("time " + t + " is not " + (optimizer.discrete()
                            ? "a whole number of steps >= 1" : "a finite flow time > 0"));
                }
            }
            if (draws < 0) {
                throw new IllegalArgumentException("draws = " + draws + "; use 0 for theory only");
            }
        }

        private static double[] ascending(String name, double[] values, int minimum) {
            if (values == null || values.length < minimum) {
                throw new IllegalArgumentException("need at least " + minimum + " " + name + ", got "
                        + (values == null ? 0 : values.length));
            }
            double[] v = values.clone();
            Arrays.sort(v);
            return v;
        }
    }

    /**
     * One point of the final-loss grid.
     *
     * @param width  P
     * @param data   D
     * @param losses L(∞) (+∞ at P = D) and L̂(∞)
     */
    public record FinalPoint(double width, double data, Losses losses) {
    }

    /**
     * One loss curve.
     *
     * @param sizes      (P, D) of the curve
     * @param times      its times
     * @param losses     theory at each time
     * @param bias       B(t), the loss of the predictor averaged over projections and data sets
     * @param simulation the simulated curve, or null
     */
    public record Curve(Sizes sizes, double[] times, Losses[] losses, double[] bias, Simulation simulation) {
    }

    /**
     * The result.
     *
     * @param config             what was computed
     * @param finalLosses        the (P, D) grid at t → ∞, widths outer, sizes inner
     * @param curves             one curve per width
     * @param frontier           the theory's compute frontier at D = ∞
     * @param simulatedFrontier  the simulator's, or null
     * @param widthGap           the finite-width gap
     * @param duality            the duality check
     */
    public record Result(Config config, List<FinalPoint> finalLosses, List<Curve> curves, ComputeFrontier frontier,
                         ComputeFrontier simulatedFrontier, FiniteWidthGap widthGap, DualityCheck duality) {
    }

    /**
     * @param config   what to compute
     * @param progress told of simulation progress
     */
    public static Result run(Config config, ProgressListener progress) {
        ModeSpectrum spectrum = config.spectrum();
        DynamicsTheory theory = new DynamicsTheory(spectrum);
        Optimizer optimizer = config.optimizer();
        List<FinalPoint> finals = new ArrayList<>();
        for (double p : config.widths()) {
            for (double d : config.sizes()) {
                finals.add(new FinalPoint(p, d, FinalLosses.of(spectrum, Sizes.of(p, d))));
            }
        }
        boolean onePass = optimizer instanceof Optimizer.OnePassSgd;
        double curveData = onePass ? Double.POSITIVE_INFINITY : config.sizes()[config.sizes().length - 1];
        FiniteModelSimulator simulator = new FiniteModelSimulator(spectrum);
        List<Curve> curves = new ArrayList<>();
        for (double p : config.widths()) {
            Sizes sizes = Sizes.of(p, curveData);
            double[] times = config.times();
            Losses[] losses = new Losses[times.length];
            double[] bias = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                losses[i] = theory.losses(sizes, optimizer, times[i]);
                bias[i] = optimizer instanceof Optimizer.FullBatch fullBatch
                        ? theory.meanPredictorBias(sizes, fullBatch, times[i]) : Double.NaN;
            }
            Simulation sim = config.draws() > 0
                    ? simulator.run(sizes, optimizer, times, config.draws(), config.seed(), new int[0], progress)
                    : null;
            curves.add(new Curve(sizes, times, losses, bias, sim));
        }
        ComputeFrontier.LossSurface theorySurface = (t, p) ->
                theory.losses(Sizes.infiniteData(p), optimizer, optimizer.discrete() ? Math.max(1, Math.rint(t)) : t).test();
        double[] widths = config.widths();
        ComputeFrontier frontier = ComputeFrontier.measure(config.budgets(), frontierGrid(widths[0], widths[widths.length - 1]),
                theorySurface);
        ComputeFrontier simulated = null;
        if (config.draws() > 0 && widths.length >= 3) {
            simulated = ComputeFrontier.measure(config.budgets(), widths, (t, p) -> simulator.run(Sizes.infiniteData(p), optimizer,
                    new double[] {optimizer.discrete() ? Math.max(1, Math.rint(t)) : t}, config.draws(), config.seed(),
                    new int[0], progress).test()[0].mean());
        }
        FiniteWidthGap gap = FiniteWidthGap.of(theory, widths, 0.1 / spectrum.eigenvalue(0));
        Optimizer.FullBatch dualityOptimizer = optimizer instanceof Optimizer.FullBatch fb ? fb : new Optimizer.GradientFlow();
        double dualityTime = onePass ? config.times()[config.times().length - 1] * ((Optimizer.OnePassSgd) optimizer).learningRate()
                : config.times()[config.times().length - 1];
        DualityCheck duality = DualityCheck.of(theory, Sizes.of(widths[0], config.sizes()[config.sizes().length - 1]),
                dualityOptimizer, dualityTime);
        return new Result(config, List.copyOf(finals), List.copyOf(curves), frontier, simulated, gap, duality);
    }

    /** Four widths per octave from lo to hi (at least three). */
    static double[] frontierGrid(double lo, double hi) {
        int n = Math.max(3, (int) Math.round(Math.log(hi / lo) / Math.log(2) * FRONTIER_WIDTHS_PER_OCTAVE) + 1);
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
        }
        return grid;
    }
}
