/**
 * Spectra of kernel matrices and what they predict: eigen-decomposition ({@link kspec.spectra.eigen}),
 * power-law fits of the eigenvalues ({@link kspec.spectra.fit}) and the learning-curve theory of
 * kernel regression ({@link kspec.spectra.theory}).
 *
 * <p>Start from {@link kspec.spectra.SpectrumAnalysis}, which runs the whole spectral half of the
 * duality question on one kernel matrix. Formulas: docs/sphere-spectra.md and docs/learning-curves.md.
 */
package kspec.spectra;
