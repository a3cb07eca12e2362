package kspec.scaling;

import java.util.Arrays;
import java.util.SplittableRandom;
import kspec.core.ParameterException;
import kspec.core.stats.SeedStream;

/**
 * A seeded split of n points into a training pool and a held-out test set, the same for every
 * learning-curve run with the same seed: a Fisher–Yates shuffle of 0..n−1, whose first
 * {@code testPoints} indices form the test set.
 *
 * @param pool the training pool's indices, ascending
 * @param test the test set's indices, ascending
 */
public record PoolSplit(int[] pool, int[] test) {

    public PoolSplit {
        pool = pool.clone();
        test = test.clone();
    }

    /**
     * @param n          number of points
     * @param testPoints how many to hold out, fewer than n
     * @param seed       seed of the shuffle ({@link SeedStream#TEST_SPLIT} in a run)
     * @throws ParameterException when the test set would leave no training pool
     */
    public static PoolSplit seeded(int n, int testPoints, long seed) {
        if (testPoints >= n) {
            throw new ParameterException(testPoints + " test points leave no training pool among " + n
                    + " points; lower {testPoints} or use more data", "testPoints");
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] test = Arrays.copyOfRange(all, 0, testPoints);
        int[] pool = Arrays.copyOfRange(all, testPoints, n);
        Arrays.sort(test);
        Arrays.sort(pool);
        return new PoolSplit(pool, test);
    }

    @Override
    public int[] pool() {
        return pool.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
