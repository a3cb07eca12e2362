/**
 * Power-law fits of descending spectra, λ_i ∝ i^(−(1+α)): least squares over an automatic or explicit
 * rank window, the Clauset maximum-likelihood estimator, plateau fits for staircase spectra, and the
 * task power of targets in the kernel eigenbasis, each with an interval and a power-law verdict.
 *
 * <p>Start from {@link kspec.spectra.fit.LogLogFits} (least squares and plateau fits) and
 * {@link kspec.spectra.fit.ClausetMle}; {@link kspec.spectra.fit.Staircase#detect} finds plateaus and
 * {@link kspec.spectra.fit.SpectrumBootstrap} gives the interval over data points. Results are
 * {@link kspec.spectra.fit.PowerLawFit}s. Why sphere spectra come as staircases:
 * docs/sphere-spectra.md §5.
 */
package kspec.spectra.fit;
