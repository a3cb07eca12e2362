package kspec.cli;

/**
 * A usage error found after parsing: an option value out of range, or options that do not go
 * together. Exit code 2, like picocli's own parse errors; the message names the option and the fix.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
