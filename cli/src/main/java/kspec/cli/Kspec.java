package kspec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code kspec} command: measures why neural networks scale — infinite-width kernels, their
 * spectra, the intrinsic dimension of the data and the width–data duality.
 *
 * <p>Exit codes: 0 success, 2 usage error, 1 data or runtime error. Errors are one readable line
 * on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "kspec",
        mixinStandardHelpOptions = true,
        versionProvider = Kspec.Version.class,
        description = "Measure why neural networks scale: NNGP/NTK kernels, spectra, intrinsic dimension, duality.",
        subcommands = {InfoCommand.class, KernelCommand.class, SpectrumCommand.class, DimensionCommand.class, CurveCommand.class, DualityCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Kspec implements Runnable {

    /** Exit code for data or runtime errors (picocli uses 2 for usage errors). */
    static final int DATA_ERROR = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'kspec info'");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs kspec with the given streams and returns the exit code (used by tests and {@link #main}). */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Kspec root = new Kspec();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            commandLine.getErr().println("kspec: error: " + ErrorMessages.oneLine(e));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return DATA_ERROR;
        });
        return cli.execute(args);
    }

    /** Reads the version from the jar manifest (Implementation-Version), "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Kspec.class.getPackage().getImplementationVersion();
            return new String[] {"kspec " + (v == null ? "development" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                    "License GPL-3.0-or-later"};
        }
    }
}
