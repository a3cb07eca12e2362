package kspec.manifold.dimension;

import java.util.Arrays;
import kspec.manifold.knn.NeighborTable;

/**
 * Variance of a mean over points whose terms are correlated between near neighbours: the
 * per-point statistics of nearest-neighbour estimators share neighbours (mutual nearest
 * neighbours share T₁ exactly), so the i.i.d. variance is too small (by a factor 1.3–2.3 in
 * variance on flat tori, measured over seeds). A spatial heteroskedasticity-and-autocorrelation
 * (HAC) estimator with the neighbour graph as its window:
 * \[ \widehat{\mathrm{Var}}(\bar\psi) = \frac{1}{N^2}\Big[\sum_i \psi_i^2 + \sum_{i \ne j,\; j \in N_w(i) \text{ or } i \in N_w(j)} \psi_i\psi_j\Big], \]
 * ψ centred, N_w(i) the w nearest neighbours of i. Never below the i.i.d. value.
 */
final class NeighbourhoodVariance {

    private NeighbourhoodVariance() {
    }

    /**
     * @param table  the neighbour table the ψ came from
     * @param psi    one value per table row, NaN for rows not used. Not modified.
     * @param window neighbours per point that may be correlated with it, 1 ≤ window ≤ table.k()
     * @return the variance of the mean of the used ψ
     */
    static double ofMean(NeighborTable table, double[] psi, int window) {
        int n = table.n();
        int w = Math.min(window, table.k());
        int[] tableRow = new int[table.inputRows()];
        Arrays.fill(tableRow, -1);
        double mean = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            tableRow[table.row(i)] = i;
            if (!Double.isNaN(psi[i])) {
                mean += psi[i];
                used++;
            }
        }
        mean /= used;
        double diagonal = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(psi[i])) {
                continue;
            }
            double a = psi[i] - mean;
            diagonal += a * a;
            for (int q = 0; q < w; q++) {
                int j = tableRow[table.index(i, q)];
                if (j < 0 || Double.isNaN(psi[j])) {
                    continue;
                }
                boolean mutual = false;
                for (int r = 0; r < w && !mutual; r++) {
                    mutual = table.index(j, r) == table.row(i);
                }
                // an unordered pair {i, j} enters the double sum twice; a mutual pair is visited twice
                cross += (mutual ? 1 : 2) * a * (psi[j] - mean);
            }
        }
        return Math.max(diagonal, diagonal + cross) / ((double) used * used);
    }
}
