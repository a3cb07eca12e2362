package kspec.spectra.eigen;

import org.ejml.data.DMatrixRMaj;

/**
 * What a backend hands to the factory before normalization: eigenvalues of K (not K/n), descending.
 *
 * @param values     descending eigenvalues of the unnormalized matrix or operator
 * @param vectors    n × k unit eigenvectors as columns, or null
 * @param residual   see {@link Spectrum#residual()}, NaN when not computed
 * @param backend    solver name for {@link Spectrum#backend()}
 * @param iterations     block applications (iterative solvers), else 0
 * @param vectorProducts vectors multiplied by the operator over all block applications, else 0
 * @param converged      whether the solver met its tolerance
 */
record RawEigen(double[] values, DMatrixRMaj vectors, double residual, String backend, int iterations,
                long vectorProducts, boolean converged) {

    Spectrum toSpectrum(int n, Normalization normalization) {
        double f = normalization.factor(n);
        double[] scaled = new double[values.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = values[i] * f;
        }
        return Spectrum.of(scaled, vectors, backend, residual, normalization, n, converged, iterations);
    }

    RawEigen withBackend(String name) {
        return new RawEigen(values, vectors, residual, name, iterations, vectorProducts, converged);
    }
}
