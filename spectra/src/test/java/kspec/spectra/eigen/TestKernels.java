package kspec.spectra.eigen;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded point clouds and the exponential (Laplace) kernel exp(−‖x − y‖/ℓ), a PSD kernel with power-law spectrum. */
final class TestKernels {

    private TestKernels() {
    }

    /** n points uniform in [0, 1]<sup>d</sup>, as an n × d matrix. */
    static DMatrixRMaj uniformPoints(int n, int d, Random rand) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n * d; i++) {
            x.data[i] = rand.nextDouble();
        }
        return x;
    }

    static double exponentialKernel(DMatrixRMaj x, int i, int j, double lengthScale) {
        int d = x.numCols;
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = x.data[i * d + c] - x.data[j * d + c];
            s += diff * diff;
        }
        return Math.exp(-Math.sqrt(s) / lengthScale);
    }

    /** The dense n × n kernel matrix. {@code x} Not modified. */
    static DMatrixRMaj exponentialKernelMatrix(DMatrixRMaj x, double lengthScale) {
        int n = x.numRows;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = exponentialKernel(x, i, j, lengthScale);
                k.data[i * n + j] = v;
                k.data[j * n + i] = v;
            }
        }
        return k;
    }
}
