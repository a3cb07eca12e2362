package kspec.spectra.fit;

/**
 * Which ranks of a spectrum a fit may use, and the checks every fit applies to its input.
 *
 * <p>Only ranks 1 ≤ i ≤ i<sub>cap</sub> are trusted by automatic windows, i<sub>cap</sub> = min(last
 * rank with λ<sub>i</sub> ≥ n·ε·λ₁, ⌊n/10⌋), n the kernel size: n·ε·λ₁ (ε = 2<sup>−52</sup>) is the
 * numerical floor of a dense eigensolver, and eigenvalues of K/n track the operator's only for
 * i ≪ n, so windows reaching i ≳ n/10 bias α low at the finite-n bend.
 */
final class TrustedRanks {

    /** Double-precision unit roundoff used for the numerical floor. */
    private static final double EPS = Math.ulp(1.0);

    private TrustedRanks() {
    }

    /**
     * @return the last 1-based rank whose eigenvalue is positive and at least n·ε·λ₁
     */
    static int usableRank(double[] eigs, int n) {
        double floor = n * EPS * eigs[0];
        int r = 0;
        while (r < eigs.length && eigs[r] > 0 && eigs[r] >= floor) {
            r++;
        }
        return r;
    }

    /** @return i<sub>cap</sub> = min(usable, ⌊n/10⌋), the last rank an automatic window may reach */
    static int cap(int usable, int n) {
        return Math.min(usable, n / 10);
    }

    /** Throws unless the explicit window fits in the spectrum, has ≥ 3 ranks and no λ ≤ 0 above {@code usable}. */
    static void requireUsableWindow(double[] eigs, FitWindow window, int usable) {
        int minPoints = WindowRule.MIN_FIT_POINTS;
        if (window.iMax() > eigs.length) {
            throw new IllegalArgumentException("fit window " + window.iMin() + ":" + window.iMax()
                    + " lies outside the spectrum of " + eigs.length + " eigenvalues (ranks 1.." + eigs.length
                    + "); choose 1 ≤ iMin < iMax ≤ " + eigs.length);
        }
        if (window.iMax() - window.iMin() + 1 < minPoints) {
            throw new IllegalArgumentException("too few points to fit: window " + window.iMin() + ":" + window.iMax()
                    + " holds " + (window.iMax() - window.iMin() + 1) + " ranks; need ≥ " + minPoints);
        }
        for (int i = usable; i < window.iMax(); i++) {
            if (!(eigs[i] > 0)) {
                throw new IllegalArgumentException("eigenvalue at rank " + (i + 1) + " is " + eigs[i]
                        + " ≤ 0 and has no logarithm; end the window before rank " + (i + 1)
                        + " (the numerical floor starts at rank " + (usable + 1) + ")");
            }
        }
    }

    static void requireDescending(double[] eigs) {
        if (eigs == null || eigs.length == 0) {
            throw new IllegalArgumentException("the spectrum is empty; pass the eigenvalues sorted descending");
        }
        for (int i = 0; i < eigs.length; i++) {
            if (!Double.isFinite(eigs[i])) {
                throw new IllegalArgumentException("eigenvalue at rank " + (i + 1) + " is " + eigs[i]
                        + "; remove non-finite values before fitting");
            }
            if (i > 0 && eigs[i] > eigs[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be sorted descending, but rank " + (i + 1)
                        + " (" + eigs[i] + ") exceeds rank " + i + " (" + eigs[i - 1] + "); sort them first");
            }
        }
        if (!(eigs[0] > 0)) {
            throw new IllegalArgumentException("the largest eigenvalue is " + eigs[0] + " ≤ 0: nothing to fit");
        }
    }

    static void requireEnoughForAuto(int cap, int usable, int n, int needed) {
        if (cap < needed) {
            throw new IllegalArgumentException("too few eigenvalues to fit: only " + cap + " rank(s) are trusted ("
                    + usable + " above the numerical floor, n/10 = " + (n / 10) + "); need ≥ " + needed
                    + " (use a larger kernel or an explicit window)");
        }
    }
}
