package kspec.core.memory;

import java.util.Locale;

/**
 * Refuses, before allocating, an array whose size comes from options or data and that the Java
 * heap cannot hold, so that a large request ends in one readable line instead of an
 * {@link OutOfMemoryError} half-way through a run.
 *
 * <p>Free heap = maximum heap − used heap ({@link Runtime}); garbage counts as used until it is
 * collected, so a request that does not fit is checked once more after a collection before it is
 * refused. The check covers the named allocation only: callers pass the sum of the arrays they are
 * about to hold at once.
 */
public final class HeapBudget {

    private HeapBudget() {
    }

    /** @return bytes the heap can still give now: maximum − used */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @return the product of {@code factors} (counts and element sizes, each ≥ 0), saturated at
     *     {@link Long#MAX_VALUE} instead of overflowing
     */
    public static long bytes(long... factors) {
        long product = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("negative size factor " + f);
            }
            if (f != 0 && product > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            product *= f;
        }
        return product;
    }

    /**
     * @param what  the allocation in the user's terms, e.g. {@code "sampling 3000000 × 50 points"}
     * @param bytes what it needs (see {@link #bytes})
     * @throws InsufficientMemoryException if the heap cannot give {@code bytes}, even after a collection
     */
    public static void require(String what, long bytes) {
        if (bytes <= available()) {
            return;
        }
        System.gc(); // the request would fail: count only live objects as used before refusing it
        long available = available();
        if (bytes > available) {
            throw new InsufficientMemoryException(what, bytes, available, Runtime.getRuntime().maxMemory());
        }
    }

    /** @return {@code bytes} as a short decimal figure: {@code 812 MB}, {@code 1.60 GB}, {@code 9.2 EB} */
    public static String describe(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.2f %s", v, units[u]);
    }
}
