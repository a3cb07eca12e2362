/**
 * Scaling laws of the dynamical model: the bottleneck and compute-optimal exponents and their
 * conditions ({@link kspec.dynamics.laws.BottleneckLaws}), their prediction from measured (a, b) with
 * intervals ({@link kspec.dynamics.laws.PredictedExponents}, a from {@link
 * kspec.dynamics.laws.TaskPowerTail}), and their measurement from curves: log–log slopes, the
 * compute frontier, the finite-width gap and the width–data duality check. Formulas:
 * docs/dynamics.md.
 */
package kspec.dynamics.laws;
