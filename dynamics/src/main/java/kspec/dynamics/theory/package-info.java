/**
 * The mean-field theory of the dynamical model: the scalar κ equation ({@link
 * kspec.dynamics.theory.KappaEquation}), its inversion from frequency to time on Talbot and
 * inverse-Z contours ({@link kspec.dynamics.theory.InversionContour}), transfer functions, test and
 * training losses for gradient flow, GD, momentum ({@link kspec.dynamics.theory.DynamicsTheory}) and
 * one-pass SGD ({@link kspec.dynamics.theory.OnePassSgdTheory}), the t → ∞ closed forms ({@link
 * kspec.dynamics.theory.FinalLosses}) and the early-time expansion. Formulas: docs/dynamics.md.
 */
package kspec.dynamics.theory;
