package kspec.scaling;

import java.util.Objects;
import kspec.core.stats.Estimate;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.IntrinsicDimension;

/**
 * Scaling exponents predicted from an intrinsic dimension d, for the duality report.
 *
 * <ul>
 * <li>{@code fourOverD}: the resolution-limited data exponent α_D ≈ 4/d of Bahri, Dyer, Kaplan, Lee,
 * Sharma (arXiv 2102.06701; docs/regimes-and-duality.md §3; origin Sharma &amp; Kaplan 2020, arXiv 2004.10802).
 * A <b>lower bound</b> heuristic for trained nets with smooth targets and a loss quadratic at its
 * minimum (4/α ≤ d); teacher–student nets follow it closely, image data "less clearly".</li>
 * <li>{@code reluNtkAlphaK} = 1/d and {@code reluNngpAlphaK} = 3/d: the kernel spectral exponents α_K
 * (λ_i ∝ i^(−(1+α_K))) of the deep ReLU NTK and NNGP on a d-dimensional sphere (Bietti &amp; Bach 2021,
 * arXiv 2009.14397; docs/sphere-spectra.md §2). They are the data exponents of kernel regression only for a
 * same-kernel GP teacher; smoother targets give min(a − 1, 2b) (docs/learning-curves.md §2).</li>
 * </ul>
 * Each prediction c/d carries the delta-method standard error c·se(d)/d² and the interval
 * [c/d_hi, c/d_lo] mapped from the estimate's 95% interval (c/d decreases in d; a non-positive
 * lower end maps to +∞), so made as d's interval was (a percentile interval maps exactly).
 *
 * @param dimension      the intrinsic dimension used
 * @param source         the estimator it came from
 * @param fourOverD      α_D ≈ 4/d (resolution-limited, trained nets)
 * @param reluNtkAlphaK  α_K = 1/d (deep ReLU NTK)
 * @param reluNngpAlphaK α_K = 3/d (deep ReLU NNGP)
 */
public record ScalingPrediction(double dimension, IntrinsicDimension.Method source, Prediction fourOverD,
                                Prediction reluNtkAlphaK, Prediction reluNngpAlphaK) {

    /**
     * One predicted exponent c/d.
     *
     * @param label    what it predicts, human-readable
     * @param exponent c/d, standard error c·se(d)/d², interval [c/d_hi, c/d_lo] (hi +∞ when d_lo ≤ 0),
     *                 with the interval method of d
     */
    public record Prediction(String label, Estimate exponent) {
        public Prediction {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(exponent, "exponent");
        }

        static Prediction of(String label, double c, IdEstimate e) {
            Estimate dimension = e.dimension();
            double d = dimension.value();
            return new Prediction(label, new Estimate(c / d, c * dimension.standardError() / (d * d), c / dimension.hi(),
                    dimension.lo() > 0 ? c / dimension.lo() : Double.POSITIVE_INFINITY, dimension.interval()));
        }
    }

    public ScalingPrediction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fourOverD, "fourOverD");
        Objects.requireNonNull(reluNtkAlphaK, "reluNtkAlphaK");
        Objects.requireNonNull(reluNngpAlphaK, "reluNngpAlphaK");
    }

    /** @return the predictions from one dimension estimate (the CLI uses the TwoNN estimate) */
    public static ScalingPrediction from(IdEstimate estimate) {
        return new ScalingPrediction(estimate.dimension().value(), estimate.method(),
                Prediction.of("alpha_D ~ 4/d (resolution-limited, trained nets; heuristic lower bound)", 4, estimate),
                Prediction.of("alpha_K = 1/d (deep ReLU NTK on a d-sphere)", 1, estimate),
                Prediction.of("alpha_K = 3/d (deep ReLU NNGP on a d-sphere)", 3, estimate));
    }
}
