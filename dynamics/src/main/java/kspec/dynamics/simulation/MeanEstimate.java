package kspec.dynamics.simulation;

/**
 * A mean over independent seeded draws with its standard error s/√draws (0 for one draw or a
 * deterministic result).
 *
 * @param mean          the sample mean
 * @param standardError the standard error of the mean
 */
public record MeanEstimate(double mean, double standardError) {

    /**
     * @param reference a value to compare with
     * @return |mean − reference| in standard errors (+∞ when the error is 0 and they differ)
     */
    public double deviationInErrors(double reference) {
        double diff = Math.abs(mean - reference);
        return diff == 0 ? 0 : diff / standardError;
    }
}
