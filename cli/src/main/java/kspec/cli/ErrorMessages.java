package kspec.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import kspec.core.ParameterException;
import kspec.core.ParameterMessage;
import kspec.core.memory.InsufficientMemoryException;
import kspec.data.DataException;

/** Turns any failure into the one line a user reads. */
final class ErrorMessages {

    /**
     * The option that sets each library parameter the library's messages name
     * ({@link ParameterMessage}): the library speaks of the Java parameter, the user reads the option.
     */
    static final Map<String, String> OPTION_FOR_PARAMETER = Map.ofEntries(
            Map.entry("ReadOptions.format", "--format"),
            Map.entry("ReadOptions.labels", "--labels"),
            Map.entry("ReadOptions.labelColumn", "--label-column"),
            Map.entry("ReadOptions.targetColumn", "--target-column"),
            Map.entry("ReadOptions.delimiter", "--delimiter"),
            Map.entry("Preprocessing.nonFinite", "--allow-nonfinite"),
            Map.entry("Architecture.width", "--width"),
            Map.entry("KernelBuilder.kinds", "--kind"),
            Map.entry("SpectrumAnalysis.Options.topK", "--top"),
            Map.entry("SpectrumAnalysis.Options.bootstrap", "--bootstrap"),
            Map.entry("RegressionTargets.target", "--target"),
            Map.entry("DataScaling.sizes", "--sizes"),
            Map.entry("CurveConfig.sizes", "--sizes"),
            Map.entry("CurveConfig.testPoints", "--test"),
            Map.entry("DualityConfig.target", "--target"),
            Map.entry("DualityConfig.dataSizes", "--sizes"),
            Map.entry("DualityConfig.widths", "--widths"),
            Map.entry("DualityConfig.testPoints", "--test"),
            Map.entry("testPoints", "--test"),
            Map.entry("RunColumns.params", "--param-column"),
            Map.entry("RunColumns.tokens", "--token-column"),
            Map.entry("RunColumns.steps", "--step-column"),
            Map.entry("RunColumns.flops", "--flop-column"),
            Map.entry("RunColumns.loss", "--loss-column"),
            Map.entry("RunColumns.group", "--group-column"),
            Map.entry("LawOptions.dropTop", "--drop-top"),
            Map.entry("LawOptions.bootstrap", "--bootstrap"),
            Map.entry("LawOptions.budget", "--budget"),
            Map.entry("ridge", "--ridge"));

    private ErrorMessages() {
    }

    /**
     * @return the exception's own message for kspec's validated errors (they already name the
     *     problem and the fix), with the options that set the parameters it names; a readable
     *     sentence for common I/O failures; the class name and message otherwise. Never more than
     *     one line.
     */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message;
        Optional<ParameterMessage> advice = advice(t);
        if (advice.isPresent()) {
            message = advice.get().naming(p -> OPTION_FOR_PARAMETER.getOrDefault(p, p));
        } else if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            message = "file not found: " + t.getMessage() + "; check the path";
        } else if (t instanceof AccessDeniedException) {
            message = "permission denied: " + t.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            message = "out of memory; give Java more heap (KSPEC_JAVA_OPTS=-Xmx16g ./kspec ...) or use a smaller --n";
        } else if (t instanceof StackOverflowError) {
            message = "the input nests or recurses too deeply for the thread's stack (StackOverflowError); "
                    + "check the input, and report it if it is well-formed";
        } else if (t instanceof InsufficientMemoryException) {
            message = t.getMessage() + " (kspec: KSPEC_JAVA_OPTS=-Xmx16g ./kspec ...)";
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            message = t.getClass().getSimpleName();
        } else if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t.getClass().getName().startsWith("kspec.")) {
            message = t.getMessage();
        } else {
            message = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static Optional<ParameterMessage> advice(Throwable t) {
        if (t instanceof ParameterException p) {
            return Optional.of(p.advice());
        }
        return t instanceof DataException d ? d.advice() : Optional.empty();
    }
}
