package kspec.cli;

import java.io.PrintWriter;
import java.util.Arrays;
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
        subcommands = {InfoCommand.class, KernelCommand.class, SpectrumCommand.class, DimensionCommand.class, CurveCommand.class, DualityCommand.class, DynamicsCommand.class, LawsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Kspec implements Runnable {

    /** Exit code for data or runtime errors (picocli uses 2 for usage errors). */
    static final int DATA_ERROR = 1;
    /** Exit code for usage errors: unknown or malformed options, values out of range. */
    static final int USAGE_ERROR = 2;

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
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e.getMessage(), e.getCommandLine()));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                return usageError(e.getMessage(), commandLine);
            }
            return failure(e, commandLine.getErr(), isVerbose(args));
        });
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli hands only Exceptions to the handler; an Error would end in a stack trace
            return failure(e, err, isVerbose(args));
        }
    }

    /** Prints the one-line error (and with --verbose its stack trace); exit code 1. */
    private static int failure(Throwable e, PrintWriter err, boolean verbose) {
        err.println("kspec: error: " + ErrorMessages.oneLine(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return DATA_ERROR;
    }

    /** Prints the usage error and a pointer to the command's help, not the help itself; exit code 2. */
    private static int usageError(String message, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        err.println("kspec: usage error: " + ErrorMessages.oneLine(new UsageException(message)));
        err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return USAGE_ERROR;
    }

    private static boolean isVerbose(String[] args) {
        return Arrays.asList(args).contains("--verbose");
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
