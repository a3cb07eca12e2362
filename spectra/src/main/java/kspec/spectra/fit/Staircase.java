package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Blocks of near-equal consecutive eigenvalues of a descending spectrum: kernels on spheres and
 * other symmetric data have plateaus, the N(d, ℓ) degenerate spherical harmonics of each degree ℓ
 * (Bietti &amp; Bach 2021, arXiv 2009.14397; docs/sphere-spectra.md §5). Found by {@link #detect};
 * fitted by {@link LogLogFits#plateau}.
 *
 * <p>The spectrum counts as a staircase when at least {@value #MIN_PLATEAUS} blocks have size ≥ 2 and
 * they hold at least half of the ranks.
 *
 * @param blockStart first rank of each block (1-based)
 * @param blockSize  number of ranks in each block
 * @param blockValue mean eigenvalue of each block
 */
public record Staircase(int[] blockStart, int[] blockSize, double[] blockValue) {

    /** Minimum number of plateaus (blocks of size ≥ 2) for {@link #isStaircase()}. */
    public static final int MIN_PLATEAUS = 3;

    /** A gap is a block boundary when it exceeds this multiple of the local median gap. */
    static final double GAP_RATIO = 10.0;

    /** Validates and copies. */
    public Staircase {
        if (blockStart.length != blockSize.length || blockStart.length != blockValue.length) {
            throw new IllegalArgumentException("block arrays must have equal lengths");
        }
        blockStart = blockStart.clone();
        blockSize = blockSize.clone();
        blockValue = blockValue.clone();
    }

    /**
     * Finds plateaus in the spectrum of a <em>finite-sample</em> kernel matrix, where sampling splits
     * each degenerate block (e.g. the N(d, ℓ) spherical harmonics of degree ℓ, docs/sphere-spectra.md §1)
     * into a cluster whose spread (≈ 10% on 2,000 sphere points) exceeds any tolerance that would not
     * also chain a smooth power law into blocks.
     *
     * <p>Rule: with gaps g<sub>i</sub> = ln(λ<sub>i</sub>/λ<sub>i+1</sub>), rank i ends a block when
     * g<sub>i</sub> &gt; {@value #GAP_RATIO} × the median gap over ranks i ± w (w = 5…50, growing as
     * i/5) — a smooth spectrum has gaps that vary slowly, a staircase has gaps between clusters far
     * larger than within them (15–80 × the median on 2,000 points of S², S³, S⁴). Within a cluster the
     * gaps are roughly exponential, so one exceeds 10 × the median (≈ 7 × the mean) with probability
     * e<sup>−7</sup> ≈ 0.001; a threshold of 4 would split a block of 11 about half the time. A
     * candidate block of two or more ranks is kept only if it is flat: its internal range
     * ln(λ<sub>first</sub>/λ<sub>last</sub>) is below the gaps that bound it (and it is bounded by at
     * least one); otherwise its ranks become single blocks. A smooth spectrum thus yields single
     * blocks and is not a staircase. Ranks below the numerical floor are ignored.
     *
     * @param eigsDescending eigenvalues sorted descending. Not modified.
     * @return the blocks
     */
    public static Staircase detect(double[] eigsDescending) {
        TrustedRanks.requireDescending(eigsDescending);
        int m = TrustedRanks.usableRank(eigsDescending, eigsDescending.length);
        double[] gap = new double[Math.max(0, m - 1)];
        for (int i = 0; i + 1 < m; i++) {
            gap[i] = Math.log(eigsDescending[i] / eigsDescending[i + 1]);
        }
        boolean[] ends = new boolean[gap.length];
        for (int i = 0; i < gap.length; i++) {
            int w = Math.max(5, Math.min(50, i / 5));
            double[] local = Arrays.copyOfRange(gap, Math.max(0, i - w), Math.min(gap.length, i + w + 1));
            Arrays.sort(local);
            double median = local[local.length / 2];
            // exact plateaus have median 0: any gap above rounding then ends a block
            ends[i] = gap[i] > GAP_RATIO * median && gap[i] > 1e-9;
        }
        List<int[]> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < m; i++) {
            if (i == m - 1 || ends[i]) {
                double before = start > 0 ? gap[start - 1] : Double.POSITIVE_INFINITY;
                double after = i < m - 1 ? gap[i] : Double.POSITIVE_INFINITY;
                double bound = Math.min(before, after); // infinite only for one block spanning everything
                double range = Math.log(eigsDescending[start] / eigsDescending[i]);
                if (i > start && (range >= bound || bound == Double.POSITIVE_INFINITY)) {
                    for (int j = start; j <= i; j++) {
                        blocks.add(new int[] {j, j});
                    }
                } else {
                    blocks.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        return fromBlocks(eigsDescending, blocks);
    }

    /** The staircase of the given 0-based inclusive blocks {first, last}, with their mean values. */
    private static Staircase fromBlocks(double[] eigsDescending, List<int[]> blocks) {
        int[] first = new int[blocks.size()];
        int[] size = new int[blocks.size()];
        double[] value = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            int s = blocks.get(b)[0];
            int e = blocks.get(b)[1];
            double sum = 0;
            for (int i = s; i <= e; i++) {
                sum += eigsDescending[i];
            }
            first[b] = s + 1;
            size[b] = e - s + 1;
            value[b] = sum / size[b];
        }
        return new Staircase(first, size, value);
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
