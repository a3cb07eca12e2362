package kspec.scaling.duality;

import java.util.Objects;
import kspec.core.stats.Estimate;

/**
 * One exponent of the duality report — αK, αD, αP, the spectrum-predicted α, or 4/d — with its
 * estimate, where it was measured, and whether its power law was clean enough to compare.
 *
 * @param name     "alphaK", "alphaD", "alphaP", "predictedAlpha", "fourOverD"
 * @param estimate the value with its 95% interval and how that interval was made
 * @param window   the fitted range in words, e.g. "D=64..2048" or "i=10..400"
 * @param powerLaw false when the underlying curve is not a clean power law (then no verdict)
 * @param reason   why it is not clean, or "" when it is
 */
public record Exponent(String name, Estimate estimate, String window, boolean powerLaw, String reason) {

    public Exponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(estimate, "estimate");
        reason = reason == null ? "" : reason;
    }
}
