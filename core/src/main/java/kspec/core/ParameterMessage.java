package kspec.core;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An error message that tells the caller which parameters of a library call to change, written so
 * that a front end with its own names for those parameters (the command line's options) can name
 * them its own way. The template marks each parameter as {@code {name}}, where name is how a Java
 * caller knows it, e.g. {@code "largest size 2048 exceeds the pool; lower {DualityConfig.dataSizes}"}.
 *
 * @param template   the message with each parameter written as {@code {name}}
 * @param parameters the names marked in the template, each as it reads in Java ({@code Class.parameter},
 *                   or the plain parameter name where it is unambiguous)
 */
public record ParameterMessage(String template, List<String> parameters) implements Serializable {

    /**
     * @throws IllegalArgumentException when a parameter is not marked in the template
     */
    public ParameterMessage {
        Objects.requireNonNull(template, "template");
        parameters = List.copyOf(parameters);
        for (String p : parameters) {
            if (!template.contains(placeholder(p))) {
                throw new IllegalArgumentException("the message template does not mark its parameter " + p
                        + " as " + placeholder(p) + ": " + template);
            }
        }
    }

    /** @return a message naming the given parameters, each marked {@code {name}} in the template */
    public static ParameterMessage of(String template, String... parameters) {
        return new ParameterMessage(template, List.of(parameters));
    }

    /** @return the message for a Java caller: every parameter under its Java name */
    public String text() {
        return naming(UnaryOperator.identity());
    }

    /**
     * @param names a front end's name for each Java parameter name (return the argument to keep it)
     * @return the message with every parameter under the front end's name
     */
    public String naming(UnaryOperator<String> names) {
        String s = template;
        for (String p : parameters) {
            s = s.replace(placeholder(p), names.apply(p));
        }
        return s;
    }

    private static String placeholder(String parameter) {
        return "{" + parameter + "}";
    }
}
