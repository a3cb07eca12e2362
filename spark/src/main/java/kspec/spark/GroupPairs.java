package kspec.spark;

import java.io.Serializable;

/**
 * The cut of n points into g contiguous groups and the g(g + 1)/2 unordered pairs of groups
 * (high ≥ low): the units of work of the distributed kernel products and neighbour searches. Pair
 * p = h(h + 1)/2 + l is the pair (high h, low l), so the pairs of the lower group triangle are
 * numbered row by row. Group sizes differ by at most one.
 *
 * <p>Immutable and serializable: tasks receive it with their closures.
 */
public final class GroupPairs implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fewest pairs per task slot {@link #groupsFor} aims at, so that slow tasks even out. */
    static final int PAIRS_PER_SLOT = 3;

    private final int[] starts;

    private GroupPairs(int[] starts) {
        this.starts = starts;
    }

    /**
     * @param n      points, ≥ 1
     * @param groups g, 1 ≤ g ≤ n
     * @return the cut
     * @throws IllegalArgumentException for sizes out of range
     */
    public static GroupPairs of(int n, int groups) {
        if (n < 1 || groups < 1 || groups > n) {
            throw new IllegalArgumentException("need 1 <= groups <= n, got n = " + n + ", groups = " + groups);
        }
        int[] starts = new int[groups + 1];
        for (int g = 0; g <= groups; g++) {
            starts[g] = (int) ((long) n * g / groups);
        }
        return new GroupPairs(starts);
    }

    /**
     * The group count for a cluster: the smallest g whose g(g + 1)/2 pairs give every one of the
     * {@code slots} task slots at least {@value #PAIRS_PER_SLOT}, and at least {@code minGroups}
     * (e.g. for memory), at most n.
     *
     * @param n         points
     * @param slots     task slots (Spark's default parallelism), ≥ 1
     * @param minGroups lower bound, ≥ 1
     */
    public static int groupsFor(int n, int slots, int minGroups) {
        int g = Math.max(1, minGroups);
        while (g < n && (long) g * (g + 1) / 2 < (long) PAIRS_PER_SLOT * Math.max(1, slots)) {
            g++;
        }
        return Math.min(g, n);
    }

    /** @return n */
    public int points() {
        return starts[starts.length - 1];
    }

    /** @return g */
    public int groups() {
        return starts.length - 1;
    }

    /** @return g(g + 1)/2 */
    public int pairs() {
        long g = groups();
        return (int) (g * (g + 1) / 2);
    }

    /** @return the first point of group g */
    public int start(int g) {
        return starts[g];
    }

    /** @return the number of points in group g */
    public int size(int g) {
        return starts[g + 1] - starts[g];
    }

    /** @return the high group of pair p */
    public int high(int p) {
        int h = (int) ((Math.sqrt(8.0 * p + 1) - 1) / 2);
        while ((long) h * (h + 1) / 2 > p) {
            h--;
        }
        while ((long) (h + 1) * (h + 2) / 2 <= p) {
            h++;
        }
        return h;
    }

    /** @return the low group of pair p (≤ {@link #high}) */
    public int low(int p) {
        int h = high(p);
        return p - h * (h + 1) / 2;
    }

    /** @return the index of the pair of groups a and b (either order) */
    public int pair(int a, int b) {
        int h = Math.max(a, b);
        return h * (h + 1) / 2 + Math.min(a, b);
    }

    /** @return the groups' point arrays: rows start(g) … start(g + 1) − 1 of x (n × d, row-major) per group */
    double[][] split(double[] x, int d) {
        double[][] out = new double[groups()][];
        for (int g = 0; g < groups(); g++) {
            out[g] = java.util.Arrays.copyOfRange(x, starts[g] * d, starts[g + 1] * d);
        }
        return out;
    }
}
