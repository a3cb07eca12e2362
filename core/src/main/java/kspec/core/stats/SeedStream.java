package kspec.core.stats;

import java.util.function.LongUnaryOperator;

/**
 * The named random streams of one seeded run. Each random choice a run makes (which points are held
 * out, the teacher's draw, the orderings of the training pool, the feature draws, the bootstraps)
 * draws from its own stream, whose seed is derived from the run's seed here and nowhere else, so
 * that one seed reproduces the whole run.
 *
 * <p>The derivations are offsets and one XOR mask that earlier releases wrote where each draw was
 * made; they are kept as they were so that a seed still gives the same numbers. Their honest limit:
 * the streams are distinct seeds, not independent generators. Streams with the same offset share
 * their seed ({@link #DATA}, {@link #BOOTSTRAP} and replicate 0 of {@link #POOL_ORDERINGS} all use the
 * run seed), and replicate r of one stream can meet another stream's seed (ordering 1 uses the
 * seed of {@link #SECOND_SAMPLE}, ordering 7 that of {@link #TARGETS}). They draw in different
 * patterns (a shuffle, Gaussians, row indices), so no result is known to depend on it, but a
 * change that wants statistically independent streams would derive them by splitting one
 * generator — and change every published figure.
 */
public enum SeedStream {

    /** The data themselves: a synthetic sample, a file's random subset. The run seed. */
    DATA(run -> run),
    /** A second data set read beside the first (test points), sampled and preprocessed apart: run seed + 1. */
    SECOND_SAMPLE(run -> run + 1),
    /** Which points are held out as the test set: run seed XOR 0x5DEECE66D. */
    TEST_SPLIT(run -> run ^ 0x5DEECE66DL),
    /** The regression targets a GP teacher draws: run seed + 7. */
    TARGETS(run -> run + 7),
    /** The random orderings of the training pool for L(D): ordering r uses run seed + r. */
    POOL_ORDERINGS(run -> run),
    /** The random-feature draws for L(P): draw r uses run seed + 1000 + r. */
    WIDTH_FEATURES(run -> run + 1000),
    /** The feature draws (and pool orderings) of the (D, P) grid: replicate r uses run seed + 2000 + r. */
    GRID_FEATURES(run -> run + 2000),
    /** Bootstrap resampling of a fit or a spectrum: the run seed. */
    BOOTSTRAP(run -> run);

    private final LongUnaryOperator derivation;

    SeedStream(LongUnaryOperator derivation) {
        this.derivation = derivation;
    }

    /**
     * @param run the run's seed
     * @return this stream's seed
     */
    public long seed(long run) {
        return derivation.applyAsLong(run);
    }

    /**
     * @param streamSeed a stream's seed, {@link #seed(long)}
     * @param replicate  r ≥ 0: the ordering, draw or replicate within the stream
     * @return the seed of replicate r: the stream's seed + r
     */
    public static long replicate(long streamSeed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate index must be >= 0, got " + replicate);
        }
        return streamSeed + replicate;
    }
}
