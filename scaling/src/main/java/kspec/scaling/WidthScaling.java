package kspec.scaling;

import kspec.core.linalg.Submatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.SeedStream;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The width-scaling curve L(P) of a random-feature model: ridge regression on the first P of
 * P_max random features (the last hidden layer of a finite-width network, or any feature map),
 * trained on a fixed training set of D points and tested on a fixed held-out set.
 *
 * <p>The student is \( f(x) = \sum_{\mu \le P} \theta_\mu \phi_\mu(x) \) with
 * \( \theta = (\Phi_P^\top \Phi_P + \delta I)^{-1} \Phi_P^\top y \) on the training rows, the
 * random-feature model of Bahri et al. (2021, arXiv 2102.06701, §3; their eq. S37). Features are
 * i.i.d. across columns, so the model of width P is the first P columns of one draw of width
 * P_max, and \( \Phi_P^\top \Phi_P \) is the leading block of \( \Phi^\top\Phi \): for P ≤ D one Cholesky
 * factorisation per seed serves every width ({@link NestedKernelRidge}); widths above the
 * interpolation threshold (P &gt; D) solve the D × D dual instead, one factorisation each. For the
 * resolution-limited width regime keep D ≫ P_max.
 */
public final class WidthScaling {

    private WidthScaling() {
    }

    /** Random features of every point for one seed. */
    @FunctionalInterface
    public interface FeatureMap {
        /**
         * @param width P_max, the number of features to draw
         * @param seed  seed of the draw
         * @return N × width features of all N points, one row per point
         */
        DMatrixRMaj features(int width, long seed);
    }

    /**
     * Measures L(P) for every width and seed.
     *
     * @param features the feature map over all N points
     * @param train    indices of the training points (fixed across widths and seeds)
     * @param test     indices of the test points
     * @param targets  N × t targets
     * @param widths   ascending widths P
     * @param seeds    number of feature draws
     * @param seed     the seed of the feature draws ({@link SeedStream#WIDTH_FEATURES} in a run); draw s
     *                 uses {@link SeedStream#replicate} s
     * @param ridge    δ ≥ 0 on the raw (unscaled) features
     * @param progress receives one unit per finished feature draw
     */
    public static LearningCurve measure(FeatureMap features, int[] train, int[] test, DMatrixRMaj targets,
                                        int[] widths, int seeds, double ridge, long seed, ProgressListener progress) {
        CurveArguments.requireAscending(widths, "widths");
        CurveArguments.requireSeedsAndRidge(seeds, ridge);
        int maxWidth = widths[widths.length - 1];
        DMatrixRMaj trainTargets = Submatrix.rows(targets, train);
        DMatrixRMaj testTargets = Submatrix.rows(targets, test);
        double[][] losses = new double[seeds][widths.length];
        List<String> solvers = new ArrayList<>();
        progress.start("L(P): " + seeds + " feature draws x " + widths.length + " widths up to P=" + maxWidth, seeds);
        try {
            for (int s = 0; s < seeds; s++) {
                losses[s] = lossesForDraw(features, targets.numRows, train, test, trainTargets, testTargets, widths, ridge,
                        SeedStream.replicate(seed, s), "seed " + s, solvers);
                progress.advance(s + 1);
            }
        } finally {
            progress.finish();
        }
        return new LearningCurve(Axis.WIDTH, widths, losses, solvers);
    }

    /** The losses over all widths for one feature draw; solver notes are appended, prefixed by {@code label}. */
    private static double[] lossesForDraw(FeatureMap features, int points, int[] train, int[] test, DMatrixRMaj trainTargets,
                                          DMatrixRMaj testTargets, int[] widths, double ridge, long drawSeed, String label,
                                          List<String> solvers) {
        int maxWidth = widths[widths.length - 1];
        DMatrixRMaj phi = features.features(maxWidth, drawSeed);
        if (phi.numCols != maxWidth || phi.numRows != points) {
            throw new IllegalStateException("feature map returned " + phi.numRows + "×" + phi.numCols
                    + ", expected " + points + "×" + maxWidth);
        }
        List<String> notes = new ArrayList<>();
        double[] losses = lossesOverWidths(Submatrix.rows(phi, train), trainTargets, Submatrix.rows(phi, test), testTargets,
                widths, ridge, notes);
        for (String note : notes) {
            solvers.add(label + ", " + note);
        }
        return losses;
    }

