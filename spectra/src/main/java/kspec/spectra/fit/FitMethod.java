package kspec.spectra.fit;

/** The estimators of a decay exponent, with their names in reports and JSON. */
public enum FitMethod {

    /** Unweighted least squares of log λ on log rank ({@link LogLogFits#leastSquares}). */
    LEAST_SQUARES("ols-loglog"),
    /** Least squares with weights 1/i, so that every decade weighs the same ({@link LogLogFits#leastSquares}). */
    LEAST_SQUARES_INVERSE_INDEX("ols-loglog-1/i"),
    /** Least squares of plateau values on block-midpoint ranks, for staircases ({@link LogLogFits#plateau}). */
    PLATEAU("plateau"),
    /** Weighted least squares of bias-corrected, binned task power ({@link TargetSpectrum#taskPowerFit}). */
    BINNED_TASK_POWER("ols-loglog-binned"),
    /** Clauset–Shalizi–Newman maximum likelihood with a Kolmogorov–Smirnov cut-off ({@link ClausetMle}). */
    CLAUSET_MLE("mle-clauset");

    private final String key;

    FitMethod(String key) {
        this.key = key;
    }

    /** @return the name used in reports and JSON, e.g. {@code ols-loglog-1/i} */
    public String key() {
        return key;
    }
}
