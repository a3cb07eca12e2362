package kspec.data.synthetic;

import java.util.Objects;

/**
 * What to sample: a {@link ManifoldKind}, its intrinsic dimension d and the ambient dimension the
 * samples are embedded in.
 *
 * <p>Text form (what {@link #parse} reads and {@link #toString} writes):
 * {@code kind[:key=value[,key=value]]} with keys {@code d} (intrinsic dimension, default 2) and
 * {@code ambient} (default: the native dimension of the kind, see
 * {@link ManifoldKind#nativeDimension(int)}). Examples: {@code sphere}, {@code sphere:d=4},
 * {@code sphere:d=4,ambient=50}, {@code cube:d=6,ambient=100}, {@code swissroll:ambient=10}.
 * The canonical form always names both keys: {@code sphere:d=4,ambient=5}.
 *
 * <p>When {@code ambient} equals the native dimension the points are returned in their native
 * coordinates (no rotation), so {@code cube:d=3} really lies in [0,1]<sup>3</sup>. When it is larger,
 * the native coordinates are mapped isometrically into R<sup>ambient</sup> by a Haar-random matrix
 * with orthonormal columns (see {@link SyntheticManifolds#randomOrthonormalColumns}).
 *
 * @param kind    the manifold
 * @param d       intrinsic dimension, ≥ 1; must be 2 for the swiss roll
 * @param ambient ambient dimension, ≥ {@code kind.nativeDimension(d)}
 */
public record SyntheticSpec(ManifoldKind kind, int d, int ambient) {

    /** Intrinsic dimension when the spec does not give one. */
    public static final int DEFAULT_D = 2;

    private static final String EXAMPLE = "e.g. sphere:d=4,ambient=50";

    public SyntheticSpec {
        Objects.requireNonNull(kind, "kind");
        if (d < 1) {
            throw new IllegalArgumentException("intrinsic dimension d must be >= 1, got d=" + d + " for "
                    + kind.specName() + "; pass d=1 or more");
        }
        if (kind == ManifoldKind.SWISS_ROLL && d != ManifoldKind.SWISS_ROLL_DIMENSION) {
            throw new IllegalArgumentException("swissroll has intrinsic dimension 2, got d=" + d
                    + "; drop the d key or pick another kind (" + ManifoldKind.validNames() + ")");
        }
        int nativeDim = kind.nativeDimension(d);
        if (ambient < nativeDim) {
            throw new IllegalArgumentException("ambient=" + ambient + " is below the native dimension " + nativeDim
                    + " of " + kind.specName() + " with d=" + d + "; pass ambient >= " + nativeDim
                    + " or leave it out");
        }
    }

    /** @return the spec with the ambient dimension equal to the native one (no embedding) */
    public static SyntheticSpec of(ManifoldKind kind, int d) {
        return new SyntheticSpec(kind, d, kind.nativeDimension(d));
    }

    /** @return the dimension the manifold is sampled in before embedding */
    public int nativeDimension() {
        return kind.nativeDimension(d);
    }

    /** @return true when the samples are mapped into a larger ambient space */
    public boolean isEmbedded() {
        return ambient > nativeDimension();
    }

    /**
     * @param spec text such as {@code cube:d=6,ambient=100}; kind names are case-insensitive
     * @return the parsed spec with defaults filled in
     * @throws IllegalArgumentException naming the bad token and listing the valid kinds or keys
     */
    public static SyntheticSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String text = spec.strip();
        int colon = text.indexOf(':');
        String kindName = colon < 0 ? text : text.substring(0, colon);
        if (!ManifoldKind.isSpecName(kindName)) {
            throw new IllegalArgumentException("bad synthetic spec '" + spec + "': unknown kind '" + kindName
                    + "'; valid kinds: " + ManifoldKind.validNames() + " (" + EXAMPLE + ")");
        }
        ManifoldKind kind = ManifoldKind.fromSpecName(kindName);
        Integer d = null;
        Integer ambient = null;
        if (colon >= 0) {
            for (String token : text.substring(colon + 1).split(",", -1)) {
                int eq = token.indexOf('=');
                String key = eq < 0 ? token.strip() : token.substring(0, eq).strip();
                if (eq < 0 || !(key.equals("d") || key.equals("ambient"))) {
                    throw new IllegalArgumentException("bad synthetic spec '" + spec + "': bad token '" + token
                            + "'; valid keys: d, ambient, written key=value (" + EXAMPLE + ")");
                }
                int value = parseValue(spec, key, token.substring(eq + 1).strip());
                if (key.equals("d") ? d != null : ambient != null) {
                    throw new IllegalArgumentException("bad synthetic spec '" + spec + "': key '" + key
                            + "' given twice; give it once (" + EXAMPLE + ")");
                }
                if (key.equals("d")) {
                    d = value;
                } else {
                    ambient = value;
                }
            }
        }
        int intrinsic = d != null ? d : DEFAULT_D;
        int ambientDim = ambient != null ? ambient : kind.nativeDimension(intrinsic);
        return new SyntheticSpec(kind, intrinsic, ambientDim);
    }

    /**
     * Checks only the name before the first ':' against the kind names; whether a file of that
     * name exists is for the caller to decide.
     *
     * @return true when {@code spec} starts with a synthetic kind name
     */
    public static boolean looksSynthetic(String spec) {
        if (spec == null) {
            return false;
        }
        int colon = spec.indexOf(':');
        return ManifoldKind.isSpecName(colon < 0 ? spec : spec.substring(0, colon));
    }

    /** @return the canonical spec, {@code kind:d=D,ambient=A}, which {@link #parse} reads back */
    @Override
    public String toString() {
        return kind.specName() + ":d=" + d + ",ambient=" + ambient;
    }

    private static int parseValue(String spec, String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad synthetic spec '" + spec + "': " + key
                    + " must be an integer, got '" + value + "' (" + EXAMPLE + ")", e);
        }
    }
}
