package kspec.scaling.duality;

import java.util.Objects;

/**
 * One exponent of the duality report — αK, αD, αP, the spectrum-predicted α, or 4/d — with its
 * 95% interval, where it was measured, and whether its power law was clean enough to compare.
 *
 * @param name     "alphaK", "alphaD", "alphaP", "predictedAlpha", "fourOverD"
 * @param value    the estimate
 * @param ci95     [lo, hi]
 * @param window   the fitted range in words, e.g. "D=64..2048" or "i=10..400"
 * @param powerLaw false when the underlying curve is not a clean power law (then no verdict)
 * @param reason   why it is not clean, or "" when it is
 */
public record Exponent(String name, double value, double[] ci95, String window, boolean powerLaw, String reason) {

    public Exponent {
        Objects.requireNonNull(name, "name");
        if (ci95.length != 2 || !(ci95[0] <= ci95[1])) {
            throw new IllegalArgumentException("ci95 of " + name + " must be [lo, hi] with lo <= hi");
        }
        ci95 = ci95.clone();
        reason = reason == null ? "" : reason;
    }

    @Override
    public double[] ci95() {
        return ci95.clone();
    }

    /** @return the standard error implied by a normal 95% interval, (hi − lo)/(2·1.96) */
    public double standardError() {
        return (ci95[1] - ci95[0]) / (2 * PairVerdict.Z95);
    }
}
