package kspec.manifold.dimension;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One intrinsic-dimension estimate with its uncertainty and provenance. The fields are the JSON
 * keys of {@code kspec dimension --json}.
 *
 * @param method    {@code twonn}, {@code mle}, {@code gride} or {@code corrint}
 * @param dimension the estimated intrinsic dimension, finite and &gt; 0
 * @param stderr    its standard error (closed form, delta method or bootstrap: see the estimator)
 * @param ci95      95% confidence interval {lo, hi} with lo ≤ dimension ≤ hi (copied in and out)
 * @param scale     a typical distance probed (e.g. the median neighbour distance used)
 * @param params    the estimator's parameters, in insertion order (copied, unmodifiable)
 * @param dropped   input points not used (repeated rows, zero distances, tied ratios, decimation)
 * @param used      points that entered the estimate
 */
public record IdEstimate(String method, double dimension, double stderr, double[] ci95, double scale,
                         Map<String, Object> params, int dropped, int used) {

    /** The method names, as in the JSON. */
    public static final Set<String> METHODS = Set.of("twonn", "mle", "gride", "corrint");

    public IdEstimate {
        Objects.requireNonNull(method, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; expected one of " + METHODS);
        }
        if (!(dimension > 0) || !Double.isFinite(dimension)) {
            throw new IllegalArgumentException(method + ": dimension must be finite and > 0, got " + dimension);
        }
        if (!(stderr >= 0) || !Double.isFinite(stderr)) {
            throw new IllegalArgumentException(method + ": stderr must be finite and >= 0, got " + stderr);
        }
        if (ci95 == null || ci95.length != 2 || !Double.isFinite(ci95[0]) || !Double.isFinite(ci95[1])
                || ci95[0] > dimension || ci95[1] < dimension) {
            throw new IllegalArgumentException(method + ": ci95 must be finite {lo, hi} bracketing " + dimension
                    + ", got " + Arrays.toString(ci95));
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException(method + ": scale must be finite and >= 0, got " + scale);
        }
        if (dropped < 0 || used < 1) {
            throw new IllegalArgumentException(method + ": dropped must be >= 0 and used >= 1, got " + dropped + ", " + used);
        }
        ci95 = ci95.clone();
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @return a copy of {lo, hi} */
    @Override
    public double[] ci95() {
        return ci95.clone();
    }

    /** @return whether the 95% interval contains {@code value} */
    public boolean covers(double value) {
        return ci95[0] <= value && value <= ci95[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdEstimate e && method.equals(e.method) && dimension == e.dimension && stderr == e.stderr
                && Arrays.equals(ci95, e.ci95) && scale == e.scale && params.equals(e.params)
                && dropped == e.dropped && used == e.used;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, dimension, stderr, Arrays.hashCode(ci95), scale, params, dropped, used);
    }

    @Override
    public String toString() {
        return String.format("%s: d = %.3f ± %.3f, 95%% CI [%.3f, %.3f], scale %.4g, used %d, dropped %d, %s",
                method, dimension, stderr, ci95[0], ci95[1], scale, used, dropped, params);
    }
}
