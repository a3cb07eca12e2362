package kspec.data;

import java.util.Optional;
import kspec.core.ParameterMessage;

/**
 * Bad input data: a missing, empty, truncated or malformed file, a shape that lies, non-numeric
 * cells, labels that do not match the rows, non-finite values where an analysis needs finite ones.
 *
 * <p>The message is one line that names the problem (file, row, column, counts) and the fix. When
 * the fix is another value of a parameter (a format, a label column, a policy), the message names
 * it as a Java caller knows it and carries it as {@link #advice()}, for a front end to name its own
 * way; the CLI prints the message so and exits with code 1.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ParameterMessage advice;

    public DataException(String message) {
        super(message);
        this.advice = null;
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
        this.advice = null;
    }

    /** @param advice the message, naming the parameters whose values would fix the problem */
    public DataException(ParameterMessage advice) {
        super(advice.text());
        this.advice = advice;
    }

    /** @return the message with the parameters it names, when it names any */
    public Optional<ParameterMessage> advice() {
        return Optional.ofNullable(advice);
    }
}
