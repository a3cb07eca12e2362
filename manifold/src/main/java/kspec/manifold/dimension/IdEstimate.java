package kspec.manifold.dimension;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kspec.core.stats.Estimate;

/**
 * One intrinsic-dimension estimate with its uncertainty and provenance.
 *
 * @param method    the estimator
 * @param dimension the estimated intrinsic dimension (finite and &gt; 0) with its standard error and a
 *                  finite 95% interval containing it; {@link Estimate#interval()} says how each
 *                  estimator made it
 * @param scale     a typical distance probed (e.g. the median neighbour distance used)
 * @param params    the estimator's parameters, in insertion order (copied, unmodifiable)
 * @param dropped   input points not used (repeated rows, zero distances, tied ratios, decimation)
 * @param used      points that entered the estimate
 */
public record IdEstimate(IntrinsicDimension.Method method, Estimate dimension, double scale, Map<String, Object> params,
                         int dropped, int used) {

    /** Validates and copies. */
    public IdEstimate {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(dimension, "dimension");
        double d = dimension.value();
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException(method.key() + ": dimension must be finite and > 0, got " + d);
        }
        if (!Double.isFinite(dimension.standardError())) {
            throw new IllegalArgumentException(method.key() + ": stderr must be finite, got " + dimension.standardError());
        }
        if (!Double.isFinite(dimension.lo()) || !Double.isFinite(dimension.hi()) || !dimension.covers(d)) {
            throw new IllegalArgumentException(method.key() + ": ci95 must be finite {lo, hi} bracketing " + d
                    + ", got [" + dimension.lo() + ", " + dimension.hi() + "]");
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException(method.key() + ": scale must be finite and >= 0, got " + scale);
        }
        if (dropped < 0 || used < 1) {
            throw new IllegalArgumentException(method.key() + ": dropped must be >= 0 and used >= 1, got " + dropped
                    + ", " + used);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
