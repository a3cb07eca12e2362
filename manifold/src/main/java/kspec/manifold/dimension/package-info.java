/**
 * Intrinsic-dimension estimators on a neighbour table: TwoNN, the Levina–Bickel likelihood in
 * MacKay–Ghahramani form, GRIDE and the correlation dimension, each with a 95% interval, the scale
 * it probes and the points it dropped; plus scale curves.
 *
 * <p>Start from {@link kspec.manifold.dimension.IntrinsicDimension} (one neighbour search, every
 * estimator) or {@link kspec.manifold.dimension.TwoNn}. Formulas, pitfalls and reference values:
 * docs/intrinsic-dimension.md.
 */
package kspec.manifold.dimension;
