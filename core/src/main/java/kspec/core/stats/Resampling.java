package kspec.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded row draws for bootstraps and subsampling: replicate r of a run with seed s always gets
 * the same rows, independently of the order in which replicates are evaluated.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * m of n row indices drawn without replacement (m-out-of-n subsampling; Politis, Romano &amp; Wolf
     * 1999), by a partial Fisher–Yates shuffle, returned in ascending order.
     *
     * @param n         number of data rows
     * @param m         subsample size, 2 ≤ m ≤ n
     * @param seed      run seed
     * @param replicate replicate index ≥ 0
     */
    public static int[] subsampleRows(int n, int m, long seed, int replicate) {
        if (m < 2 || m > n) {
            throw new IllegalArgumentException("subsample size m = " + m + " must satisfy 2 ≤ m ≤ n = " + n);
        }
        SplittableRandom rng = replicateRandom(seed, replicate);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] rows = Arrays.copyOf(perm, m);
        Arrays.sort(rows);
        return rows;
    }

    /**
     * n row indices drawn with replacement (Efron's bootstrap), in draw order.
     *
     * @param n         number of data rows (≥ 2)
     * @param seed      run seed
     * @param replicate replicate index ≥ 0
     */
    public static int[] bootstrapRows(int n, long seed, int replicate) {
        if (n < 2) {
            throw new IllegalArgumentException("need ≥ 2 data rows to resample, got " + n);
        }
        SplittableRandom rng = replicateRandom(seed, replicate);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }

    private static SplittableRandom replicateRandom(long seed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate index must be ≥ 0, got " + replicate);
        }
        // one split per replicate index from the run's root generator: independent, reproducible streams
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom stream = root.split();
        for (int r = 0; r < replicate; r++) {
            stream = root.split();
        }
        return stream;
    }
}
