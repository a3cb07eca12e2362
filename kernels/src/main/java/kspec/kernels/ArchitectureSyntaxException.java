package kspec.kernels;

/**
 * A syntax or value error in an architecture string, pointing at the offending token: the message
 * names the problem, quotes the token with its 1-based column and repeats the string with a caret
 * line under the token.
 */
public final class ArchitectureSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String token;

    ArchitectureSyntaxException(String problem, String text, int position, String token) {
        super(problem + " at column " + (position + 1) + " ('" + token + "'):\n  " + text + "\n  "
                + " ".repeat(position) + "^".repeat(Math.max(1, token.length())));
        this.position = position;
        this.token = token;
    }

    /** @return the 0-based character offset of the offending token */
    public int position() {
        return position;
    }

    /** @return the offending token's text */
    public String token() {
        return token;
    }
}
