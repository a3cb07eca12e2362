package kspec.data.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Seeded row selections without replacement; indices are returned sorted ascending. */
final class RowSubsets {

    private RowSubsets() {
    }

    /**
     * Uniform sample of m of the rows 0..rows−1 without replacement: the first m entries of a
     * partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P), then sorted.
     *
     * @param rng Modified: advanced by m draws
     */
    static int[] uniform(int rows, int m, SplittableRandom rng) {
        int[] all = new int[rows];
        Arrays.setAll(all, i -> i);
        return firstOfShuffle(all, m, rng);
    }

    /**
     * Stratified sample: class k with c<sub>k</sub> of the N rows gets ⌊m c<sub>k</sub>/N⌋ rows, and the
     * m − Σ⌊·⌋ rows left over go one each to the classes with the largest remainders
     * m c<sub>k</sub> mod N (Hamilton's largest-remainder method; ties to the smaller label). So the
     * counts are exactly m c<sub>k</sub>/N when those are integers. Within a class, rows are drawn
     * uniformly without replacement, classes in ascending label order.
     *
     * @param labels one per row. Not modified.
     * @param rng    Modified
     */
    static int[] stratified(int[] labels, int m, SplittableRandom rng) {
        int rows = labels.length;
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < rows; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> classes = new ArrayList<>(byLabel.keySet());
        int[] quota = new int[classes.size()];
        long[] remainder = new long[classes.size()];
        int assigned = 0;
        for (int k = 0; k < classes.size(); k++) {
            long share = (long) m * byLabel.get(classes.get(k)).size();
            quota[k] = (int) (share / rows);
            remainder[k] = share % rows;
            assigned += quota[k];
        }
        Integer[] order = new Integer[classes.size()];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.<Integer>comparingLong(k -> -remainder[k]).thenComparingInt(k -> k));
        for (int r = 0; r < m - assigned; r++) {
            quota[order[r]]++;
        }
        int[] chosen = new int[m];
        int filled = 0;
        for (int k = 0; k < classes.size(); k++) {
            int[] members = byLabel.get(classes.get(k)).stream().mapToInt(Integer::intValue).toArray();
            int[] picked = firstOfShuffle(members, quota[k], rng);
            System.arraycopy(picked, 0, chosen, filled, picked.length);
            filled += picked.length;
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** @param pool Modified: partially shuffled */
    private static int[] firstOfShuffle(int[] pool, int m, SplittableRandom rng) {
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] picked = Arrays.copyOf(pool, m);
        Arrays.sort(picked);
        return picked;
    }
}
