package kspec.core.stats;

/**
 * How the 95% interval (and the standard error) of an {@link Estimate} was made. The resampling
 * methods name what was resampled, since intervals over different units answer different questions:
 * over data points, an estimate's spread across data sets; over seeds, its spread across random
 * orderings or feature draws of one data set.
 */
public enum IntervalMethod {

    /**
     * Least squares: value ± t<sub>0.975, m−2</sub>·SE, SE the slope's regression standard error over
     * m points. Assumes independent errors (Seber &amp; Lee 2003, <i>Linear Regression Analysis</i>, §5.1).
     */
    T_REGRESSION("t-regression"),

    /**
     * Maximum likelihood: value ± 1.96·SE, SE from the Fisher information or its sandwich form
     * (Wald's interval; Casella &amp; Berger 2002, §10.4).
     */
    WALD("wald-mle"),

    /**
     * value ± 1.96·SE with SE by the delta method: a smooth function of means, or the difference of
     * two independent estimates (Casella &amp; Berger 2002, §5.5.4).
     */
    DELTA_METHOD("delta-method"),

    /** Quantiles of the estimator's exact sampling distribution under the model (e.g. a Gamma law). */
    EXACT("exact"),

    /** Percentile bootstrap over data points drawn with replacement (Efron &amp; Tibshirani 1993, ch. 13). */
    BOOTSTRAP_POINTS("percentile-bootstrap"),

    /**
     * m-out-of-n subsampling of data points without replacement, rescaled by √(m/n) (Politis, Romano
     * &amp; Wolf 1999, <i>Subsampling</i>, §2.2).
     */
    SUBSAMPLING_POINTS("subsampling"),

    /** Percentile bootstrap over the seeds of a measurement (random orderings or feature draws). */
    BOOTSTRAP_SEEDS("bootstrap-seeds"),

    /**
     * Multiplier bootstrap over eigenmodes: every mode's measured power is multiplied by an
     * independent draw of its sampling law (χ²<sub>T</sub>/T for T Gaussian target coefficients) and
     * the fit repeated; the percentile interval of the replicates.
     */
    BOOTSTRAP_MODES("bootstrap-modes"),

    /**
     * Parametric bootstrap of a function of estimates: each input drawn from its own replicates or
     * normal law, the function evaluated per draw, the percentile interval of the results (Efron &amp;
     * Tibshirani 1993, ch. 6).
     */
    PARAMETRIC_BOOTSTRAP("parametric-bootstrap"),

    /** No sampling error: a computed value, with a zero-width interval and standard error 0. */
    NONE("none");

    private final String key;

    IntervalMethod(String key) {
        this.key = key;
    }

    /** @return the name used in reports and JSON, e.g. {@code t-regression} */
    public String key() {
        return key;
    }
}
