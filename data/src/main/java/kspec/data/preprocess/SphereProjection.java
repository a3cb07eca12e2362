package kspec.data.preprocess;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Projection of every row onto a sphere, the last preprocessing step.
 *
 * <ul>
 * <li>{@link #NONE}: rows unchanged.</li>
 * <li>{@link #UNIT}: x ↦ x/‖x‖, so x·x = 1: points on the unit sphere S<sup>dim−1</sup>, the convention of
 *     the harmonic-analysis papers (Bietti &amp; Mairal 2019, arXiv 1905.12173).</li>
 * <li>{@link #SQRT_DIM}: x ↦ √dim · x/‖x‖, so x·x/dim = 1. This is the neural-tangents input convention:
 *     the input covariance is Σ<sup>0</sup>(x, x′) = x·x′/d<sub>in</sub>, which then has unit diagonal and
 *     equals cos∠(x, x′) off the diagonal, the setting in which the normalised arc-cosine recursions
 *     hold (Σ<sup>1</sup> = z = cos angle with first-layer W_std = 1). Use it when kernels are
 *     computed with NT conventions.</li>
 * </ul>
 */
public enum SphereProjection {
    NONE("none"),
    UNIT("unit"),
    SQRT_DIM("sqrt-dim");

    private final String id;

    SphereProjection(String id) {
        this.id = id;
    }

    /** @return the lower-case name: {@code none}, {@code unit}, {@code sqrt-dim} */
    public String id() {
        return id;
    }

    /**
     * @param name {@code none}, {@code unit} or {@code sqrt-dim} (case-insensitive)
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static SphereProjection parse(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (SphereProjection p : values()) {
            if (p.id.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown sphere projection '" + name + "'; valid: "
                + Arrays.stream(values()).map(SphereProjection::id).collect(Collectors.joining(", ")));
    }
}
