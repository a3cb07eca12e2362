package kspec.cli;

import picocli.CommandLine.Option;

/** The regression settings shared by the learning-curve commands: seeds, held-out points, ridge. */
final class RegressionOptions {

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds per curve: orderings of the pool and feature draws (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--test", paramLabel = "N", defaultValue = "500", description = "Held-out test points (default: ${DEFAULT-VALUE}).")
    int testPoints;

    @Option(names = "--ridge", defaultValue = "0", description = "Ridge (default: ${DEFAULT-VALUE}, ridgeless).")
    double ridge;
}
