package kspec.data.synthetic;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The built-in manifolds of known intrinsic dimension d, with their names in synthetic specs and the dimension of
 * the space they are natively sampled in.
 *
 * <table>
 * <caption>Kinds</caption>
 * <tr><th>kind</th><th>spec name</th><th>manifold</th><th>native dimension</th></tr>
 * <tr><td>{@link #SPHERE}</td><td>{@code sphere}</td><td>unit sphere S<sup>d</sup> ⊂ R<sup>d+1</sup></td><td>d + 1</td></tr>
 * <tr><td>{@link #CUBE}</td><td>{@code cube}</td><td>unit cube [0,1]<sup>d</sup></td><td>d</td></tr>
 * <tr><td>{@link #TORUS}</td><td>{@code torus}</td><td>flat torus T<sup>d</sup> as a product of d circles of
 *     radius 1/(2π) (period 1) in R<sup>2d</sup></td><td>2d</td></tr>
 * <tr><td>{@link #SWISS_ROLL}</td><td>{@code swissroll} (or {@code swiss-roll})</td><td>scikit-learn's swiss roll,
 *     a 2-d sheet rolled up in R<sup>3</sup>; d is fixed to 2</td><td>3</td></tr>
 * <tr><td>{@link #GAUSSIAN}</td><td>{@code gaussian}</td><td>standard normal N(0, I<sub>d</sub>)</td><td>d</td></tr>
 * </table>
 */
public enum ManifoldKind {
    SPHERE("sphere"),
    CUBE("cube"),
    TORUS("torus"),
    SWISS_ROLL("swissroll"),
    GAUSSIAN("gaussian");

    /** The only intrinsic dimension the swiss roll has. */
    static final int SWISS_ROLL_DIMENSION = 2;

    private final String specName;

    ManifoldKind(String specName) {
        this.specName = specName;
    }

    /** @return the lower-case name used in synthetic specs, e.g. {@code swissroll} */
    public String specName() {
        return specName;
    }

    /**
     * @param d intrinsic dimension, ≥ 1
     * @return the dimension of the Euclidean space the manifold is sampled in before any embedding:
     *     d + 1 (sphere), 2d (torus), 3 (swiss roll), d (cube, Gaussian)
     */
    public int nativeDimension(int d) {
        return switch (this) {
            case SPHERE -> d + 1;
            case TORUS -> 2 * d;
            case SWISS_ROLL -> 3;
            case CUBE, GAUSSIAN -> d;
        };
    }

    /**
     * @param name a spec name, case-insensitive; {@code swiss-roll} is accepted for {@link #SWISS_ROLL}
     * @return the kind
     * @throws IllegalArgumentException naming the unknown kind and listing the valid ones
     */
    public static ManifoldKind fromSpecName(String name) {
        ManifoldKind kind = lookup(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown synthetic manifold '" + name + "'; valid kinds: " + validNames());
        }
        return kind;
    }

    /** @return true when {@code name} (case-insensitive) is one of the spec names */
    public static boolean isSpecName(String name) {
        return lookup(name) != null;
    }

    /** @return the spec names, comma-separated, for error messages */
    static String validNames() {
        return Arrays.stream(values()).map(ManifoldKind::specName).collect(Collectors.joining(", "));
    }

    private static ManifoldKind lookup(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.equals("swiss-roll")) {
            return SWISS_ROLL;
        }
        for (ManifoldKind kind : values()) {
            if (kind.specName.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
