package kspec.scaling;

import kspec.core.linalg.Submatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Test loss of random-feature regression over a grid of training-set sizes D and feature counts P,
 * and the regime of every cell (Bahri et al. 2021, arXiv 2102.06701; docs/regimes-and-duality.md §1):
 * with D ≥ 4P the data axis is variance-limited (L − L(D=∞) ∝ 1/D) and the width axis
 * resolution-limited; with P ≥ 4D the reverse; in between, a crossover (where ridgeless regression
 * shows its double-descent peak at D = P).
 *
 * <p>Per seed one draw of P_max features and one ordering of the pool; the model of width P on D
 * points is the first P features fitted on the first D points ({@link WidthScaling}'s
 * {@code lossesOverWidths}: nested primal solves for P ≤ D, the D × D dual for P &gt; D, whose ridgeless
 * solution is the minimum-norm interpolant the over-parameterised model trained from zero converges
 * to). Where a system is singular (near P = D) the pseudo-inverse is used and recorded in
 * {@link Result#solverNotes()}.
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
     * @param solverNotes one line per (seed, D, P) solve that needed the pseudo-inverse fallback
     */
    public record Result(int[] dataSizes, int[] widths, double[][] loss, Regime[][] regimes, List<String> solverNotes) {

        public Result {
            solverNotes = List.copyOf(solverNotes);
        }

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
     * @param seed      the seed of the grid's stream ({@link SeedStream#GRID_FEATURES} in a run);
     *                  replicate s draws its features and orders the pool from {@link SeedStream#replicate}
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
        List<String> notes = new ArrayList<>();
        DMatrixRMaj testTargets = Submatrix.rows(targets, test);
        progress.start("(D, P) grid: " + seeds + " seeds x " + dataSizes.length + " sizes x " + widths.length + " widths", seeds);
        try {
            for (int s = 0; s < seeds; s++) {
                perSeed[s] = gridForSeed(features, pool, test, targets, testTargets, dataSizes, widths,
                        SeedStream.replicate(seed, s),
                        "seed " + s, notes);
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
        return new Result(dataSizes.clone(), widths.clone(), loss, regimes, notes);
    }

    /**
     * Losses[size][width] of one seed: one feature draw and one ordering of the pool (ridgeless).
     *
     * @param notes Modified: pseudo-inverse fallbacks, prefixed by {@code label} and D
     */
    private static double[][] gridForSeed(WidthScaling.FeatureMap features, int[] pool, int[] test, DMatrixRMaj targets,
                                          DMatrixRMaj testTargets, int[] dataSizes, int[] widths, long seed, String label,
                                          List<String> notes) {
        DMatrixRMaj phi = features.features(widths[widths.length - 1], seed);
        int[] order = DataScaling.prefixOfShuffle(pool, dataSizes[dataSizes.length - 1], new SplittableRandom(seed));
        DMatrixRMaj phiTest = Submatrix.rows(phi, test);
        double[][] losses = new double[dataSizes.length][];
        for (int i = 0; i < dataSizes.length; i++) {
            int[] rows = Arrays.copyOf(order, dataSizes[i]);
            List<String> cell = new ArrayList<>();
            losses[i] = WidthScaling.lossesOverWidths(Submatrix.rows(phi, rows), Submatrix.rows(targets, rows), phiTest,
                    testTargets, widths, 0.0, cell);
            for (String note : cell) {
                notes.add(label + ", D=" + dataSizes[i] + ", " + note);
            }
        }
        return losses;
    }

    /**
     * A variance-limited fit of one slice of the grid.
     *
     * @param axis  {@link Axis#DATA} (L(D) at fixed P) or {@link Axis#WIDTH} (L(P) at fixed D)
     * @param fixed the other resource's value
     * @param fit   L(X) = L∞ + c·X^−β over the slice's X ≥ 16·fixed
     */
    public record SliceFit(Axis axis, int fixed, VarianceLimitedFit fit) {
    }

    /**
     * Slice points used for the variance-limited fits: X ≥ 16 × the other resource. Near the regime's
     * edge the finite-size correction steepens the local slope — for least squares with Gaussian
     * features E[L] = L∞(1 + P/(D − P − 1)), whose local slope is −D/(D − P − 1): ≈ −4/3 at D = 4P,
     * −1.07 at 16P (and symmetrically in P for the minimum-norm interpolant, Bahri et al. 2021 App. E).
     */
    public static final int FIT_HIERARCHY = 16;

    /**
     * The variance-limited fits of the grid (Bahri et al. 2021, Theorem 1; docs/regimes-and-duality.md §2): on the
     * data axis, for every width P with at least 4 sizes D ≥ {@value #FIT_HIERARCHY}P,
     * L(D) = L∞ + c·D^−β; on the width axis, for every size D with at least 4 widths
     * P ≥ {@value #FIT_HIERARCHY}D, L(P) = L∞ + c·P^−β. Theory: β = 1 on both.
     *
     * @return the data-axis fits in width order, then the width-axis fits in size order
     */
    public static List<SliceFit> varianceLimitedFits(Result grid) {
        List<SliceFit> fits = new ArrayList<>();
        for (int j = 0; j < grid.widths().length; j++) {
            slice(Axis.DATA, grid.widths()[j], grid.dataSizes(), grid.lossAtWidth(j), fits);
        }
        for (int i = 0; i < grid.dataSizes().length; i++) {
            slice(Axis.WIDTH, grid.dataSizes()[i], grid.widths(), grid.loss()[i], fits);
        }
        return fits;
    }

    /** Adds the fit of L(x) over the x ≥ 16·fixed of one slice, when there are at least 4 of them. */
    private static void slice(Axis axis, int fixed, int[] x, double[] loss, List<SliceFit> fits) {
        int first = 0;
        while (first < x.length && (long) x[first] < (long) FIT_HIERARCHY * fixed) {
            first++;
        }
        if (x.length - first >= 4) {
            fits.add(new SliceFit(axis, fixed, VarianceLimitedFit.fit(Arrays.copyOfRange(x, first, x.length),
                    Arrays.copyOfRange(loss, first, loss.length))));
        }
    }
}
