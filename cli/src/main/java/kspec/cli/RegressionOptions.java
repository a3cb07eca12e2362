package kspec.cli;

import picocli.CommandLine.Option;

/** The regression settings shared by the learning-curve commands: seeds, held-out points, ridge. */
final class RegressionOptions {

    /** Most seeds per curve: the interval over seeds stops narrowing visibly long before. */
    static final int MAX_SEEDS = 1000;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds per curve: orderings of the pool and feature draws (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--test", paramLabel = "N", defaultValue = "500", description = "Held-out test points (default: ${DEFAULT-VALUE}).")
    int testPoints;

    @Option(names = "--ridge", defaultValue = "0", description = "Ridge (default: ${DEFAULT-VALUE}, ridgeless).")
    double ridge;

    /** @throws UsageException for a value out of range, naming the option */
    void validate() {
        OptionRanges.within("--seeds", seeds, 1, MAX_SEEDS, "repetitions of every curve");
        if (testPoints < 1) {
            throw new UsageException("--test must be at least 1 (the held-out points the loss is measured on), got "
                    + testPoints);
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new UsageException("--ridge must be a finite number >= 0, got " + ridge);
        }
    }

    /**
     * @param points the number of points the held-out set is taken from
     * @throws UsageException if the held-out set would take them all
     */
    void requireTrainingPoints(int points) {
        if (testPoints >= points) {
            throw new UsageException("--test " + testPoints + " leaves no training points among " + points
                    + "; lower --test or give more points");
        }
    }
}
