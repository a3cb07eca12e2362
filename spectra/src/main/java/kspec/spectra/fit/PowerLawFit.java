package kspec.spectra.fit;

/**
 * Result of a power-law fit λ_i ∝ i^(−(1+α)) to a descending spectrum (or of another decay fitted
 * with the same machinery, e.g. the task power of {@link TargetSpectrum}).
 *
 * @param alpha              the exponent α (slope = −(1 + α))
 * @param standardError      standard error of α (regression, Wald or bootstrap; see {@code ciMethod})
 * @param ci95               95% interval [lo, hi] on α
 * @param ciMethod           how the interval was made: "t-regression", "wald-mle",
 *                           "percentile-bootstrap" or "subsampling"
 * @param iMin               first rank of the window (1-based, inclusive)
 * @param iMax               last rank of the window (1-based, inclusive)
 * @param points             number of points fitted (eigenvalues, plateaus or bins)
 * @param autoWindow         whether the window was chosen automatically
 * @param r2                 coefficient of determination of the log–log line (NaN for the MLE)
 * @param method             "ols-loglog", "ols-loglog-1/i", "plateau", "ols-loglog-binned" or "mle-clauset"
 * @param powerLaw           the verdict: does a single power law describe the window?
 * @param reason             why not (or a warning); empty when the fit is fine
 * @param drift              change of the local slope d log λ / d log i across the window, from a
 *                           quadratic fit in log–log (NaN for the MLE)
 * @param driftStandardError standard error of {@code drift} (NaN for the MLE)
 * @param segmentDrift       slope of the last third of the window (in log rank) minus that of the
 *                           first third, fitted separately (NaN for the MLE or thirds of &lt; 3 points)
 * @param segmentDriftStandardError its standard error
 * @param ksDistance         Kolmogorov–Smirnov distance of the MLE fit (NaN otherwise)
 * @param cutoff             the MLE's lower cut-off λ_min = λ_{iMax} (NaN otherwise)
 */
public record PowerLawFit(double alpha, double standardError, double[] ci95, String ciMethod,
                          int iMin, int iMax, int points, boolean autoWindow, double r2, String method,
                          boolean powerLaw, String reason, double drift, double driftStandardError,
                          double segmentDrift, double segmentDriftStandardError, double ksDistance,
                          double cutoff) {

    /** Validates and copies the interval. */
    public PowerLawFit {
        if (ci95 == null || ci95.length != 2 || !(ci95[0] <= ci95[1])) {
            throw new IllegalArgumentException("ci95 must be [lo, hi] with lo ≤ hi");
        }
        if (iMin < 1 || iMax < iMin) {
            throw new IllegalArgumentException("window [" + iMin + ", " + iMax + "] is not a 1-based rank range");
        }
        if (method == null || ciMethod == null || reason == null) {
            throw new IllegalArgumentException("method, ciMethod and reason must not be null (use \"\" for no reason)");
        }
        ci95 = ci95.clone();
    }

    /** @return the 95% interval [lo, hi] on α (a copy) */
    @Override
    public double[] ci95() {
        return ci95.clone();
    }

    /** @return the log–log slope −(1 + α) */
    public double slope() {
        return -(1.0 + alpha);
    }

    /** @return the window [iMin, iMax], 1-based inclusive ranks */
    public int[] window() {
        return new int[] {iMin, iMax};
    }

    /** @return half the width of the 95% interval */
    public double halfWidth95() {
        return 0.5 * (ci95[1] - ci95[0]);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "PowerLawFit[%s alpha=%.4f ± %.4f ci95=[%.4f, %.4f] (%s) window=[%d, %d] points=%d auto=%b r2=%.4f "
                        + "powerLaw=%b drift=%.4f ± %.4f segmentDrift=%.4f ± %.4f ks=%.4f cutoff=%.4g reason=%s]",
                method, alpha, standardError, ci95[0], ci95[1], ciMethod, iMin, iMax, points, autoWindow, r2,
                powerLaw, drift, driftStandardError, segmentDrift, segmentDriftStandardError, ksDistance, cutoff, reason);
    }

    /** @return a copy with a new interval, standard error, verdict and reason (used by the bootstrap) */
    PowerLawFit withUncertainty(double newStandardError, double[] newCi95, String newCiMethod,
                                boolean newPowerLaw, String newReason) {
        return new PowerLawFit(alpha, newStandardError, newCi95, newCiMethod, iMin, iMax, points, autoWindow,
                r2, method, newPowerLaw, newReason, drift, driftStandardError, segmentDrift, segmentDriftStandardError,
                ksDistance, cutoff);
    }
}
