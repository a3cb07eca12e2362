package kspec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import kspec.data.DataException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The output files of one run, written all or nothing.
 *
 * <p>Every output is declared before the computation starts, and refused there (a usage error) if
 * it is a special file or a directory, lies in a directory that does not exist or is not writable,
 * is declared twice (two options, or a name a command derives, at one path), or is one of the
 * run's input files. Each output is then written to a hidden temporary file beside its target; only
 * when every output of the run has been written does {@link #commit} move them all into place. A
 * failure, or SIGINT/SIGTERM (a shutdown hook), deletes the temporary files, so a run leaves either
 * all its outputs or none of them, and never a half-written or hidden file. The path {@code -}
 * (or {@code /dev/stdout}) sends a text output to standard output instead, at commit.
 */
final class RunOutputs implements AutoCloseable {

    private static final String STDOUT = "-";

    /** One declared output: the option that named it, its target and the temporary file it is written to. */
    private record Output(String option, Path target, Path temp, boolean stdout) {
    }

    private final PrintWriter stdout;
    private final List<Path> inputs = new ArrayList<>();
    private final Map<Path, Output> outputs = new LinkedHashMap<>();
    private final Thread cleanup = new Thread(this::deleteTemporaries, "kspec-output-cleanup");
    private boolean hooked;

    /**
     * Runs a command's body with the outputs of one run: the body declares its outputs before any
     * work and writes them to the paths {@link #declare} returns; they are moved into place when
     * the body returns, and deleted if it throws.
     */
    static void run(CommandSpec spec, Consumer<RunOutputs> body) {
        try (RunOutputs outputs = new RunOutputs(spec.commandLine().getOut())) {
            body.accept(outputs);
            outputs.commit();
        }
    }

    /** @param stdout where outputs named {@code -} go */
    RunOutputs(PrintWriter stdout) {
        this.stdout = stdout;
    }

    /**
     * Records input files, which no output may replace; {@code null}s and non-files (synthetic specs,
     * named data sets) are skipped. Declare inputs before outputs.
     */
    RunOutputs inputs(Path... files) {
        for (Path p : files) {
            if (p != null && Files.isRegularFile(p)) {
                inputs.add(p);
            }
        }
        return this;
    }

    /**
     * Declares an output.
     *
     * @param option the option that named it, for messages, e.g. {@code --json}
     * @param target the path given, or {@code null} when the option is absent
     * @param text   whether the output is text, which may go to standard output
     * @return the temporary file to write the output to (null when {@code target} is null); it is
     *     moved to {@code target} by {@link #commit}
     * @throws UsageException if the path cannot take this output
     */
    Path declare(String option, Path target, boolean text) {
        if (target == null) {
            return null;
        }
        boolean toStdout = target.toString().equals(STDOUT) || target.toString().equals("/dev/stdout");
        if (toStdout && !text) {
            throw new UsageException(option + " " + target + ": this output is binary and cannot go to standard output; "
                    + "give a file path");
        }
        Path key = toStdout ? Path.of(STDOUT) : canonical(target);
        Output earlier = outputs.get(key);
        if (earlier != null && !toStdout) {
            throw new UsageException(option + " " + target + " is the same file as " + earlier.option() + " "
                    + earlier.target() + ": one run cannot write two outputs to one path; give different paths");
        }
        if (toStdout) {
            Path temp = temporaryIn(Path.of(System.getProperty("java.io.tmpdir")), "stdout");
            outputs.put(Path.of(STDOUT + outputs.size()), new Output(option, target, temp, true));
            hook();
            return temp;
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new UsageException(option + " " + target + " is " + (Files.isDirectory(target) ? "a directory" : "a device, "
                    + "pipe or other special file") + ", not a regular file; give a file path (or - for standard output)");
        }
        for (Path input : inputs) {
            if (sameFile(input, target)) {
                throw new UsageException(option + " " + target + " is an input of this run (" + input
                        + "); refusing to overwrite it: choose another output path");
            }
        }
        Path dir = key.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + target + ": the directory " + dir + " does not exist; create it or "
                    + "choose another output path");
        }
        if (!Files.isWritable(dir) || (Files.exists(target) && !Files.isWritable(target))) {
            throw new UsageException(option + " " + target + " cannot be written (permission denied); choose another "
                    + "output path");
        }
        Path temp = temporaryIn(dir, key.getFileName().toString());
        outputs.put(key, new Output(option, target, temp, false));
        hook();
        return temp;
    }

    /**
     * Moves every output into place (and prints the standard-output ones), after all were written.
     *
     * @throws DataException if an output was not written or cannot be moved
     */
    void commit() {
        for (Output o : outputs.values()) {
            if (!Files.isRegularFile(o.temp())) {
                throw new DataException(o.option() + " " + o.target() + " was not written; nothing was saved");
            }
        }
        try {
            for (Output o : outputs.values()) {
                if (o.stdout()) {
                    stdout.print(Files.readString(o.temp(), StandardCharsets.UTF_8));
                    stdout.flush();
                    Files.delete(o.temp());
                } else {
                    move(o.temp(), o.target());
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot save the outputs (" + e.getMessage() + "); check free space and permissions", e);
        }
    }

    /** Deletes whatever was not committed and drops the shutdown hook. */
    @Override
    public void close() {
        deleteTemporaries();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing is left to remove
            }
        }
    }

    private void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(cleanup);
            hooked = true;
        }
    }

    /**
     * Deletes the temporary files and the writers' own temporaries beside them (named after them,
     * e.g. {@code .K.npy.kspec-….tmp.123.tmp}), which an interrupted write leaves behind.
     */
    private void deleteTemporaries() {
        for (Output o : outputs.values()) {
            Path temp = o.temp();
            try {
                Files.deleteIfExists(temp);
                Path dir = temp.getParent();
                try (DirectoryStream<Path> partial = Files.newDirectoryStream(dir, "." + temp.getFileName() + ".*")) {
                    for (Path p : partial) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException | UncheckedIOException best) {
                // best effort: the run's own error is what the user needs to see
            }
        }
    }

    /** @return a fresh hidden path in {@code dir}, not created: the writer creates it */
    private static Path temporaryIn(Path dir, String name) {
        return dir.resolve("." + name + ".kspec-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean sameFile(Path input, Path output) {
        try {
            return Files.exists(output) ? Files.isSameFile(input, output) : canonical(input).equals(canonical(output));
        } catch (IOException e) {
            return canonical(input).equals(canonical(output));
        }
    }

    /** @return the real path if the file exists, else the real parent joined with the file name, else the normalized absolute path */
    private static Path canonical(Path p) {
        Path absolute = Objects.requireNonNull(p).toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            Path parent = absolute.getParent();
            if (parent != null && absolute.getFileName() != null) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName());
                } catch (IOException parentMissing) {
                    return absolute;
                }
            }
            return absolute;
        }
    }
}
