package kspec.spectra.fit;

/**
 * The ranks a fit used: 1-based, inclusive, and whether they were chosen automatically (the
 * request is a {@link FitWindow}).
 *
 * @param iMin      first rank, ≥ 1
 * @param iMax      last rank, ≥ iMin
 * @param automatic whether the window was chosen from the spectrum itself
 */
public record RankWindow(int iMin, int iMax, boolean automatic) {

    /** Validates. */
    public RankWindow {
        if (iMin < 1 || iMax < iMin) {
            throw new IllegalArgumentException("window [" + iMin + ", " + iMax + "] is not a 1-based rank range");
        }
    }

    /** @return log<sub>10</sub>(iMax/iMin), the decades the window spans */
    public double decades() {
        return Math.log10((double) iMax / iMin);
    }
}
