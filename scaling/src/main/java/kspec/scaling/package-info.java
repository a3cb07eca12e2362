/**
 * Scaling measurements: learning curves L(D) of kernel regression and L(P) of random-feature
 * regression over seeds, their exponents with bootstrap intervals and bend verdicts, the (D, P)
 * regime grid, variance-limited fits, GP-teacher targets and exponents predicted from the dimension.
 *
 * <p>Start from {@link kspec.scaling.DataScaling} and {@link kspec.scaling.WidthScaling} for single
 * curves and {@link kspec.scaling.ScalingExponent} for their exponents. Theory:
 * docs/regimes-and-duality.md.
 */
package kspec.scaling;
