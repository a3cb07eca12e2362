/**
 * Finite-width networks: seeded random draws of an architecture, their last-hidden-layer random
 * features (the width axis P of the scaling experiments) and their empirical NTK, which converge to
 * the infinite-width kernels as the width grows (docs/kernels.md §5).
 *
 * <p>Start from {@link kspec.kernels.finite.RandomNetwork} and {@link kspec.kernels.finite.RandomFeatures}.
 */
package kspec.kernels.finite;
