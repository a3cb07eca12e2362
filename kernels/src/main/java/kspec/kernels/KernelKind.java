package kspec.kernels;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which infinite-width kernel to build: the NNGP (Gaussian-process covariance) or the NTK. */
public enum KernelKind {
    /** The NNGP kernel Σ of the network output (Lee et al. 2018, arXiv 1711.00165). */
    NNGP,
    /** The neural tangent kernel Θ (Jacot, Gabriel, Hongler 2018, arXiv 1806.07572). */
    NTK;

    /**
     * Parses the text form {@code nngp | ntk | both} (case-insensitive).
     *
     * @param text the kind
     * @return a new mutable set with the requested kinds
     * @throws IllegalArgumentException for anything else
     */
    public static Set<KernelKind> parseSet(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nngp" -> EnumSet.of(NNGP);
            case "ntk" -> EnumSet.of(NTK);
            case "both" -> EnumSet.of(NNGP, NTK);
            default -> throw new IllegalArgumentException("Unknown kernel kind '" + text
                    + "': use nngp, ntk or both");
        };
    }
}
