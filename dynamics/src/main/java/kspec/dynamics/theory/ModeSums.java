package kspec.dynamics.theory;

import kspec.dynamics.ModeSpectrum;

/**
 * The mode sums the correlation equations need, reduced to one pass over the modes per node.
 *
 * <p>With weights x<sub>k</sub> ∈ {λ<sub>k</sub>, λ<sub>k</sub>², p<sub>k</sub>, λ<sub>k</sub>p<sub>k</sub>} the two-frequency
 * sums Σ<sub>k</sub> x<sub>k</sub>/((κ + λ<sub>k</sub>)(κ' + λ<sub>k</sub>)) follow from the one-frequency sums
 * u(κ) = Σ<sub>k</sub> x<sub>k</sub>/(κ + λ<sub>k</sub>) by partial fractions,
 * <pre>  Σ x/((κ+λ)(κ'+λ)) = (u(κ) − u(κ'))/(κ' − κ),  </pre>
 * which loses about log₁₀(|κ|/|κ' − κ|) digits; for κ' = κ the sum Σ x/(κ + λ)² is kept as well, and
 * nearly equal pairs ({@link #NEAR}) are summed directly. The same κ never appears at two different
 * s, because s = κR<sub>D</sub>(κ)R<sub>P</sub>(κ) is a function of κ.
 */
final class ModeSums {

    /** Weight index: λ. */
    static final int LAMBDA = 0;
    /** Weight index: λ². */
    static final int LAMBDA_SQUARED = 1;
    /** Weight index: task power p. */
    static final int POWER = 2;
    /** Weight index: λp. */
    static final int LAMBDA_POWER = 3;
    /** Number of weight vectors. */
    static final int WEIGHTS = 4;
    /** Relative separation |κ − κ'|/|κ| below which a pair is summed directly. */
    static final double NEAR = 1e-4;

    private final double[] lambda;
    private final double[][] weights;

    ModeSums(ModeSpectrum spectrum) {
        this.lambda = spectrum.eigenvalues();
        double[] p = spectrum.taskPower();
        int m = lambda.length;
        weights = new double[WEIGHTS][m];
        for (int k = 0; k < m; k++) {
            weights[LAMBDA][k] = lambda[k];
            weights[LAMBDA_SQUARED][k] = lambda[k] * lambda[k];
            weights[POWER][k] = p[k];
            weights[LAMBDA_POWER][k] = lambda[k] * p[k];
        }
    }

    /**
     * One-frequency sums at κ: {@code out[0][w]} = Σ x<sub>w</sub>/(κ+λ) and {@code out[1][w]} =
     * Σ x<sub>w</sub>/(κ+λ)², each as {re, im} in {@code [2·w]} and {@code [2·w + 1]}.
     */
    double[][] at(double kr, double ki) {
        double[] first = new double[2 * WEIGHTS];
        double[] second = new double[2 * WEIGHTS];
        for (int k = 0; k < lambda.length; k++) {
            double ar = lambda[k] + kr;
            double inv = 1 / (ar * ar + ki * ki);
            double ir = ar * inv;
            double ii = -ki * inv;
            double sr = ir * ir - ii * ii;
            double si = 2 * ir * ii;
            for (int w = 0; w < WEIGHTS; w++) {
                double x = weights[w][k];
                first[2 * w] += x * ir;
                first[2 * w + 1] += x * ii;
                second[2 * w] += x * sr;
                second[2 * w + 1] += x * si;
            }
        }
        return new double[][] {first, second};
    }

    /** Σ x<sub>w</sub>/((κ+λ)(κ'+λ)) summed directly, as {re, im} per weight. */
    double[] pair(double kr, double ki, double kr2, double ki2) {
        double[] out = new double[2 * WEIGHTS];
        for (int k = 0; k < lambda.length; k++) {
            double ar = lambda[k] + kr;
            double br = lambda[k] + kr2;
            // (a)(b) with a = ar + i ki, b = br + i ki2
            double pr = ar * br - ki * ki2;
            double pi = ar * ki2 + ki * br;
            double inv = 1 / (pr * pr + pi * pi);
            double ir = pr * inv;
            double ii = -pi * inv;
            for (int w = 0; w < WEIGHTS; w++) {
                out[2 * w] += weights[w][k] * ir;
                out[2 * w + 1] += weights[w][k] * ii;
            }
        }
        return out;
    }
}
