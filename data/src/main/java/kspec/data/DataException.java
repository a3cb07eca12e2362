package kspec.data;

/**
 * Bad input data: a missing, empty, truncated or malformed file, a shape that lies, non-numeric
 * cells, labels that do not match the rows, non-finite values where an analysis needs finite ones.
 *
 * <p>The message is one line that names the problem (file, row, column, counts) and the fix; the
 * CLI prints it as is and exits with code 1.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
