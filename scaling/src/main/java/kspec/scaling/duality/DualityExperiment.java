package kspec.scaling.duality;

import kspec.core.linalg.Submatrix;
import kspec.core.stats.Estimate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import kspec.kernels.KernelKind;
import kspec.core.ParameterException;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import kspec.kernels.SphericalHarmonicSpectrum;
import kspec.data.Dataset;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.IntrinsicDimension;
import kspec.scaling.Axis;
import kspec.scaling.ScalingPrediction;
import kspec.scaling.LearningCurve;
import kspec.scaling.LearningCurves;
import kspec.scaling.RegimeGrid;
import kspec.scaling.ScalingExponent;
import kspec.scaling.Target;
import kspec.spectra.SpectrumAnalysis;
import kspec.scaling.UniformSphere;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.PowerLawFit;
import kspec.spectra.fit.TargetSpectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * The duality test: does the data exponent α_D (kernel regression with the infinite-width kernel,
 * P = ∞ ≫ D) equal the width exponent α_P (random features of width P on D ≫ P points) and the
 * spectral exponent α_K, as Bahri et al. (2021, arXiv 2102.06701, eq. 3) predict for a GP teacher?
 * And does the Bordelon–Canatar–Pehlevan theory (arXiv 2002.02561) predict L(D) from the spectrum?
 *
 * <p>Steps: split the data into a training pool and a test set (seeded); build the kernel on all
 * points; draw the targets (a GP teacher with the same kernel, or the labels); analyse the pool's
 * spectrum (α_K, the task-power exponent a, predicted α = min(a − 1, 2b)); measure L(D) on nested
 * subsets and L(P) on nested random features; estimate the intrinsic dimension (TwoNN); compare.
 */
public final class DualityExperiment {

    private DualityExperiment() {
    }

