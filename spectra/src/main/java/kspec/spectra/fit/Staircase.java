package kspec.spectra.fit;

/**
 * Blocks of near-equal consecutive eigenvalues of a descending spectrum (docs/sphere-spectra.md §5: kernels on
 * spheres and other symmetric data have plateaus of multiplicity N(d_in, k)). Built by
 * {@link SpectralFits#detectStaircase(double[], double)}.
 *
 * <p>A block starts at rank s and absorbs the following ranks j while
 * (λ<sub>s</sub> − λ<sub>j</sub>) ≤ relTol · λ<sub>s</sub> (anchored at the block's first value, so
 * a slow steady decay cannot chain into one block). The spectrum counts as a staircase when at
 * least {@value #MIN_PLATEAUS} blocks have size ≥ 2 and they hold at least half of the ranks.
 *
 * @param blockStart first rank of each block (1-based)
 * @param blockSize  number of ranks in each block
 * @param blockValue mean eigenvalue of each block
 * @param relTol     the relative tolerance used, or NaN for {@link SpectralFits#detectStaircaseByGaps}
 */
public record Staircase(int[] blockStart, int[] blockSize, double[] blockValue, double relTol) {

    /** Minimum number of plateaus (blocks of size ≥ 2) for {@link #isStaircase()}. */
    public static final int MIN_PLATEAUS = 3;

    /** Validates and copies. */
    public Staircase {
        if (blockStart.length != blockSize.length || blockStart.length != blockValue.length) {
            throw new IllegalArgumentException("block arrays must have equal lengths");
        }
        blockStart = blockStart.clone();
        blockSize = blockSize.clone();
        blockValue = blockValue.clone();
    }

    @Override
    public int[] blockStart() {
        return blockStart.clone();
    }

    @Override
    public int[] blockSize() {
        return blockSize.clone();
    }

    @Override
    public double[] blockValue() {
        return blockValue.clone();
    }

    /** @return the number of blocks (plateaus and single eigenvalues) */
    public int blocks() {
        return blockStart.length;
    }

    /** @return the number of blocks of size ≥ 2 */
    public int plateaus() {
        int count = 0;
        for (int size : blockSize) {
            if (size >= 2) {
                count++;
            }
        }
        return count;
    }

    /** @return the fraction of ranks that sit in blocks of size ≥ 2 */
    public double fractionInPlateaus() {
        long inPlateaus = 0;
        long total = 0;
        for (int size : blockSize) {
            total += size;
            if (size >= 2) {
                inPlateaus += size;
            }
        }
        return total == 0 ? 0.0 : (double) inPlateaus / total;
    }

    /** @return true when the spectrum is a staircase (rule in the class comment) */
    public boolean isStaircase() {
        return plateaus() >= MIN_PLATEAUS && fractionInPlateaus() >= 0.5;
    }
}
