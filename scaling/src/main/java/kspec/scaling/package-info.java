/**
 * Scaling measurements: learning curves L(D) of kernel regression and L(P) of random-feature
 * regression over seeds, their exponents with bootstrap intervals and bend verdicts, the (D, P)
 * regime grid, variance-limited fits, GP-teacher targets and exponents predicted from the dimension.
 *
 * <p>Start from {@link kspec.scaling.Scaling}: one learning curve with its exponent, or the duality
 * test; {@link kspec.scaling.LearningCurves} makes the curves of a seeded run, from
 * {@link kspec.scaling.DataScaling} and {@link kspec.scaling.WidthScaling}, and
 * {@link kspec.scaling.ScalingExponent} fits their exponents. Theory:
 * docs/regimes-and-duality.md.
 */
package kspec.scaling;
