package kspec.spectra.fit;

import kspec.core.stats.Estimate;

/**
 * Result of a power-law fit λ<sub>i</sub> ∝ i<sup>−(1+α)</sup> to a descending spectrum (or of another
 * decay fitted the same way, e.g. the task power of {@link TargetSpectrum}): the estimate of α over a
 * window of ranks by one method, the verdict on whether a single power law describes that window, and
 * the diagnostics behind the verdict.
 *
 * @param method      the estimator
 * @param alpha       α with its standard error and 95% interval (regression, Wald or bootstrap:
 *                    {@link Estimate#interval()})
 * @param window      the ranks fitted
 * @param powerLaw    the verdict: does a single power law describe the window?
 * @param reason      why not (or a warning); empty when the fit is fine
 * @param diagnostics goodness of fit and drift of the local slope
 */
public record PowerLawFit(FitMethod method, Estimate alpha, RankWindow window, boolean powerLaw, String reason,
                          FitDiagnostics diagnostics) {

    /** Validates. */
    public PowerLawFit {
        if (method == null || alpha == null || window == null || reason == null || diagnostics == null) {
            throw new IllegalArgumentException("method, alpha, window, reason and diagnostics must not be null "
                    + "(use \"\" for no reason)");
        }
    }

    /** @return the log–log slope −(1 + α) */
    public double slope() {
        return -(1.0 + alpha.value());
    }

    /** @return a copy with a new estimate and verdict (used by the bootstrap) */
    PowerLawFit withUncertainty(Estimate newAlpha, boolean newPowerLaw, String newReason) {
        return new PowerLawFit(method, newAlpha, window, newPowerLaw, newReason, diagnostics);
    }
}
