/**
 * The Bordelon–Canatar–Pehlevan theory of kernel-regression learning curves: the test loss E_g(D)
 * predicted from the kernel's eigenvalues and the target's power per mode, and its asymptotic
 * exponent min(a − 1, 2b).
 *
 * <p>Start from {@link kspec.spectra.theory.LearningCurveTheory#predict}. Formulas and reference
 * values: docs/learning-curves.md.
 */
package kspec.spectra.theory;
