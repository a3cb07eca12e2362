package kspec.kernels;

import kspec.spectra.SpectrumAnalysis;

/**
 * The spectral analysis of an architecture's kernel on a data set ({@link Kernels#spectrum}), and
 * how it was computed.
 *
 * @param analysis   the spectrum, the α_K fits and, with targets, the task-power exponent
 * @param matrixFree how the matrix-free path ran, or null when the kernel was stored (dense path)
 */
public record KernelSpectrum(SpectrumAnalysis.Result analysis, MatrixFreeRun matrixFree) {

    /** Which path to take. */
    public enum Route {
        /** Store the kernel when it fits the heap and one Java array; otherwise, for a top K, go matrix-free. */
        AUTOMATIC,
        /** Never store the kernel: recompute it block pair by block pair on every product (needs a top K). */
        MATRIX_FREE
    }

    /**
     * The cost of a matrix-free run.
     *
     * @param tileRows          rows per block of the kernel
     * @param entriesPerProduct kernel entries evaluated per block product
     * @param products          block products the eigensolver took
     */
    public record MatrixFreeRun(int tileRows, long entriesPerProduct, long products) {
    }

    /** @return whether the kernel was stored */
    public boolean dense() {
        return matrixFree == null;
    }
}
