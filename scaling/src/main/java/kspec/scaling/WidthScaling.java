package kspec.scaling;

import java.util.ArrayList;
import java.util.List;
import kspec.kernels.ProgressListener;
import kspec.spectra.linalg.Blas;
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
 * P_max, and \( \Phi_P^\top \Phi_P \) is the leading block of \( \Phi^\top\Phi \): one Cholesky
 * factorisation per seed serves every width ({@link NestedKernelRidge}). For the resolution-limited
 * width regime keep D ≫ P_max.
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
     * @param seeds    number of feature draws; draw s uses {@code seed + s}
     * @param ridge    δ ≥ 0 on the raw (unscaled) features
     * @param progress receives one unit per finished feature draw
     */
    public static LearningCurve measure(FeatureMap features, int[] train, int[] test, DMatrixRMaj targets,
                                        int[] widths, int seeds, double ridge, long seed, ProgressListener progress) {
        CurveArguments.requireAscending(widths, "widths");
        CurveArguments.requireSeedsAndRidge(seeds, ridge);
        int maxWidth = widths[widths.length - 1];
        DMatrixRMaj trainTargets = DataScaling.rows(targets, train);
        DMatrixRMaj testTargets = DataScaling.rows(targets, test);
        double[][] losses = new double[seeds][widths.length];
        List<String> solvers = new ArrayList<>();
        progress.start("L(P): " + seeds + " feature draws x " + widths.length + " widths up to P=" + maxWidth, seeds);
        try {
            for (int s = 0; s < seeds; s++) {
                losses[s] = lossesForDraw(features, targets.numRows, train, test, trainTargets, testTargets, widths, ridge,
                        seed + s, "seed " + s, solvers);
                progress.advance(s + 1);
            }
        } finally {
            progress.finish();
        }
        return new LearningCurve("width", widths, losses, solvers);
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
        double[] losses = lossesOverWidths(DataScaling.rows(phi, train), trainTargets, DataScaling.rows(phi, test), testTargets,
                widths, ridge, notes);
        for (String note : notes) {
            solvers.add(label + ", " + note);
        }
        return losses;
    }

    /**
     * Test losses of ridge regression on the first P features, for every P, on one training set:
     * ΦᵀΦ and Φᵀy of all P_max features are formed once and their leading blocks serve every width
     * ({@link NestedKernelRidge}; where a block is singular, its pseudo-inverse gives the minimum-norm
     * solution).
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
        int maxWidth = phiTrain.numCols;
        DMatrixRMaj normal = new DMatrixRMaj(maxWidth, maxWidth);
        Blas.multTransA(phiTrain, phiTrain, normal);
        DMatrixRMaj projected = new DMatrixRMaj(maxWidth, yTrain.numCols);
        Blas.multTransA(phiTrain, yTrain, projected);
        NestedKernelRidge solver = new NestedKernelRidge(normal, ridge);
        double[] losses = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            int p = widths[i];
            NestedKernelRidge.Solution theta = solver.solve(p, CommonOps_DDRM.extract(projected, 0, p, 0, projected.numCols));
            DMatrixRMaj prediction = new DMatrixRMaj(1, 1);
            Blas.mult(CommonOps_DDRM.extract(phiTest, 0, phiTest.numRows, 0, p), theta.alpha(), prediction);
            losses[i] = DataScaling.meanSquaredError(prediction, yTest);
            if (!theta.solver().equals("cholesky")) {
                notes.add("P=" + p + ": " + theta.solver() + " (dropped " + theta.droppedModes() + " modes below P·ε·λmax)");
            }
        }
        return losses;
    }
}