    /**
     * @param data     the points (with labels for {@code target = labels}). Not modified.
     * @param progress receives the progress of each stage in turn: the kernel build, the spectrum, L(D), L(P), the
     *                 intrinsic dimension and the grid
     */
    public static DualityReport run(Dataset data, DualityConfig config, ProgressListener progress) {
        long t0 = System.nanoTime();
        int n = data.n();
        int poolSize = n - config.testPoints();
        int[] sizes = config.dataSizes();
        if (poolSize < sizes[sizes.length - 1]) {
            throw new ParameterException("largest training-set size " + sizes[sizes.length - 1] + " exceeds the pool of "
                    + poolSize + " points (" + n + " points minus " + config.testPoints() + " test points); lower "
                    + "{DualityConfig.dataSizes} or use more data", "DualityConfig.dataSizes");
        }
        long seed = config.seed();
        LearningCurves.Setup setup = LearningCurves.setup(data, config.architecture(), config.kind(), config.target(),
                config.testPoints(), true, seed, progress);
        int[] pool = setup.split().pool();
        int[] test = setup.split().test();
        DMatrixRMaj gram = setup.gram();
        DMatrixRMaj targets = setup.targets();

        DMatrixRMaj poolGram = Submatrix.of(gram, pool, pool);
        DMatrixRMaj poolTargets = Submatrix.rows(targets, pool);
        SpectrumAnalysis.Result spectrum = oneStep(progress, "spectrum: eigen-decomposition of the " + poolSize + "-point pool",
                () -> SpectrumAnalysis.analyse(poolGram, poolTargets, new SpectrumAnalysis.Options(0, FitWindow.auto(), 0,
                        SeedStream.BOOTSTRAP.seed(seed))));

        LearningCurve dataCurve = LearningCurves.dataAxis(setup, sizes, config.seeds(), config.ridge(), seed, progress);
        ScalingExponent alphaDFit = ScalingExponent.fitAll(dataCurve, SeedStream.BOOTSTRAP.seed(seed));

        TheoryCurve bcp = theoryCurve(data, config, spectrum.target(), targets.numCols, sizes);

        LearningCurve widthCurve = null;
        Exponent alphaP = null;
        if (config.kind() == KernelKind.NNGP) {
            requireHierarchy(config.widths(), poolSize);
            widthCurve = LearningCurves.widthAxis(setup, config.architecture(), data.points(), config.widths(), config.seeds(),
                    config.ridge(), seed, progress);
            alphaP = exponent("alphaP", ScalingExponent.fitAll(widthCurve, SeedStream.BOOTSTRAP.seed(seed)), widthCurve.axis());
        }

        IdEstimate twoNn = oneStep(progress, "intrinsic dimension: TwoNN on " + n + " points", () -> IntrinsicDimension.all(
                data.points(), IntrinsicDimension.Options.defaults().withMethods(EnumSet.of(IntrinsicDimension.Method.TWONN))).get(0));
        ScalingPrediction fromD = ScalingPrediction.from(twoNn);
        Estimate fromDimension = fromD.fourOverD().exponent();
        Exponent fourOverD = new Exponent("fourOverD",
                new Estimate(fromDimension.value(), fromDimension.standardError(), fromDimension.lo(),
                        Math.min(fromDimension.hi(), Double.MAX_VALUE), fromDimension.interval()),
                "TwoNN d = " + String.format(Locale.ROOT, "%.2f", twoNn.dimension().value()), true, "");

        PowerLawFit k = spectrum.fit();
        Exponent alphaK = new Exponent("alphaK", k.alpha(), "i=" + k.window().iMin() + ".." + k.window().iMax(),
                k.powerLaw(), k.reason());
        Exponent alphaD = exponent("alphaD", alphaDFit, dataCurve.axis());
        PowerLawFit task = spectrum.target().taskPowerFit(FitWindow.auto(poolSize));
        Exponent predicted = predictedExponent(spectrum, task);

        List<PairVerdict> verdicts = new ArrayList<>();
        verdicts.add(PairVerdict.compare(alphaD, alphaK));
        if (alphaP != null) {
            verdicts.add(PairVerdict.compare(alphaP, alphaK));
            verdicts.add(PairVerdict.compare(alphaD, alphaP));
        }
        verdicts.add(PairVerdict.compare(alphaD, predicted));
        if (bcp.trend().size() > 0) { // exact theory: a number without sampling error
            verdicts.add(PairVerdict.compare(alphaD, new Exponent("bcpExponent", Estimate.exact(bcp.exponent()),
                    "D=" + sizes[0] + ".." + sizes[sizes.length - 1], true, "")));
        }

        List<DualityReport.Assumption> assumptions = assumptions(config, k, poolSize, alphaDFit, widthCurve);
        RegimeGrid.Result grid = null;
        if (config.grid() && config.kind() == KernelKind.NNGP) {
            grid = RegimeGrid.measure(LearningCurves.features(config.architecture(), data.points()), pool, test, targets, sizes,
                    config.widths(), config.seeds(), SeedStream.GRID_FEATURES.seed(seed), progress);
        }
        return new DualityReport(config, n, poolSize, spectrum, alphaK, alphaD, alphaP, predicted, bcp, dataCurve,
                widthCurve, twoNn, fourOverD, verdicts, assumptions, grid, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The BCP prediction of L(D): from the exact population spectrum when the inputs are uniform on a
     * sphere and the target is the same-kernel GP teacher (then the theory needs nothing estimated),
     * else from the pool's spectrum and the targets' measured mode power.
     */
    private static TheoryCurve theoryCurve(Dataset data, DualityConfig config, TargetSpectrum poolTask, int columns, int[] sizes) {
        Optional<UniformSphere> sphere = config.target() == Target.TEACHER ? UniformSphere.of(data) : Optional.empty();
        if (sphere.isPresent()) {
            UniformSphere s = sphere.get();
            SphericalHarmonicSpectrum population = SphericalHarmonicSpectrum.of(config.architecture(), config.kind(),
                    s.sphereDim(), s.ambientDim(), s.radius());
            return TheoryCurve.population(population, "S^" + s.sphereDim() + " of radius "
                    + String.format(Locale.ROOT, "%.4g", s.radius()), sizes, config.ridge());
        }
        return TheoryCurve.pool(poolTask, columns, sizes, config.ridge());
    }

    /** Runs one stage that reports no steps of its own as a one-step task of {@code progress}. */
    private static <T> T oneStep(ProgressListener progress, String task, Supplier<T> stage) {
        progress.start(task, 1);
        try {
            T result = stage.get();
            progress.advance(1);
            return result;
        } finally {
            progress.finish();
        }
    }

    private static void requireHierarchy(int[] widths, int poolSize) {
        int largest = widths[widths.length - 1];
        if (4L * largest > poolSize) {
            throw new ParameterException("the width axis needs P << D: largest width " + largest
                    + " is more than a quarter of the " + poolSize + " training points; lower {DualityConfig.widths} or use "
                    + "more data", "DualityConfig.widths");
        }
    }

    private static Exponent exponent(String name, ScalingExponent fit, Axis axis) {
        return new Exponent(name, fit.alpha(), axis.symbol() + "=" + fit.window()[0] + ".." + fit.window()[1],
                fit.powerLaw(), fit.reason());
    }

    /**
     * min(a − 1, 2b) with a = 1 + (task-power fit's α) and b = 1 + α_K; its estimate is that of the
     * binding term (a − 1's from the task-power fit, or 2b = 2(1 + α_K)'s mapped from the spectrum fit).
     */
    private static Exponent predictedExponent(SpectrumAnalysis.Result spectrum, PowerLawFit task) {
        Estimate aMinusOne = task.alpha();
        Estimate k = spectrum.fit().alpha();
        double twoB = 2 * (1 + k.value());
        boolean taskBinds = aMinusOne.value() <= twoB;
        Estimate predicted = taskBinds ? aMinusOne
                : new Estimate(twoB, 2 * k.standardError(), 2 * (1 + k.lo()), 2 * (1 + k.hi()), k.interval());
        String window = "modes k=" + task.window().iMin() + ".." + task.window().iMax()
                + (taskBinds ? " (a - 1 binds)" : " (2b binds)");
        boolean clean = task.powerLaw() && spectrum.fit().powerLaw();
        String reason = !task.powerLaw() ? "task power: " + task.reason()
                : !spectrum.fit().powerLaw() ? "spectrum: " + spectrum.fit().reason() : "";
        return new Exponent("predictedAlpha", predicted, window, clean, reason);
    }

    private static List<DualityReport.Assumption> assumptions(DualityConfig config, PowerLawFit k, int poolSize,
                                                              ScalingExponent alphaD, LearningCurve widthCurve) {
        List<DualityReport.Assumption> list = new ArrayList<>();
        boolean teacher = config.target() == Target.TEACHER;
        list.add(new DualityReport.Assumption("isotropic GP teacher drawn with the student's kernel (task power ∝ λ_k)", teacher,
                teacher ? "target = GP teacher" : "target = labels: alphaD need not equal alphaK; compare with predictedAlpha"));
        list.add(new DualityReport.Assumption("ridgeless regression", config.ridge() == 0,
                "ridge = " + config.ridge()));
        list.add(new DualityReport.Assumption("kernel spectrum is a clean power law", k.powerLaw(),
                k.powerLaw() ? "window i=" + k.window().iMin() + ".." + k.window().iMax() : k.reason()));
        list.add(new DualityReport.Assumption("L(D) is a clean power law", alphaD.powerLaw(),
                alphaD.reason()));
        list.add(new DualityReport.Assumption("data axis inside the hierarchy D << P", true,
                "infinite-width kernel: P = infinity"));
        if (widthCurve != null) {
            int[] w = widthCurve.sizes();
            list.add(new DualityReport.Assumption("width axis inside the hierarchy P << D", 4L * w[w.length - 1] <= poolSize,
                    "P <= " + w[w.length - 1] + ", D = " + poolSize));
        } else {
            list.add(new DualityReport.Assumption("width axis measured", false,
                    "random features of the last hidden layer converge to the NNGP, not the NTK: alphaP is not measured for "
                            + "the NTK"));
        }
        list.add(new DualityReport.Assumption("linear model on fixed features", true,
                "kernel regression and random-feature regression (not trained networks)"));
        return list;
    }
}
