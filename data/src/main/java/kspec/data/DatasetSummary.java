package kspec.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import kspec.core.memory.HeapBudget;

/**
 * The statistics {@code kspec info} prints about a {@link Dataset}.
 *
 * @param n           number of rows
 * @param dim         number of columns
 * @param dtype       element type in the source, from the provenance
 * @param min         smallest finite entry; NaN when there is none
 * @param max         largest finite entry; NaN when there is none
 * @param meanNorm    mean Euclidean norm (1/m) Σ ‖x<sub>i</sub>‖ over the m rows whose entries are all
 *                    finite (rows with a NaN or ±Infinity are left out); NaN when m = 0
 * @param nonFinite   number of NaN and ±Infinity entries
 * @param duplicates  number of rows that exactly repeat an earlier row (a row present k times counts
 *                    k − 1). Rows are compared bitwise except that 0.0 and −0.0 are equal and all NaNs
 *                    are equal to each other (the canonical {@link Double#doubleToLongBits} bits)
 * @param labelCounts rows per label, ascending by label; empty when the data has no labels
 */
public record DatasetSummary(int n, int dim, String dtype, double min, double max, double meanNorm, long nonFinite,
        long duplicates, SortedMap<Integer, Integer> labelCounts) {

    public DatasetSummary {
        Objects.requireNonNull(dtype, "dtype");
        labelCounts = Collections.unmodifiableSortedMap(new TreeMap<>(labelCounts));
    }

    /**
     * One pass for the value statistics and one hashing pass for the duplicates, O(n·dim) time and
     * O(n) extra memory.
     *
     * @param data Not modified.
     */
    public static DatasetSummary of(Dataset data) {
        int n = data.n();
        int dim = data.dim();
        double[] a = data.points().data;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nonFinite = 0;
        double normSum = 0;
        int finiteRows = 0;
        for (int i = 0; i < n; i++) {
            double sumSq = 0;
            long rowBad = 0;
            for (int k = i * dim, end = k + dim; k < end; k++) {
                double v = a[k];
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sumSq += v * v;
                } else {
                    rowBad++;
                }
            }
            nonFinite += rowBad;
            if (rowBad == 0) {
                normSum += Math.sqrt(sumSq);
                finiteRows++;
            }
        }
        boolean anyFinite = nonFinite < (long) n * dim;
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        data.labels().ifPresent(labels -> {
            for (int label : labels) {
                counts.merge(label, 1, Integer::sum);
            }
        });
        return new DatasetSummary(n, dim, data.provenance().dtype(), anyFinite ? min : Double.NaN,
                anyFinite ? max : Double.NaN, finiteRows > 0 ? normSum / finiteRows : Double.NaN, nonFinite,
                countDuplicateRows(a, n, dim), counts);
    }

    /**
     * Open-addressing hash set of row indices keyed by a 64-bit hash of the canonical bits; equal hashes
     * are confirmed by comparing the rows.
     */
    /** Most rows whose hash table (a power of two above 2n, at most 2<sup>30</sup> slots) keeps a free slot. */
    private static final int MAX_HASHED_ROWS = 1 << 29;

    private static long countDuplicateRows(double[] a, int n, int dim) {
        if (n > MAX_HASHED_ROWS) {
            throw new IllegalArgumentException("counting duplicates among " + n + " rows exceeds the " + MAX_HASHED_ROWS
                    + " rows one hash table holds; summarise a subset");
        }
        int capacity = Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
        HeapBudget.require("counting the duplicate rows of " + n + " points",
                HeapBudget.bytes(n, Long.BYTES) + HeapBudget.bytes(capacity, Integer.BYTES));
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 1;
            for (int k = i * dim, end = k + dim; k < end; k++) {
                h = 31 * h + canonicalBits(a[k]);
            }
            hash[i] = mix(h);
        }
        int mask = capacity - 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        long duplicates = 0;
        for (int i = 0; i < n; i++) {
            int slot = (int) hash[i] & mask;
            while (true) {
                int j = table[slot];
                if (j < 0) {
                    table[slot] = i;
                    break;
                }
                if (hash[j] == hash[i] && sameRow(a, j, i, dim)) {
                    duplicates++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return duplicates;
    }

    private static boolean sameRow(double[] a, int r, int s, int dim) {
        for (int j = 0; j < dim; j++) {
            if (canonicalBits(a[r * dim + j]) != canonicalBits(a[s * dim + j])) {
                return false;
            }
        }
        return true;
    }

    /** Bits with −0.0 mapped to 0.0 and every NaN to the canonical NaN. */
    private static long canonicalBits(double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v);
    }

    /** MurmurHash3's 64-bit finaliser (Appleby 2011), so that the low bits index the table well. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
