package kspec.dynamics.simulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import kspec.core.linalg.Blas;
import kspec.core.progress.ProgressListener;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.eigen.Spectrum;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The finite model of Bordelon, Atanasov &amp; Pehlevan (arXiv 2402.01092, §2), simulated exactly.
 *
 * <p>Each draw samples D features Ψ (rows ψ<sub>μ</sub> ~ N(0, Λ), M modes), a projection
 * A ∈ R<sup>P×M</sup> with N(0, 1) entries and the teacher targets y = Ψw*, w*<sub>k</sub> = √(p<sub>k</sub>/λ<sub>k</sub>).
 * The student f(x) = w·Aψ(x)/√P starts at w = 0; with Φ = ΨAᵀ/√P its training dynamics on
 * (1/2D)‖Φw − y‖² are linear, so every full-batch optimizer is a spectral filter of one
 * eigen-decomposition (kspec's {@link Eigensolvers}) of the smaller Gram matrix:
 * <pre>
 *   P ≤ D:  Φ<sup>T</sup>Φ/D = U E Uᵀ,   w = U h(E) Uᵀ Φ<sup>T</sup>y/D
 *   D &lt; P:  ΦΦ<sup>T</sup>/D = U E Uᵀ,   w = Φᵀ U h(E) Uᵀ y/D
 *   h(e) = (1 − r(e))/e,   r(e) = e<sup>−et</sup> (flow), (1 − ηe)<sup>n</sup> (GD), the heavy-ball polynomial (momentum)
 * </pre>
 * (h = 1/e at t = ∞, the minimum-norm solution; directions with e ≤ 10<sup>−12</sup>·e<sub>max</sub> are left
 * at zero). P = ∞ takes Φ = Ψ; D = ∞ is gradient descent on the population loss, with the P × P
 * feature covariance AΛAᵀ/P in place of the Gram matrix. Then v = w* − Aᵀw/√P, the test loss is
 * L = Σ<sub>k</sub> λ<sub>k</sub>v<sub>k</sub>² and the training loss L̂ = ‖Ψv‖²/D. One-pass SGD (D = ∞) is
 * iterated: each step draws a fresh batch Ψ<sub>B</sub> and applies v ← v − (η/B)(AᵀA/P)Ψ<sub>B</sub>ᵀΨ<sub>B</sub>v.
 *
 * <p>Draw i uses the random stream seeded by (seed, i), so every result is reproducible and draws
 * can be added later. Draws run one after another: the native BLAS is itself multi-threaded.
 */
public final class FiniteModelSimulator {

    /** Eigenvalues below this fraction of the largest are treated as exact zeros. */
    private static final double NULL_TOLERANCE = 1e-12;
    /** Share of the maximum heap one draw may occupy. */
    private static final double HEAP_SHARE = 0.6;

    private final ModeSpectrum spectrum;
    private final double[] lambda;
    private final double[] sqrtLambda;
    private final double[] teacher;

    /** @param spectrum the modes; the teacher is w*<sub>k</sub> = √(p<sub>k</sub>/λ<sub>k</sub>) */
    public FiniteModelSimulator(ModeSpectrum spectrum) {
        this.spectrum = Objects.requireNonNull(spectrum, "spectrum");
        int m = spectrum.modes();
        lambda = spectrum.eigenvalues();
        sqrtLambda = new double[m];
        teacher = new double[m];
        double[] power = spectrum.taskPower();
        for (int k = 0; k < m; k++) {
            sqrtLambda[k] = Math.sqrt(lambda[k]);
            teacher[k] = Math.sqrt(power[k] / lambda[k]);
        }
    }

    /**
     * Simulates the model.
     *
     * @param sizes     finite sizes (or ∞); P and D at most 2<sup>31</sup> − 1; D = ∞ for one-pass SGD
     * @param optimizer how to train
     * @param times     times ≥ 0 (whole steps for discrete optimizers; +∞ allowed for full-batch ones). Not modified.
     * @param draws     independent draws, ≥ 2 for a standard error
     * @param seed      seed of draw 0 (draw i uses (seed, i))
     * @param modes     0-based modes whose E[v<sub>k</sub>/w*<sub>k</sub>] to track. Not modified.
     * @param progress  told of each finished draw
     * @throws IllegalArgumentException for bad arguments, or a draw that would not fit the heap
     */
    public Simulation run(Sizes sizes, Optimizer optimizer, double[] times, int draws, long seed, int[] modes,
                          ProgressListener progress) {
        validate(sizes, optimizer, times, draws, modes);
        int t = times.length;
        SummaryStatistics[] test = statistics(t);
        SummaryStatistics[] train = statistics(t);
        SummaryStatistics[][] transfer = new SummaryStatistics[t][];
        for (int i = 0; i < t; i++) {
            transfer[i] = statistics(modes.length);
        }
        progress.start("simulating " + sizes + " (" + optimizer.name() + ")", draws);
        try {
            for (int d = 0; d < draws; d++) {
                SplittableRandom random = new SplittableRandom(mix(seed, d));
                Draw draw = optimizer instanceof Optimizer.OnePassSgd sgd
                        ? sgdDraw(sizes, sgd, times, random)
                        : fullBatchDraw(sizes, (Optimizer.FullBatch) optimizer, times, random);
                for (int i = 0; i < t; i++) {
                    double[] v = draw.residuals()[i];
                    double loss = 0;
                    for (int k = 0; k < v.length; k++) {
                        loss += lambda[k] * v[k] * v[k];
                    }
                    test[i].addValue(loss);
                    train[i].addValue(draw.train() == null ? loss : draw.train()[i]);
                    for (int j = 0; j < modes.length; j++) {
                        transfer[i][j].addValue(v[modes[j]] / teacher[modes[j]]);
                    }
                }
                progress.advance(d + 1);
            }
        } finally {
            progress.finish();
        }
        MeanEstimate[][] transferMeans = new MeanEstimate[t][];
        for (int i = 0; i < t; i++) {
            transferMeans[i] = means(transfer[i]);
        }
        return new Simulation(sizes, optimizer, draws, times, means(test), means(train), modes, transferMeans);
    }

    /**
     * The residual v at each time of one draw, and the training loss at each time when it differs
     * from the test loss (finite D), else null.
     */
    private record Draw(double[][] residuals, double[] train) {
    }

    /** One draw of a full-batch optimizer. */
    private Draw fullBatchDraw(Sizes sizes, Optimizer.FullBatch optimizer, double[] times, SplittableRandom random) {
        int m = lambda.length;
        double[][] out = new double[times.length][];
        if (sizes.bothInfinite()) {
            for (int i = 0; i < times.length; i++) {
                out[i] = new double[m];
                for (int k = 0; k < m; k++) {
                    out[i][k] = teacher[k] * (times[i] == Double.POSITIVE_INFINITY ? 0 : optimizer.residual(lambda[k], times[i]));
                }
            }
            return new Draw(out, null);
        }
        boolean finiteWidth = Double.isFinite(sizes.width());
        boolean finiteData = Double.isFinite(sizes.data());
        int p = finiteWidth ? (int) sizes.width() : m;
        DMatrixRMaj projection = finiteWidth ? gaussian(p, m, 1, random) : null;
        DMatrixRMaj features = finiteData ? features((int) sizes.data(), random) : null;
        // the Gram matrix, the right-hand side b and how to turn filtered coefficients into w
        DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        double[] rhs;
        DMatrixRMaj studentFeatures = null;
        boolean dualForm;
        if (!finiteData) {
            // population loss: F = AΛAᵀ/P, rhs = AΛw*/√P
            DMatrixRMaj scaled = projection.copy();
            for (int r = 0; r < p; r++) {
                for (int k = 0; k < m; k++) {
                    scaled.data[r * m + k] *= sqrtLambda[k];
                }
            }
            Blas.gram(1.0 / p, scaled, gram);
            rhs = new double[p];
            for (int r = 0; r < p; r++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += projection.data[r * m + k] * lambda[k] * teacher[k];
                }
                rhs[r] = s / Math.sqrt(p);
            }
            dualForm = false;
        } else {
            int d = (int) sizes.data();
            double[] y = new double[d];
            CommonOps_DDRM.mult(features, column(teacher), column(y));
            if (finiteWidth) {
                studentFeatures = new DMatrixRMaj(d, p);
                Blas.multTransB(features, projection, studentFeatures);
                CommonOps_DDRM.scale(1 / Math.sqrt(p), studentFeatures);
            } else {
                studentFeatures = features;
            }
            dualForm = d < p;
            if (dualForm) {
                Blas.gram(1.0 / d, studentFeatures, gram);
                rhs = y;
            } else {
                DMatrixRMaj transposed = CommonOps_DDRM.transpose(studentFeatures, null);
                Blas.gram(1.0 / d, transposed, gram);
                rhs = new double[p];
                CommonOps_DDRM.multTransA(studentFeatures, column(y), column(rhs));
                for (int r = 0; r < p; r++) {
                    rhs[r] /= d;
                }
            }
        }
        Spectrum eig = Eigensolvers.symmetric(gram, EigenRequest.all().withVectors().raw());
        double[] e = eig.eigenvalues();
        DMatrixRMaj u = eig.eigenvectors().orElseThrow();
        requireStable(optimizer, e[0], sizes);
        int n = e.length;
        double[] b = new double[n];
        CommonOps_DDRM.multTransA(u, column(rhs), column(b));
        double floor = NULL_TOLERANCE * e[0];
        double[] trainLoss = finiteData ? new double[times.length] : null;
        for (int i = 0; i < times.length; i++) {
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = e[j] > floor ? filter(optimizer, e[j], times[i]) * b[j] : 0;
            }
            double[] coefficients = new double[n];
            CommonOps_DDRM.mult(u, column(c), column(coefficients));
            double[] w;
            if (dualForm) {
                w = new double[p];
                CommonOps_DDRM.multTransA(studentFeatures, column(coefficients), column(w));
                for (int r = 0; r < p; r++) {
                    w[r] /= sizes.data();
                }
            } else {
                w = coefficients;
            }
            double[] v = teacher.clone();
            if (finiteWidth) {
                double[] back = new double[m];
                CommonOps_DDRM.multTransA(projection, column(w), column(back));
                for (int k = 0; k < m; k++) {
                    v[k] -= back[k] / Math.sqrt(p);
                }
            } else {
                for (int k = 0; k < m; k++) {
                    v[k] -= w[k];
                }
            }
            out[i] = v;
            if (finiteData) {
                int d = (int) sizes.data();
                double[] fv = new double[d];
                CommonOps_DDRM.mult(features, column(v), column(fv));
                double s = 0;
                for (double x : fv) {
                    s += x * x;
                }
                trainLoss[i] = s / d;
            }
        }
        return new Draw(out, trainLoss);
    }

    /** One draw of one-pass SGD: v after each requested number of steps. */
    private Draw sgdDraw(Sizes sizes, Optimizer.OnePassSgd sgd, double[] times, SplittableRandom random) {
        int m = lambda.length;
        boolean finiteWidth = Double.isFinite(sizes.width());
        int p = finiteWidth ? (int) sizes.width() : 0;
        double[] a = finiteWidth ? gaussian(p, m, 1, random).data : null;
        int batch = sgd.batch();
        double step = sgd.learningRate() / batch;
        long last = 0;
        for (double time : times) {
            last = Math.max(last, Optimizer.steps(time));
        }
        double[][] out = new double[times.length][];
        double[] v = teacher.clone();
        double[] psi = new double[m];
        double[] g = new double[m];
        double[] y = finiteWidth ? new double[p] : null;
        for (long n = 0; ; n++) {
            for (int i = 0; i < times.length; i++) {
                if (times[i] == n) {
                    out[i] = v.clone();
                }
            }
            if (n == last) {
                return new Draw(out, null);
            }
            Arrays.fill(g, 0);
            for (int r = 0; r < batch; r++) {
                double x = 0;
                for (int k = 0; k < m; k++) {
                    psi[k] = sqrtLambda[k] * random.nextGaussian();
                    x += psi[k] * v[k];
                }
                for (int k = 0; k < m; k++) {
                    g[k] += psi[k] * x;
                }
            }
            if (finiteWidth) {
                for (int r = 0; r < p; r++) {
                    double s = 0;
                    int row = r * m;
                    for (int k = 0; k < m; k++) {
                        s += a[row + k] * g[k];
                    }
                    y[r] = s / p;
                }
                Arrays.fill(g, 0);
                for (int r = 0; r < p; r++) {
                    int row = r * m;
                    double yr = y[r];
                    for (int k = 0; k < m; k++) {
                        g[k] += a[row + k] * yr;
                    }
                }
            }
            for (int k = 0; k < m; k++) {
                v[k] -= step * g[k];
            }
        }
    }

    /** h(e) = (1 − r(e))/e, or 1/e at t = ∞. */
    private static double filter(Optimizer.FullBatch optimizer, double e, double time) {
        if (time == Double.POSITIVE_INFINITY) {
            return 1 / e;
        }
        return (1 - optimizer.residual(e, time)) / e;
    }

    private static void requireStable(Optimizer.FullBatch optimizer, double largest, Sizes sizes) {
        double limit = Double.POSITIVE_INFINITY;
        if (optimizer instanceof Optimizer.GradientDescent gd) {
            limit = 2 / gd.learningRate();
        } else if (optimizer instanceof Optimizer.Momentum mo) {
            limit = 2 * (1 + mo.momentum()) / mo.learningRate();
        }
        if (largest >= limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s diverges on this draw of %s: its largest relaxation rate %.4g is above the stability limit %.4g; "
                            + "lower the learning rate", optimizer.name(), sizes, largest, limit));
        }
    }

    /** D × M features with rows ~ N(0, Λ). */
    private DMatrixRMaj features(int d, SplittableRandom random) {
        int m = lambda.length;
        DMatrixRMaj psi = new DMatrixRMaj(d, m);
        for (int r = 0; r < d; r++) {
            for (int k = 0; k < m; k++) {
                psi.data[r * m + k] = sqrtLambda[k] * random.nextGaussian();
            }
        }
        return psi;
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double scale, SplittableRandom random) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = scale * random.nextGaussian();
        }
        return x;
    }

    private void validate(Sizes sizes, Optimizer optimizer, double[] times, int draws, int[] modes) {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(optimizer, "optimizer");
        if (draws < 1) {
            throw new IllegalArgumentException("draws = " + draws + "; simulate at least one draw (two for a standard error)");
        }
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("no times to simulate");
        }
        for (double t : times) {
            boolean ok = optimizer.discrete() ? t == Double.POSITIVE_INFINITY || (t >= 0 && t == Math.rint(t)) : t >= 0;
            if (!ok || (optimizer instanceof Optimizer.OnePassSgd && Double.isInfinite(t))) {
                throw new IllegalArgumentException("time " + t + " is not a valid " + (optimizer.discrete()
                        ? "step count (a whole number >= 0" + (optimizer instanceof Optimizer.OnePassSgd ? ")" : ", or infinity)")
                        : "flow time (>= 0, or infinity)"));
            }
        }
        for (int k : modes) {
            if (k < 0 || k >= lambda.length) {
                throw new IllegalArgumentException("tracked mode " + k + " is outside 0.." + (lambda.length - 1));
            }
        }
        for (double size : new double[] {sizes.width(), sizes.data()}) {
            if (Double.isFinite(size) && (size != Math.rint(size) || size > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("the simulator needs whole sizes below 2^31, got " + sizes);
            }
        }
        if (optimizer instanceof Optimizer.OnePassSgd && Double.isFinite(sizes.data())) {
            throw new IllegalArgumentException("one-pass SGD draws fresh data every step: simulate it with D = infinity, got "
                    + sizes);
        }
        double m = lambda.length;
        double p = Double.isFinite(sizes.width()) ? sizes.width() : 0;
        double d = Double.isFinite(sizes.data()) ? sizes.data() : 0;
        double gram = Math.min(Double.isFinite(sizes.width()) ? p : m, Double.isFinite(sizes.data()) ? d : p);
        double bytes = 8 * (d * m + 2 * p * m + 2 * d * p + 3 * gram * gram);
        double heap = Runtime.getRuntime().maxMemory();
        if (bytes > HEAP_SHARE * heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "one simulated draw of %s with M = %d modes needs about %.2f GB (features D x M, projection P x M, "
                            + "Gram matrix) but the heap holds %.2f GB; use fewer modes or smaller sizes, or raise the heap",
                    sizes, lambda.length, bytes / 1e9, heap / 1e9));
        }
    }

    private static SummaryStatistics[] statistics(int n) {
        SummaryStatistics[] s = new SummaryStatistics[n];
        for (int i = 0; i < n; i++) {
            s[i] = new SummaryStatistics();
        }
        return s;
    }

    private static MeanEstimate[] means(SummaryStatistics[] s) {
        MeanEstimate[] out = new MeanEstimate[s.length];
        for (int i = 0; i < s.length; i++) {
            long n = s[i].getN();
            double se = n > 1 ? s[i].getStandardDeviation() / Math.sqrt(n) : Double.NaN;
            out[i] = new MeanEstimate(s[i].getMean(), se);
        }
        return out;
    }

    /** @return x as a column vector sharing its array */
    private static DMatrixRMaj column(double[] x) {
        return DMatrixRMaj.wrap(x.length, 1, x);
    }

    /** A well-spread seed for draw i of a run (SplitMix64's finaliser on seed + golden-ratio·i). */
    private static long mix(long seed, long draw) {
        long z = seed + (draw + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
