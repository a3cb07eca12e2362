package kspec.data.runs;

import java.util.List;
import java.util.Locale;

/**
 * What a column of a run table holds. Each role has the header names it is recognised by when the
 * caller does not name its column ({@link RunColumns}); names are compared case-insensitively with
 * everything but letters and digits removed, so {@code "Model Size"}, {@code model_size} and
 * {@code modelSize} are one name.
 */
public enum RunRole {

    /** Model size N: the number of parameters. */
    PARAMS("model size (parameters)", "params", "parameters", "modelsize", "nparams", "numparams", "paramcount",
            "nonembeddingparams", "n"),

    /** Training tokens D. */
    TOKENS("training tokens", "tokens", "trainingtokens", "ntokens", "numtokens", "datasize", "d"),

    /** Optimisation steps S. */
    STEPS("training steps", "steps", "step", "trainingsteps", "s"),

    /** Training compute C in FLOPs. */
    FLOPS("training FLOPs", "flops", "flop", "trainingflop", "trainingflops", "compute", "c"),

    /** Final loss L. */
    LOSS("final loss", "loss", "finalloss", "evalloss", "validationloss", "valloss", "testloss", "l"),

    /** A label that groups runs into families (text or integers). */
    GROUP("run family", "group", "family", "modelfamily");

    private final String description;
    private final List<String> defaultNames;

    RunRole(String description, String... defaultNames) {
        this.description = description;
        this.defaultNames = List.of(defaultNames);
    }

    /** @return what the column holds, e.g. "model size (parameters)" */
    public String description() {
        return description;
    }

    /**
     * @return how messages name the choice of this role's column, e.g. {@code RunColumns.params}
     *     (set with {@link RunColumns#with})
     */
    public String parameter() {
        return "RunColumns." + name().toLowerCase(Locale.ROOT);
    }

    /** @return the normalised header names recognised for this role, most specific first */
    public List<String> defaultNames() {
        return defaultNames;
    }

    /** @return {@code header} lower-cased with everything but letters and digits removed */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