    /**
     * Test losses of ridge regression on the first P features, for every P, on one training set of
     * D points. Widths P ≤ D solve the primal normal equations: ΦᵀΦ and Φᵀy of the largest such P are
     * formed once and their leading blocks serve every width ({@link NestedKernelRidge}). Widths
     * P &gt; D solve the dual, (Φ_PΦ_Pᵀ + δI)α = y with prediction Φ_test,P Φ_Pᵀα — the same estimator
     * (θ = Φᵀα; for δ = 0 both are the minimum-norm interpolant) on a D × D system instead of a
     * singular P × P one; Φ_PΦ_Pᵀ and the test cross products are accumulated feature block by
     * feature block as P grows. Where a system is singular its pseudo-inverse gives the minimum-norm
     * solution and a note says so.
     *
     * @param phiTrain training features, D × P_max. Not modified.
     * @param yTrain   training targets, D × t. Not modified.
     * @param phiTest  test features, m × P_max. Not modified.
     * @param yTest    test targets, m × t. Not modified.
     * @param notes    Modified: one line per width that needed the pseudo-inverse fallback
     * @return the mean squared test error per width
     */
    static double[] lossesOverWidths(DMatrixRMaj phiTrain, DMatrixRMaj yTrain, DMatrixRMaj phiTest, DMatrixRMaj yTest,
                                     int[] widths, double ridge, List<String> notes) {
        int d = phiTrain.numRows;
        int primal = 0;
        while (primal < widths.length && widths[primal] <= d) {
            primal++;
        }
        double[] losses = new double[widths.length];
        if (primal > 0) {
            primalLosses(phiTrain, yTrain, phiTest, yTest, Arrays.copyOf(widths, primal), ridge, notes, losses);
        }
        if (primal < widths.length) {
            dualLosses(phiTrain, yTrain, phiTest, yTest, widths, primal, ridge, notes, losses);
        }
        return losses;
    }

    /** Losses for widths[0..] (all ≤ D) from nested blocks of the primal normal equations, into {@code losses}. */
    private static void primalLosses(DMatrixRMaj phiTrain, DMatrixRMaj yTrain, DMatrixRMaj phiTest, DMatrixRMaj yTest,
                                     int[] widths, double ridge, List<String> notes, double[] losses) {
        int maxWidth = widths[widths.length - 1];
        DMatrixRMaj phi = CommonOps_DDRM.extract(phiTrain, 0, phiTrain.numRows, 0, maxWidth);
        DMatrixRMaj normal = new DMatrixRMaj(maxWidth, maxWidth);
        Blas.multTransA(phi, phi, normal);
        DMatrixRMaj projected = new DMatrixRMaj(maxWidth, yTrain.numCols);
        Blas.multTransA(phi, yTrain, projected);
        NestedKernelRidge solver = new NestedKernelRidge(normal, ridge);
        for (int i = 0; i < widths.length; i++) {
            int p = widths[i];
            NestedKernelRidge.Solution theta = solver.solve(p, CommonOps_DDRM.extract(projected, 0, p, 0, projected.numCols));
            DMatrixRMaj prediction = new DMatrixRMaj(1, 1);
            Blas.mult(CommonOps_DDRM.extract(phiTest, 0, phiTest.numRows, 0, p), theta.alpha(), prediction);
            losses[i] = DataScaling.meanSquaredError(prediction, yTest);
            note(notes, p, theta);
        }
    }

    /** Losses for widths[from..] (all &gt; D) from the accumulated D × D dual system, into {@code losses}. */
    private static void dualLosses(DMatrixRMaj phiTrain, DMatrixRMaj yTrain, DMatrixRMaj phiTest, DMatrixRMaj yTest,
                                   int[] widths, int from, double ridge, List<String> notes, double[] losses) {
        int d = phiTrain.numRows;
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        DMatrixRMaj cross = new DMatrixRMaj(phiTest.numRows, d);
        int done = 0;
        for (int i = from; i < widths.length; i++) {
            int p = widths[i];
            DMatrixRMaj block = CommonOps_DDRM.extract(phiTrain, 0, d, done, p);
            DMatrixRMaj blockGram = new DMatrixRMaj(d, d);
            Blas.multTransB(block, block, blockGram);
            CommonOps_DDRM.addEquals(gram, blockGram);
            DMatrixRMaj blockCross = new DMatrixRMaj(phiTest.numRows, d);
            Blas.multTransB(CommonOps_DDRM.extract(phiTest, 0, phiTest.numRows, done, p), block, blockCross);
            CommonOps_DDRM.addEquals(cross, blockCross);
            done = p;
            NestedKernelRidge.Solution alpha = new NestedKernelRidge(gram, ridge).solve(d, yTrain);
            DMatrixRMaj prediction = new DMatrixRMaj(1, 1);
            Blas.mult(cross, alpha.alpha(), prediction);
            losses[i] = DataScaling.meanSquaredError(prediction, yTest);
            note(notes, p, alpha);
        }
    }

    private static void note(List<String> notes, int p, NestedKernelRidge.Solution solution) {
        if (!solution.solver().equals("cholesky")) {
            notes.add("P=" + p + ": " + solution.solver() + " (dropped " + solution.droppedModes() + " modes below size·ε·λmax)");
        }
    }
}
