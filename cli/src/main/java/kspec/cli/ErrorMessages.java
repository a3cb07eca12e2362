package kspec.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns any failure into the one line a user reads. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * @return the exception's own message for kspec's validated errors (they already name the
     *     problem and the fix); a readable sentence for common I/O failures; the class name and
     *     message otherwise. Never more than one line.
     */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message;
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            message = "file not found: " + t.getMessage() + "; check the path";
        } else if (t instanceof AccessDeniedException) {
            message = "permission denied: " + t.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            message = "out of memory; give Java more heap (KSPEC_JAVA_OPTS=-Xmx16g ./kspec ...) or use a smaller --n";
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
}
