package kspec.scaling.duality;

import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;

/**
 * Whether two exponents agree: the difference a − b with a 95% interval from the two intervals
 * combined as independent normal errors, \( \Delta \pm 1.96\sqrt{se_a^2 + se_b^2} \),
 * \( se = (hi - lo)/(2 \cdot 1.96) \) (the standard error a normal interval of that width would
 * have, whatever made it; {@link IntervalMethod#DELTA_METHOD}). {@link Verdict#CONSISTENT} when the
 * interval contains 0, {@link Verdict#INCONSISTENT} when it does not, and {@link Verdict#INCONCLUSIVE}
 * — never either of the others by accident — when one of the two is not a clean power law.
 *
 * @param pair       e.g. "alphaD~alphaK"
 * @param verdict    the answer
 * @param difference a − b with its interval
 * @param reason     why inconclusive, or "" otherwise
 */
public record PairVerdict(String pair, Verdict verdict, Estimate difference, String reason) {

    /** @return true for consistent, false for inconsistent, null when inconclusive (JSON {@code consistent}) */
    public Boolean consistent() {
        return switch (verdict) {
            case CONSISTENT -> Boolean.TRUE;
            case INCONSISTENT -> Boolean.FALSE;
            case INCONCLUSIVE -> null;
        };
    }

    /** Compares two exponents. */
    public static PairVerdict compare(Exponent a, Exponent b) {
        String pair = a.name() + "~" + b.name();
        double se = Math.hypot(normalStandardError(a.estimate()), normalStandardError(b.estimate()));
        Estimate difference = Estimate.normal(a.estimate().value() - b.estimate().value(), se,
                IntervalMethod.DELTA_METHOD);
        if (!a.powerLaw() || !b.powerLaw()) {
            Exponent unclean = a.powerLaw() ? b : a;
            return new PairVerdict(pair, Verdict.INCONCLUSIVE, difference,
                    unclean.name() + " is not a clean power law: " + unclean.reason());
        }
        Verdict verdict = difference.covers(0) ? Verdict.CONSISTENT : Verdict.INCONSISTENT;
        return new PairVerdict(pair, verdict, difference, "");
    }

    /** @return (hi − lo)/(2·1.96), the standard error implied by a normal 95% interval of e's width */
    private static double normalStandardError(Estimate e) {
        return (e.hi() - e.lo()) / (2 * Stats.Z95);
    }
}
