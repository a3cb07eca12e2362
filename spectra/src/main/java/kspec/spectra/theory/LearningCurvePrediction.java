package kspec.spectra.theory;

/**
 * Learning curve predicted by {@link LearningCurveTheory} for a list of training-set sizes.
 *
 * @param ds             training-set sizes D, ascending
 * @param testLoss       predicted generalisation error E_g(D)
 * @param kappa          the self-consistent κ(D)
 * @param gamma          γ(D) = D Σ g λ²/(Dλ + κ)²
 * @param fittedExponent −(slope of log E_g on log D) over all given D (NaN for fewer than 2 sizes):
 *                       the "predicted α_D" of the duality report
 */
public record LearningCurvePrediction(int[] ds, double[] testLoss, double[] kappa, double[] gamma,
                                      double fittedExponent) {

    /** Validates lengths and copies. */
    public LearningCurvePrediction {
        int n = ds.length;
        if (testLoss.length != n || kappa.length != n || gamma.length != n) {
            throw new IllegalArgumentException("ds, testLoss, kappa and gamma must have equal lengths");
        }
        ds = ds.clone();
        testLoss = testLoss.clone();
        kappa = kappa.clone();
        gamma = gamma.clone();
    }

    @Override
    public int[] ds() {
        return ds.clone();
    }

    @Override
    public double[] testLoss() {
        return testLoss.clone();
    }

    @Override
    public double[] kappa() {
        return kappa.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }
}
