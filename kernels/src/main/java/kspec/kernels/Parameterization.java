package kspec.kernels;

import java.util.Locale;

/**
 * How the weights of a {@link Dense} layer are scaled (neural-tangents {@code parameterization}).
 * The NNGP is the same in both; the NTK differs.
 */
public enum Parameterization {
    /**
     * NT's default: parameters ~ N(0, 1), forward pass \( z = (\sigma_w/\sqrt{n_{in}}) W x + \sigma_b b \)
     * (Jacot, Gabriel, Hongler 2018, arXiv 1806.07572). The NTK does not depend on the widths.
     */
    NTK,
    /**
     * W ~ N(0, σ_w²/n_in), b ~ N(0, σ_b²), no 1/√n in the forward pass (Sohl-Dickstein et al. 2020,
     * arXiv 2001.07301). The NTK depends on the actual fan-ins, so hidden widths are needed.
     */
    STANDARD;

    /**
     * @param text "ntk" or "standard", case-insensitive
     * @return the parameterization
     * @throws IllegalArgumentException for anything else
     */
    public static Parameterization parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ntk" -> NTK;
            case "standard" -> STANDARD;
            default -> throw new IllegalArgumentException("Unknown parameterization '" + text
                    + "': use 'ntk' (default) or 'standard'");
        };
    }

    /** @return the lower-case name used in the string forms ("ntk", "standard") */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
