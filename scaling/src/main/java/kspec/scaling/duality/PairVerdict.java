package kspec.scaling.duality;

/**
 * Whether two exponents agree: the difference a − b with a 95% interval from the two intervals
 * combined as independent normal errors, \( \Delta \pm 1.96\sqrt{se_a^2 + se_b^2} \),
 * \( se = (hi - lo)/(2 \cdot 1.96) \). "consistent" when the interval contains 0, "inconsistent"
 * when it does not, and "inconclusive" — never either of the others by accident — when one of the
 * two is not a clean power law.
 *
 * @param pair       e.g. "alphaD~alphaK"
 * @param verdict    "consistent", "inconsistent" or "inconclusive"
 * @param difference a − b
 * @param ci95       interval on the difference
 * @param reason     why inconclusive, or "" otherwise
 */
public record PairVerdict(String pair, String verdict, double difference, double[] ci95, String reason) {

    /** The two-sided 95% normal quantile. */
    static final double Z95 = 1.959963984540054;

    public PairVerdict {
        ci95 = ci95.clone();
    }

    @Override
    public double[] ci95() {
        return ci95.clone();
    }

    /** @return true for "consistent", false for "inconsistent", null when inconclusive (JSON {@code consistent}) */
    public Boolean consistent() {
        return switch (verdict) {
            case "consistent" -> Boolean.TRUE;
            case "inconsistent" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Compares two exponents. */
    public static PairVerdict compare(Exponent a, Exponent b) {
        String pair = a.name() + "~" + b.name();
        double difference = a.value() - b.value();
        double half = Z95 * Math.hypot(a.standardError(), b.standardError());
        double[] ci = {difference - half, difference + half};
        if (!a.powerLaw() || !b.powerLaw()) {
            Exponent unclean = a.powerLaw() ? b : a;
            return new PairVerdict(pair, "inconclusive", difference, ci,
                    unclean.name() + " is not a clean power law: " + unclean.reason());
        }
        boolean consistent = ci[0] <= 0 && 0 <= ci[1];
        return new PairVerdict(pair, consistent ? "consistent" : "inconsistent", difference, ci, "");
    }
}
