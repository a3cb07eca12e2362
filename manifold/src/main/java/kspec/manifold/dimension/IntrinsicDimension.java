package kspec.manifold.dimension;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import org.ejml.data.DMatrixRMaj;

/**
 * Facade: one exact k-NN search, then every requested intrinsic-dimension estimator on it (the
 * correlation dimension works on the points). See {@link TwoNn}, {@link LevinaBickel},
 * {@link Gride}, {@link CorrelationDimension}, and {@link ScaleCurve} for scale dependence.
 */
public final class IntrinsicDimension {

    /** The estimators, with their JSON names. */
    public enum Method {
        TWONN, MLE, GRIDE, CORRINT;

        /** @return the JSON name: twonn, mle, gride, corrint */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the method named {@code key} (case-insensitive) */
        public static Method parse(String key) {
            for (Method m : values()) {
                if (m.key().equalsIgnoreCase(key.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown estimator '" + key + "'; use twonn, mle, gride, corrint or all");
        }
    }

    /**
     * @param methods     estimators to run, in {@link Method} order
     * @param tableK      neighbours searched, ≥ max(2, mle.kMax, 2·grideN1) (default 20)
     * @param policy      repeated-row policy of the search (default DROP)
     * @param twoNn       TwoNN options
     * @param mle         MLE neighbour range (default k = 2..4)
     * @param grideN1     GRIDE first rank; the second is 2·grideN1 (default 4)
     * @param correlation correlation-dimension options
     * @param seed        seed of the search (PERTURB only)
     */
    public record Options(Set<Method> methods, int tableK, DuplicatePolicy policy, TwoNn.Options twoNn,
                          LevinaBickel.Options mle, int grideN1, CorrelationDimension.Options correlation, long seed) {
        public Options {
            methods = Set.copyOf(methods);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("choose at least one estimator");
            }
            int needed = Math.max(2, Math.max(mle.kMax(), 2 * grideN1));
            if (grideN1 < 1 || tableK < needed) {
                throw new IllegalArgumentException("tableK = " + tableK + " is too small: the estimators need k >= "
                        + needed + " (MLE kMax " + mle.kMax() + ", GRIDE n2 " + 2 * grideN1 + ")");
            }
        }

        /** @return all four estimators, k = 20 table, DROP, TwoNN linear fit, MLE k = 2..4, GRIDE (4, 8) */
        public static Options defaults() {
            return new Options(EnumSet.allOf(Method.class), 20, DuplicatePolicy.DROP, TwoNn.Options.defaults(),
                    LevinaBickel.Options.smallK(), Gride.DEFAULT_N1, CorrelationDimension.Options.defaults(), 0L);
        }

        /** @return these options restricted to {@code chosen} */
        public Options withMethods(Set<Method> chosen) {
            return new Options(chosen, tableK, policy, twoNn, mle, grideN1, correlation, seed);
        }

        /** @return these options with another MLE range, widening the table if needed */
        public Options withMle(LevinaBickel.Options range) {
            return new Options(methods, Math.max(tableK, range.kMax()), policy, twoNn, range, grideN1, correlation, seed);
        }
    }

    private IntrinsicDimension() {
    }

    /** {@link #all(DMatrixRMaj, Options)} with {@link Options#defaults()}. */
    public static List<IdEstimate> all(DMatrixRMaj points) {
        return all(points, Options.defaults());
    }

    /**
     * @param points n × dim, finite. Not modified.
     * @return one estimate per requested method, in {@link Method} order
     */
    public static List<IdEstimate> all(DMatrixRMaj points, Options options) {
        boolean needTable = options.methods().stream().anyMatch(m -> m != Method.CORRINT);
        NeighborTable table = needTable ? neighbours(points, options) : null;
        return fromTable(points, table, options);
    }

    /** @return the neighbour table the options call for */
    public static NeighborTable neighbours(DMatrixRMaj points, Options options) {
        return NearestNeighbors.search(points, options.tableK(), options.policy(), NearestNeighbors.Algorithm.AUTO,
                options.seed());
    }

    /**
     * Runs the requested estimators on an existing table (of {@code points}).
     *
     * @param points n × dim. Not modified (used by the correlation dimension only).
     * @param table  neighbour table of the points, k ≥ the estimators' needs; may be null when only
     *               CORRINT is requested
     */
    public static List<IdEstimate> fromTable(DMatrixRMaj points, NeighborTable table, Options options) {
        List<IdEstimate> out = new ArrayList<>();
        for (Method m : Method.values()) {
            if (!options.methods().contains(m)) {
                continue;
            }
            switch (m) {
                case TWONN -> out.add(TwoNn.estimate(table, options.twoNn()));
                case MLE -> out.add(LevinaBickel.estimate(table, options.mle()));
                case GRIDE -> out.add(Gride.estimate(table, options.grideN1(), 2 * options.grideN1()));
                case CORRINT -> out.add(CorrelationDimension.estimate(points, options.correlation()));
                default -> throw new IllegalStateException("unhandled method " + m);
            }
        }
        return out;
    }
}
