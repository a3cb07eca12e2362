package kspec.kernels;

/**
 * One layer of a serial fully connected network in neural-tangents conventions: either an affine
 * {@link Dense} layer or an elementwise {@link Activation}.
 *
 * <p>{@link #toString()} is the layer's token in the architecture string form
 * (see {@link Architecture#parse(String)}), e.g. {@code Dense(1.5,0.05)} or {@code Erf(1.0,1.0,0.0)}.
 */
public sealed interface Layer permits Dense, Activation {
}
