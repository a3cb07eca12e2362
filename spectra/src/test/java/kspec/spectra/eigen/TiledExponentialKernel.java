package kspec.spectra.eigen;

import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * A matrix-free kernel operator: K<sub>ij</sub> = exp(−‖x<sub>i</sub> − x<sub>j</sub>‖/ℓ) computed
 * on the fly, {@value #TILE} rows at a time, each tile multiplied into the block by GEMM. It holds
 * the points and one TILE × n tile, never n × n, and counts how it is used.
 */
final class TiledExponentialKernel implements SymmetricOperator {

    static final int TILE = 256;

    private final DMatrixRMaj points;
    private final double lengthScale;
    private final double[] tile;
    private int blockApplies;
    private int vectorApplies;
    private int widestBlock;

    TiledExponentialKernel(DMatrixRMaj points, double lengthScale) {
        this.points = points;
        this.lengthScale = lengthScale;
        this.tile = new double[TILE * points.numRows];
    }

    @Override
    public int size() {
        return points.numRows;
    }

    @Override
    public void apply(double[] x, double[] y) {
        vectorApplies++;
        int n = size();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += TestKernels.exponentialKernel(points, i, j, lengthScale) * x[j];
            }
            y[i] = s;
        }
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        blockApplies++;
        widestBlock = Math.max(widestBlock, x.numCols);
        int n = size();
        int b = x.numCols;
        y.reshape(n, b);
        DMatrixRMaj part = new DMatrixRMaj(TILE, b);
        for (int r0 = 0; r0 < n; r0 += TILE) {
            int rows = Math.min(TILE, n - r0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < n; j++) {
                    tile[i * n + j] = TestKernels.exponentialKernel(points, r0 + i, j, lengthScale);
                }
            }
            Blas.mult(DMatrixRMaj.wrap(rows, n, tile), x, part);
            System.arraycopy(part.data, 0, y.data, r0 * b, rows * b);
        }
    }

    int blockApplies() {
        return blockApplies;
    }

    int vectorApplies() {
        return vectorApplies;
    }

    int widestBlock() {
        return widestBlock;
    }
}
