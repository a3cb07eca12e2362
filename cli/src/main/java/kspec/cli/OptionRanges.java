package kspec.cli;

/** Range checks of option values, before any work: a value out of range is a usage error (exit 2). */
final class OptionRanges {

    private OptionRanges() {
    }

    /** @throws UsageException unless {@code min <= value <= max} */
    static void within(String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be " + (max == Long.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + " (" + why + "), got " + value);
        }
    }

    /** @throws UsageException unless {@code value >= min} */
    static void atLeast(String option, long value, long min, String why) {
        within(option, value, min, Long.MAX_VALUE, why);
    }

    /** @throws UsageException unless {@code value} is finite and {@code value >= min} ({@code > min} when strict) */
    static void finiteAbove(String option, double value, double min, boolean strict, String why) {
        boolean ok = Double.isFinite(value) && (strict ? value > min : value >= min);
        if (!ok) {
            throw new UsageException(option + " must be a finite number " + (strict ? "> " : ">= ") + min + " (" + why
                    + "), got " + value);
        }
    }
}
