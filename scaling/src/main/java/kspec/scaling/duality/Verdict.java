package kspec.scaling.duality;

import java.util.Locale;

/** The answer to "do two exponents agree?" ({@link PairVerdict}). */
public enum Verdict {

    /** The 95% interval of the difference contains 0. */
    CONSISTENT,
    /** The 95% interval of the difference excludes 0. */
    INCONSISTENT,
    /** One of the two exponents is not a clean power law, so there is nothing to compare. */
    INCONCLUSIVE;

    /** @return the name used in reports and JSON, e.g. {@code consistent} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
