package kspec.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import kspec.core.ParameterException;

/**
 * An immutable serial fully connected network in neural-tangents ({@code stax}) conventions:
 * {@code Dense} layers, each optionally followed by one activation, ending in a readout {@code Dense},
 * plus the parameterization and (for finite networks and the standard-parameterization NTK) the hidden
 * width. The input kernel is Σ⁰(x, x′) = x·x′/d_in, Θ⁰ = 0.
 *
 * <p><b>String form</b> ({@link #parse}, {@link #toString()}): whitespace-separated tokens
 * {@code Dense(W_std)} (no bias), {@code Dense(W_std,b_std)}, activation tokens (see {@link Activations}),
 * and options {@code parameterization=ntk|standard}, {@code width=N}; e.g.
 * {@code "Dense(1.5,0.05) Relu Dense(1.5,0.05) Erf Dense(1.5)"}. Names are case-insensitive.
 *
 * <p><b>Simple form</b> ({@link #simple}): {@code depth} hidden layers, i.e. depth × [Dense(W_std, b_std),
 * activation] followed by the readout Dense(W_std, b_std) — the usual NT example
 * {@code stax.serial(*[Dense(w, W_std, b_std), Relu()] * depth, Dense(1, W_std, b_std))}.
 */
public final class Architecture {

    private final List<Layer> layers;
    private final Parameterization parameterization;
    private final Integer width;

    private Architecture(List<Layer> layers, Parameterization parameterization, Integer width) {
        this.layers = List.copyOf(layers);
        this.parameterization = parameterization;
        this.width = width;
    }

    /**
     * @param layers           Dense first, each activation right after a Dense, a Dense last. Not modified.
     * @param parameterization NTK or STANDARD
     * @param width            hidden width (the fan-out of every Dense but the readout); required for
     *                         STANDARD when there is a hidden layer; null when not needed
     * @return the architecture
     * @throws IllegalArgumentException when the structure is invalid or a needed width is missing
     */
    public static Architecture of(List<Layer> layers, Parameterization parameterization, Integer width) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("The architecture has no layers");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Activation && (i == 0 || !(layers.get(i - 1) instanceof Dense))) {
                throw new IllegalArgumentException("Layer " + (i + 1) + " (" + layers.get(i)
                        + ") is an activation that does not follow a Dense layer");
            }
        }
        if (!(layers.get(layers.size() - 1) instanceof Dense)) {
            throw new IllegalArgumentException("The network must end with a readout Dense layer");
        }
        if (parameterization == null) {
            throw new IllegalArgumentException("parameterization must be NTK or STANDARD");
        }
        if (width != null && width < 1) {
            throw new IllegalArgumentException("width must be >= 1 (got " + width + ")");
        }
        Architecture a = new Architecture(layers, parameterization, width);
        if (parameterization == Parameterization.STANDARD && a.denseCount() > 1 && width == null) {
            throw new ParameterException("The standard parameterization's NTK depends on the hidden width: "
                    + "give {Architecture.width} (or width=W in the architecture string)", "Architecture.width");
        }
        return a;
    }

    /**
     * Parses the string form; errors point at the token ({@link ArchitectureSyntaxException}).
     *
     * @param arch e.g. {@code "Dense(1.5,0.05) Relu Dense(1.5) parameterization=standard width=512"}
     * @return the architecture (parameterization NTK unless the string says otherwise)
     */
    public static Architecture parse(String arch) {
        return ArchitectureParser.parseArchitecture(arch, null, null);
    }

    /**
     * Parses the string form with the parameterization and width given separately (e.g. from a front
     * end's options).
     *
     * @param arch             the string form
     * @param parameterization null to keep the string's (default NTK); must agree with the string if both are given
     * @param width            null to keep the string's; must agree with the string if both are given
     * @return the architecture
     */
    public static Architecture parse(String arch, Parameterization parameterization, Integer width) {
        return ArchitectureParser.parseArchitecture(arch, parameterization, width);
    }

    /**
     * The common case: {@code depth} hidden layers, depth × [Dense(wStd, bStd), activation], then the
     * readout Dense(wStd, bStd).
     *
     * @param depth            number of hidden layers (= activation layers), ≥ 1
     * @param activation       activation token, e.g. "relu", "erf", "leakyrelu(0.1)" ({@link Activations#parse})
     * @param wStd             σ_w &gt; 0 of every Dense, readout included
     * @param bStd             σ_b ≥ 0 of every Dense, or null for no bias (differs from 0 for the standard NTK)
     * @param parameterization null for NTK
     * @param width            hidden width; required for STANDARD, optional otherwise
     * @return the architecture
     */
    public static Architecture simple(int depth, String activation, double wStd, Double bStd,
                                      Parameterization parameterization, Integer width) {
        return simple(depth, Activations.parse(activation), wStd, bStd, parameterization, width);
    }

    /** As {@link #simple(int, String, double, Double, Parameterization, Integer)} with an activation object. */
    public static Architecture simple(int depth, Activation activation, double wStd, Double bStd,
                                      Parameterization parameterization, Integer width) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1 hidden layer (got " + depth + ")");
        }
        Dense dense = bStd == null ? Dense.of(wStd) : Dense.of(wStd, bStd);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            layers.add(dense);
            layers.add(activation);
        }
        layers.add(dense);
        return of(layers, parameterization == null ? Parameterization.NTK : parameterization, width);
    }

    /** @return the layers, readout last (unmodifiable) */
    public List<Layer> layers() {
        return layers;
    }

    /** @return the parameterization */
    public Parameterization parameterization() {
        return parameterization;
    }

    /** @return the hidden width if one was given */
    public OptionalInt width() {
        return width == null ? OptionalInt.empty() : OptionalInt.of(width);
    }

    /** @return a copy with another hidden width (e.g. for finite networks); validated as in {@link #of} */
    public Architecture withWidth(int newWidth) {
        return of(layers, parameterization, newWidth);
    }

    /** @return the number of Dense layers (readout included) */
    public int denseCount() {
        int count = 0;
        for (Layer l : layers) {
            if (l instanceof Dense) {
                count++;
            }
        }
        return count;
    }

    /** @return the readout (last) Dense layer */
    public Dense readout() {
        return (Dense) layers.get(layers.size() - 1);
    }

    /** The canonical string form; {@link #parse} of it gives an equal architecture. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Layer l : layers) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(l);
        }
        if (parameterization != Parameterization.NTK) {
            sb.append(" parameterization=").append(parameterization.label());
        }
        if (width != null) {
            sb.append(" width=").append(width);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
