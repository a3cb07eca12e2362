/**
 * Manifolds of known intrinsic dimension (sphere, cube, flat torus, swiss roll, Gaussian), sampled
 * exactly and embedded isometrically by a seeded random orthogonal map: ground truth for
 * intrinsic-dimension estimators and for kernel spectra on spheres.
 *
 * <p>Start from {@link kspec.data.synthetic.SyntheticManifolds#sample} with a
 * {@link kspec.data.synthetic.SyntheticSpec} such as {@code sphere:d=4,ambient=50}.
 */
package kspec.data.synthetic;
