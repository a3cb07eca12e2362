package kspec.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.kernels.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * Test loss of random-feature regression over a grid of training-set sizes D and feature counts P,
 * and the regime of every cell (Bahri et al. 2021, arXiv 2102.06701, Table 1 of science.md §1.1):
 * with D ≥ 4P the data axis is variance-limited (L − L(D=∞) ∝ 1/D) and the width axis
 * resolution-limited; with P ≥ 4D the reverse; in between, a crossover (where ridgeless regression
 * shows its double-descent peak at D = P).
 *
 * <p>Per seed one draw of P_max features and one ordering of the pool; the model of width P on D
 * points is the first P features fitted on the first D points. For each D, the normal matrix
 * ΦᵀΦ of all P_max features is built once and its leading blocks serve every P
 * ({@link NestedKernelRidge}); for P ≥ D it is singular and the pseudo-inverse gives the
 * minimum-norm interpolant, as the over-parameterised model trained from zero converges to.
 */
public final class RegimeGrid {

    /** The factor that separates "much larger" from comparable: 4. */
    public static final int HIERARCHY = 4;

    private RegimeGrid() {
    }

    /** The regime of one (D, P) cell. */
    public enum Regime {
        /** D ≥ 4P: more data cannot help beyond the model's resolution; L(D) − L(∞) ∝ 1/D. */
        VARIANCE_LIMITED_DATA,
        /** P ≥ 4D: the model resolves everything the data show; L(P) − L(∞) ∝ 1/P. */
        VARIANCE_LIMITED_WIDTH,
        /** Neither resource dominates (includes the interpolation threshold D = P). */
        CROSSOVER;

        static Regime of(int d, int p) {
            if ((long) d >= (long) HIERARCHY * p) {
                return VARIANCE_LIMITED_DATA;
            }
            if ((long) p >= (long) HIERARCHY * d) {
                return VARIANCE_LIMITED_WIDTH;
            }
            return CROSSOVER;
        }
    }

    /**
     * @param dataSizes D values, ascending
     * @param widths    P values, ascending
     * @param loss      loss[i][j] at D = dataSizes[i], P = widths[j], geometric mean over seeds
     * @param regimes   the regime of each cell
     */
    public record Result(int[] dataSizes, int[] widths, double[][] loss, Regime[][] regimes) {

        /** @return L(D) at fixed widths[j] */
        public double[] lossAtWidth(int j) {
            return Arrays.stream(loss).mapToDouble(row -> row[j]).toArray();
        }
    }

    /**
     * @param features  the feature map over all N points
     * @param pool      training pool indices
     * @param test      test indices
     * @param targets   N × t targets
     * @param dataSizes ascending D, at most the pool
     * @param widths    ascending P
     * @param seeds     feature draws and orderings
     * @param seed      base seed
     * @param progress  receives one unit per finished seed
     */
    public static Result measure(WidthScaling.FeatureMap features, int[] pool, int[] test, DMatrixRMaj targets,
                                 int[] dataSizes, int[] widths, int seeds, long seed, ProgressListener progress) {
        CurveArguments.requireAscending(dataSizes, "training-set sizes");
        CurveArguments.requireAscending(widths, "widths");
        CurveArguments.requireSeedsAndRidge(seeds, 0);
        int maxD = dataSizes[dataSizes.length - 1];
        if (maxD > pool.length) {
            throw new IllegalArgumentException("largest training-set size " + maxD + " exceeds the pool of " + pool.length);
        }
        double[][][] perSeed = new double[seeds][][];
        DMatrixRMaj testTargets = DataScaling.rows(targets, test);
        progress.start("(D, P) grid: " + seeds + " seeds x " + dataSizes.length + " sizes x " + widths.length + " widths", seeds);
        try {
            for (int s = 0; s < seeds; s++) {
                perSeed[s] = gridForSeed(features, pool, test, targets, testTargets, dataSizes, widths, seed + s);
                progress.advance(s + 1);
            }
        } finally {
            progress.finish();
        }
        double[][] loss = new double[dataSizes.length][widths.length];
        Regime[][] regimes = new Regime[dataSizes.length][widths.length];
        for (int i = 0; i < dataSizes.length; i++) {
            for (int j = 0; j < widths.length; j++) {
                double logSum = 0;
                for (int s = 0; s < seeds; s++) {
                    logSum += Math.log(perSeed[s][i][j]);
                }
                loss[i][j] = Math.exp(logSum / seeds);
                regimes[i][j] = Regime.of(dataSizes[i], widths[j]);
            }
        }
        return new Result(dataSizes.clone(), widths.clone(), loss, regimes);
    }

    /** Losses[size][width] of one seed: one feature draw and one ordering of the pool (ridgeless). */
    private static double[][] gridForSeed(WidthScaling.FeatureMap features, int[] pool, int[] test, DMatrixRMaj targets,
                                          DMatrixRMaj testTargets, int[] dataSizes, int[] widths, long seed) {
        DMatrixRMaj phi = features.features(widths[widths.length - 1], seed);
        int[] order = DataScaling.prefixOfShuffle(pool, dataSizes[dataSizes.length - 1], new SplittableRandom(seed));
        DMatrixRMaj phiTest = DataScaling.rows(phi, test);
        double[][] losses = new double[dataSizes.length][];
        for (int i = 0; i < dataSizes.length; i++) {
            int[] rows = Arrays.copyOf(order, dataSizes[i]);
            losses[i] = WidthScaling.lossesOverWidths(DataScaling.rows(phi, rows), DataScaling.rows(targets, rows), phiTest,
                    testTargets, widths, 0.0, new ArrayList<>());
        }
        return losses;
    }

    /**
     * A variance-limited fit of one slice of the grid.
     *
     * @param width the fixed P
     * @param fit   L(D) = L∞ + c·D^−β over the sizes D ≥ 16P
     */
    public record SliceFit(int width, VarianceLimitedFit fit) {
    }

    /**
     * Sizes used for the variance-limited fits: D ≥ 16P. Near the regime's edge the finite-size
     * correction steepens the local slope — for least squares with Gaussian features
     * E[L] = L∞(1 + P/(D − P − 1)), whose local slope is −D/(D − P − 1): −1.45 at D = 4P, −1.07 at 16P.
     */
    public static final int FIT_HIERARCHY = 16;

    /**
     * The variance-limited fits of the grid's data axis: for every width with at least 4 sizes
     * D ≥ {@value #FIT_HIERARCHY}P, L(D) = L∞ + c·D^−β on those sizes.
     *
     * @return one fit per qualifying width, in width order
     */
    public static List<SliceFit> varianceLimitedDataFits(Result grid) {
        List<SliceFit> fits = new ArrayList<>();
        for (int j = 0; j < grid.widths().length; j++) {
            int p = grid.widths()[j];
            int[] ds = Arrays.stream(grid.dataSizes()).filter(d -> (long) d >= (long) FIT_HIERARCHY * p).toArray();
            if (ds.length >= 4) {
                double[] column = grid.lossAtWidth(j);
                double[] l = Arrays.copyOfRange(column, column.length - ds.length, column.length);
                fits.add(new SliceFit(p, VarianceLimitedFit.fit(ds, l)));
            }
        }
        return fits;
    }
}
