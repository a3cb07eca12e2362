package kspec.spectra.fit;

/**
 * What a power-law fit saw besides its estimate: how well the line fits, how much the local slope
 * drifts, and for the MLE its Kolmogorov–Smirnov distance and cut-off. Quantities an estimator does
 * not produce are NaN.
 *
 * @param points     number of points fitted (eigenvalues, plateaus, bins; for the MLE the tail size)
 * @param r2         coefficient of determination of the log–log line (NaN for the MLE)
 * @param drift      the change of the local slope across the window ({@link SlopeDrift#NONE} for the MLE)
 * @param ksDistance Kolmogorov–Smirnov distance of the MLE fit (NaN otherwise)
 * @param cutoff     the MLE's lower cut-off λ<sub>min</sub> = λ<sub>iMax</sub> (NaN otherwise)
 */
public record FitDiagnostics(int points, double r2, SlopeDrift drift, double ksDistance, double cutoff) {

    /** Validates. */
    public FitDiagnostics {
        if (points < 1 || drift == null) {
            throw new IllegalArgumentException("a fit needs ≥ 1 point and a drift (SlopeDrift.NONE when not measured)");
        }
    }

    /** @return the diagnostics of a straight-line fit */
    static FitDiagnostics ofLine(LogLogRegression.Line line) {
        return new FitDiagnostics(line.points(), line.r2(), line.drift(), Double.NaN, Double.NaN);
    }
}
