/**
 * The width–data duality test of Bahri et al. (arXiv 2102.06701): α_D, α_P and α_K measured on one
 * data set and kernel, the spectrum-predicted exponent and learning curve, and a verdict per pair.
 *
 * <p>Start from {@link kspec.scaling.duality.DualityExperiment} with a
 * {@link kspec.scaling.duality.DualityConfig}; it returns a {@link kspec.scaling.duality.DualityReport}.
 * What the test assumes: docs/regimes-and-duality.md §4–§5.
 */
package kspec.scaling.duality;
