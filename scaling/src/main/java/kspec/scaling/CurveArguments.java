package kspec.scaling;

import java.util.Arrays;

/** Validation shared by the learning-curve measurements; messages name the offending value. */
final class CurveArguments {

    private CurveArguments() {
    }

    /** @param what "training-set sizes" or "widths" */
    static void requireAscending(int[] sizes, String what) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1])) {
                throw new IllegalArgumentException(what + " must be positive and ascending, got "
                        + Arrays.toString(sizes));
            }
        }
    }

    static void requireSeedsAndRidge(int seeds, double ridge) {
        if (seeds < 1) {
            throw new IllegalArgumentException("need at least one seed, got " + seeds);
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
    }
}
