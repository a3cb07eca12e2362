package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import kspec.data.runs.RunRole;

/**
 * Hoffmann et al.'s parametric loss (arXiv 2203.15556, eq. 2 and App. D.2):
 * \( \hat L(N, D) = E + A/N^{\alpha} + B/D^{\beta} \), N parameters, D training tokens, fitted as
 * \( \log \hat L = \mathrm{LSE}(a - \alpha \log N,\; b - \beta \log D,\; e) \) with
 * A = e<sup>a</sup>, B = e<sup>b</sup>, E = e<sup>e</sup>. Fit parameters θ = (a, b, e, α, β); the
 * gradient is ∂/∂(a, b, e) = the softmax weights (w₁, w₂, w₃) of the three terms,
 * ∂/∂α = −w₁ log N, ∂/∂β = −w₂ log D.
 *
 * <p>Starts: Hoffmann's grid α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}
 * (4,500 points, App. D.2).
 */
public final class ChinchillaLaw implements LossLaw {

    /** Index of α in θ and in the reported parameters. */
    static final int ALPHA = 3;
    /** Index of β in θ and in the reported parameters. */
    static final int BETA = 4;

    @Override
    public String formula() {
        return "L = E + A/N^alpha + B/D^beta";
    }

    @Override
    public List<RunRole> inputs() {
        return List.of(RunRole.PARAMS, RunRole.TOKENS);
    }

    @Override
    public List<String> fitParameters() {
        return List.of("a", "b", "e", "alpha", "beta");
    }

    @Override
    public List<String> reportedParameters() {
        return List.of("A", "B", "E", "alpha", "beta");
    }

    @Override
    public double[] reported(double[] theta) {
        return new double[] {Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), theta[ALPHA], theta[BETA]};
    }

    @Override
    public double logLoss(double[] theta, double[] x, double[] gradient) {
        double[] t = {theta[0] - theta[ALPHA] * x[0], theta[1] - theta[BETA] * x[1], theta[2]};
        double[] w = new double[3];
        double lse = LogSumExp.of(t, w);
        gradient[0] = w[0];
        gradient[1] = w[1];
        gradient[2] = w[2];
        gradient[ALPHA] = -w[0] * x[0];
        gradient[BETA] = -w[1] * x[1];
        return lse;
    }

    @Override
    public List<double[]> starts() {
        List<double[]> grid = new ArrayList<>(4500);
        for (int ia = 0; ia <= 4; ia++) {
            for (int ib = 0; ib <= 4; ib++) {
                for (int ie = -2; ie <= 2; ie++) {
                    for (int ja = 0; ja <= 5; ja++) {
                        for (int jb = 0; jb <= 5; jb++) {
                            grid.add(new double[] {5.0 * ja, 5.0 * jb, 0.5 * ie, 0.5 * ia, 0.5 * ib});
                        }
                    }
                }
            }
        }
        return grid;
    }
}
