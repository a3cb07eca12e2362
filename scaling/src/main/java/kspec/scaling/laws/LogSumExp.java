package kspec.scaling.laws;

/**
 * The log-sum-exp LSE(t) = log Σ_k exp(t_k) evaluated as m + log Σ_k exp(t_k − m), m = max_k t_k,
 * so that no term overflows, together with its gradient, the softmax weights
 * ∂LSE/∂t_k = exp(t_k − LSE).
 */
final class LogSumExp {

    private LogSumExp() {
    }

    /**
     * @param t       the terms. Not modified.
     * @param weights receives exp(t_k − LSE(t)), summing to 1. Modified.
     * @return LSE(t)
     */
    static double of(double[] t, double[] weights) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (int k = 0; k < t.length; k++) {
            weights[k] = Math.exp(t[k] - m);
            s += weights[k];
        }
        for (int k = 0; k < t.length; k++) {
            weights[k] /= s;
        }
        return m + Math.log(s);
    }
}
