/**
 * The dynamical model of neural scaling laws of Bordelon, Atanasov &amp; Pehlevan (ICML 2024, arXiv
 * 2402.01092): a width-P random-feature model of M kernel eigenmodes trained on D samples, whose
 * expected loss against training time, width and data follows from the kernel's eigenvalues and the
 * target's power per mode (formulas: docs/dynamics.md).
 *
 * <p>Start from {@link kspec.dynamics.DynamicsStudy#run} for everything about one spectrum, or from
 * {@link kspec.dynamics.theory.DynamicsTheory} for single quantities; the inputs are a
 * {@link kspec.dynamics.ModeSpectrum}, {@link kspec.dynamics.Sizes} (P, D, either may be infinite)
 * and an {@link kspec.dynamics.Optimizer}. Subpackages: {@code theory} (the mean-field equations and
 * their inversion), {@code simulation} (the exact finite model), {@code laws} (scaling exponents,
 * the compute frontier, the task-power estimate).
 */
package kspec.dynamics;
