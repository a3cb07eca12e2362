package kspec.scaling;

import java.util.Arrays;
import java.util.List;

/**
 * Test loss as a function of one resource (training-set size D or width P), measured over
 * several seeds.
 *
 * @param axis    the resource scaled: training-set size or width
 * @param sizes   the resource values, ascending
 * @param losses  losses[s][i] = test loss of seed s at sizes[i]
 * @param solvers how each (seed, size) was solved, e.g. "cholesky"; one entry per fallback note
 */
public record LearningCurve(Axis axis, int[] sizes, double[][] losses, List<String> solvers) {

    public LearningCurve {
        sizes = sizes.clone();
        losses = Arrays.stream(losses).map(double[]::clone).toArray(double[][]::new);
        solvers = List.copyOf(solvers);
        for (double[] row : losses) {
            if (row.length != sizes.length) {
                throw new IllegalArgumentException("every seed needs one loss per size");
            }
        }
    }

    /** @return number of seeds */
    public int seeds() {
        return losses.length;
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return a copy of the losses, seeds × sizes */
    @Override
    public double[][] losses() {
        return Arrays.stream(losses).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * The seed average taken in log space, as Bahri et al. (2021) average: exp(mean_s log L_s).
     *
     * @return geometric-mean loss per size
     */
    public double[] geometricMeanLoss() {
        return geometricMean(losses, sizes.length);
    }

    /**
     * The plain seed average, the estimator of the expected loss that learning-curve theory predicts
     * (the geometric mean sits below it by about half the seed variance of log L).
     *
     * @return arithmetic-mean loss per size
     */
    public double[] meanLoss() {
        double[] mean = new double[sizes.length];
        for (double[] row : losses) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i] / losses.length;
            }
        }
        return mean;
    }

    /** exp(mean over rows of log x) per column, over the given rows (a bootstrap passes resampled rows). */
    static double[] geometricMean(double[][] rows, int columns) {
        double[] mean = new double[columns];
        for (double[] row : rows) {
            for (int i = 0; i < columns; i++) {
                mean[i] += Math.log(row[i]) / rows.length;
            }
        }
        for (int i = 0; i < columns; i++) {
            mean[i] = Math.exp(mean[i]);
        }
        return mean;
    }
}
