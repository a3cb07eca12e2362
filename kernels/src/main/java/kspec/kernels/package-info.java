/**
 * Exact infinite-width NNGP and NTK kernels of fully connected networks in neural-tangents
 * conventions, float64: architectures, dual activations, Gram matrices, matrix-free kernel
 * operators, and the exact population spectrum on the sphere.
 *
 * <p>Start from {@link kspec.kernels.Architecture#parse} (or {@link kspec.kernels.Architecture#simple})
 * and {@link kspec.kernels.Kernels}: a Gram matrix, or a kernel's spectrum on the dense or, for
 * kernels too large to store, the matrix-free path ({@link kspec.kernels.KernelOperator} with block
 * Krylov). Formulas: docs/kernels.md and
 * docs/sphere-spectra.md.
 */
package kspec.kernels;
