package kspec.spectra.fit;

import java.util.Locale;

/**
 * The rank window of a power-law fit: either explicit ranks [iMin, iMax] (1-based, inclusive) or
 * automatic (chosen from the spectrum itself: the widest stretch of trusted ranks on which the
 * local slope stays flat; see {@link LogLogFits}).
 *
 * <p>The automatic window needs the size n of the kernel matrix the eigenvalues came from: it trusts
 * only ranks i ≤ n/10 (the finite-n bend) and eigenvalues above the numerical floor n·ε·λ₁. By
 * default n is the length of the spectrum; pass it explicitly with {@link #auto(int)} when the
 * spectrum holds only the top k eigenvalues of a larger kernel.
 */
public final class FitWindow {

    private final boolean automatic;
    private final int iMin;
    private final int iMax;
    private final int kernelSize;

    private FitWindow(boolean automatic, int iMin, int iMax, int kernelSize) {
        this.automatic = automatic;
        this.iMin = iMin;
        this.iMax = iMax;
        this.kernelSize = kernelSize;
    }

    /** Automatic window; the kernel size is taken to be the length of the spectrum. */
    public static FitWindow auto() {
        return new FitWindow(true, 0, 0, 0);
    }

    /**
     * Automatic window for a spectrum that holds the top eigenvalues of an n × n kernel.
     *
     * @param kernelSize n, the size of the kernel matrix (≥ the spectrum length)
     */
    public static FitWindow auto(int kernelSize) {
        if (kernelSize < 1) {
            throw new IllegalArgumentException("kernel size must be ≥ 1, got " + kernelSize
                    + "; pass the number of rows of the kernel matrix");
        }
        return new FitWindow(true, 0, 0, kernelSize);
    }

    /**
     * Explicit window of 1-based ranks iMin..iMax inclusive. Whether it fits inside a given spectrum
     * is checked when the fit runs.
     */
    public static FitWindow of(int iMin, int iMax) {
        if (iMin < 1 || iMax <= iMin) {
            throw new IllegalArgumentException("fit window [" + iMin + ", " + iMax
                    + "] is invalid: ranks are 1-based and need 1 ≤ iMin < iMax");
        }
        return new FitWindow(false, iMin, iMax, 0);
    }

    /**
     * Parses "auto" or "IMIN:IMAX" (1-based inclusive ranks, e.g. "10:1000").
     *
     * @throws IllegalArgumentException naming the accepted forms when the text is neither
     */
    public static FitWindow parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("fit window is null; use \"auto\" or \"IMIN:IMAX\" (e.g. 10:1000)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return auto();
        }
        String[] parts = t.split(":", -1);
        if (parts.length == 2) {
            try {
                return of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("cannot parse fit window \"" + text
                + "\": use \"auto\" or \"IMIN:IMAX\" with 1-based ranks, e.g. 10:1000");
    }

    /** @return true for an automatic window */
    public boolean isAuto() {
        return automatic;
    }

    /** @return the first rank (1-based) of an explicit window */
    public int iMin() {
        requireExplicit();
        return iMin;
    }

    /** @return the last rank (1-based, inclusive) of an explicit window */
    public int iMax() {
        requireExplicit();
        return iMax;
    }

    /**
     * @param spectrumLength the number of eigenvalues given
     * @return the kernel size n used by the automatic rule: the one given to {@link #auto(int)},
     *         else the spectrum length
     */
    public int kernelSize(int spectrumLength) {
        return kernelSize > 0 ? Math.max(kernelSize, spectrumLength) : spectrumLength;
    }

    private void requireExplicit() {
        if (automatic) {
            throw new IllegalStateException("automatic window has no fixed ranks; read them from the fit result");
        }
    }

    @Override
    public String toString() {
        return automatic ? "auto" : iMin + ":" + iMax;
    }
}
