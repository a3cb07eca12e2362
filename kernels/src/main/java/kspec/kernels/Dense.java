package kspec.kernels;

/**
 * An affine layer {@code Dense(W_std, b_std)} in neural-tangents conventions (Novak et al. 2020,
 * arXiv 1912.02803, {@code stax.Dense}).
 *
 * <p>NNGP map (both parameterizations): \( \Sigma' = \sigma_w^2 \Phi + \sigma_b^2 \), where \( \Phi \)
 * is the incoming post-activation covariance. NTK map: \( \Theta' = \Sigma' + \sigma_w^2 \tilde\Theta \)
 * in the {@code ntk} parameterization and \( \Theta' = n_{in} \Phi + \sigma_w^2 \tilde\Theta
 * (+1 \text{ with a bias}) \) in the {@code standard} one.
 *
 * <p>A layer without bias ({@code Dense(W_std)}, NT's {@code b_std=None}) is not the same as
 * {@code Dense(W_std, 0)}: the standard-parameterization NTK of the latter gets the {@code +1} of the
 * (zero-initialised but trainable) bias.
 */
public final class Dense implements Layer {

    private final double wStd;
    private final double bStd;
    private final boolean hasBias;

    private Dense(double wStd, double bStd, boolean hasBias) {
        this.wStd = wStd;
        this.bStd = bStd;
        this.hasBias = hasBias;
    }

    /**
     * A Dense layer without bias.
     *
     * @param wStd weight standard deviation σ_w, finite and &gt; 0
     * @return the layer
     * @throws IllegalArgumentException for σ_w ≤ 0 or not finite
     */
    public static Dense of(double wStd) {
        return new Dense(requireWStd(wStd), 0.0, false);
    }

    /**
     * A Dense layer with bias.
     *
     * @param wStd weight standard deviation σ_w, finite and &gt; 0
     * @param bStd bias standard deviation σ_b, finite and ≥ 0
     * @return the layer
     * @throws IllegalArgumentException for σ_w ≤ 0, σ_b &lt; 0 or a non-finite value
     */
    public static Dense of(double wStd, double bStd) {
        if (!(bStd >= 0) || Double.isInfinite(bStd)) {
            throw new IllegalArgumentException("b_std must be a finite number >= 0 (got " + bStd
                    + "); omit it for a layer without bias");
        }
        return new Dense(requireWStd(wStd), bStd, true);
    }

    private static double requireWStd(double wStd) {
        if (!(wStd > 0) || Double.isInfinite(wStd)) {
            throw new IllegalArgumentException("W_std must be a finite number > 0 (got " + wStd + ")");
        }
        return wStd;
    }

    /** @return σ_w */
    public double wStd() {
        return wStd;
    }

    /** @return σ_b, 0 when the layer has no bias */
    public double bStd() {
        return bStd;
    }

    /** @return whether the layer has a bias (NT: {@code b_std is not None}) */
    public boolean hasBias() {
        return hasBias;
    }

    @Override
    public String toString() {
        return hasBias ? "Dense(" + wStd + "," + bStd + ")" : "Dense(" + wStd + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dense d && d.wStd == wStd && d.bStd == bStd && d.hasBias == hasBias;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(wStd) * 31 + Double.hashCode(bStd) + (hasBias ? 7 : 0);
    }
}
