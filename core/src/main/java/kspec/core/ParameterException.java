package kspec.core;

/**
 * A bad value passed to a library method, or one the data make unusable: the message names the
 * value, the parameter to change as a Java caller knows it, and the fix ({@link ParameterMessage}),
 * so that a front end can name the parameter its own way.
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final ParameterMessage advice;

    /** @param advice the message, with the parameters it names */
    public ParameterException(ParameterMessage advice) {
        super(advice.text());
        this.advice = advice;
    }

    /**
     * @param template   the message with each parameter written as {@code {name}}
     * @param parameters the parameters it names
     */
    public ParameterException(String template, String... parameters) {
        this(ParameterMessage.of(template, parameters));
    }

    /** @return the message with the parameters it names, for a front end to reword */
    public ParameterMessage advice() {
        return advice;
    }
}
