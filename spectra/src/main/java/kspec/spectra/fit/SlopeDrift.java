package kspec.spectra.fit;

import kspec.core.stats.Stats;

/**
 * How much the local slope d log λ / d log i changes across a fit window, measured two ways
 * ({@link LogLogRegression}): from a quadratic in log–log, Δs = 2c₂(x<sub>max</sub> − x<sub>min</sub>),
 * and as the slope of the window's last third (in log rank) minus that of its first third. The
 * power-law verdict ({@link WindowRule}) asks both to stay within the fit's own uncertainty.
 *
 * @param quadratic                 Δs from the quadratic (NaN with fewer than 5 points, or for the MLE)
 * @param quadraticStandardError    its standard error
 * @param segment                   last-third slope minus first-third slope (NaN when the thirds hold
 *                                  fewer than 3 points each, or for the MLE)
 * @param segmentStandardError      its standard error √(SE₁² + SE₃²)
 */
public record SlopeDrift(double quadratic, double quadraticStandardError, double segment, double segmentStandardError) {

    /** No drift measured (the MLE fits no line). */
    static final SlopeDrift NONE = new SlopeDrift(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Normal quantile of the 99% two-sided drift allowance. */
    private static final double Z_99 = 2.5758293035489;
    /** Rounding allowance on the drift of noise-free spectra (slope units). */
    private static final double SLOPE_RESOLUTION = 1e-6;

    /** @return whether the quadratic drift was measured (the window held ≥ 5 points) */
    boolean measured() {
        return !Double.isNaN(quadratic);
    }

    /**
     * |Δ| ≤ 2h + 2.576·SE(Δ) + 10⁻⁶ for the quadratic drift and, when defined, the segment drift.
     *
     * @param halfWidth h, the half-width of the fit's 95% interval on α
     */
    boolean within(double halfWidth) {
        return quadraticWithin(halfWidth) && segmentWithin(halfWidth);
    }

    boolean quadraticWithin(double halfWidth) {
        return Math.abs(quadratic) <= allowed(halfWidth, quadraticStandardError);
    }

    boolean segmentWithin(double halfWidth) {
        return Double.isNaN(segment) || Math.abs(segment) <= allowed(halfWidth, segmentStandardError);
    }

    /** @return the larger upper 95% bound |Δ| + 1.96·SE(Δ) of the two drifts (the flatness score of automatic windows) */
    double upperBound95() {
        double q = Math.abs(quadratic) + Stats.Z95 * quadraticStandardError;
        return Double.isNaN(segment) ? q : Math.max(q, Math.abs(segment) + Stats.Z95 * segmentStandardError);
    }

    /** @return the allowance 2h + 2.576·SE + 10⁻⁶ on a drift with standard error {@code se} */
    static double allowed(double halfWidth, double se) {
        return 2 * halfWidth + Z_99 * se + SLOPE_RESOLUTION;
    }
}
