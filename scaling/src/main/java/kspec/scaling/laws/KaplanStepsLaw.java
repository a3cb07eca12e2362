package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import kspec.data.runs.RunRole;

/**
 * Kaplan et al.'s law in model size and training steps (arXiv 2001.08361, eq. 1.6, with the steps
 * S as given rather than their S<sub>min</sub>): \( L(N, S) = (N_c/N)^{\alpha_N} + (S_c/S)^{\alpha_S} \),
 * fitted as \( \log L = \mathrm{LSE}(\alpha_N(n - \log N),\; \alpha_S(s - \log S)) \) with
 * θ = (n, s, α<sub>N</sub>, α<sub>S</sub>), n = log N<sub>c</sub>, s = log S<sub>c</sub>. With softmax weights
 * w: ∂/∂n = α<sub>N</sub>w₁, ∂/∂s = α<sub>S</sub>w₂, ∂/∂α<sub>N</sub> = w₁(n − log N), ∂/∂α<sub>S</sub> = w₂(s − log S).
 *
 * <p>Starts: n ∈ {25, 30, 35}, s ∈ {5, 8, 11}, α<sub>N</sub> ∈ {0.05, 0.1, 0.3}, α<sub>S</sub> ∈ {0.3, 0.7, 1.5}
 * (81 points around Kaplan's N<sub>c</sub> = 6.5·10¹³, S<sub>c</sub> = 2.1·10³, α<sub>N</sub> = 0.076,
 * α<sub>S</sub> = 0.76; kspec's choice).
 */
public final class KaplanStepsLaw implements LossLaw {

    @Override
    public String formula() {
        return "L = (N_c/N)^alpha_N + (S_c/S)^alpha_S";
    }

    @Override
    public List<RunRole> inputs() {
        return List.of(RunRole.PARAMS, RunRole.STEPS);
    }

    @Override
    public List<String> fitParameters() {
        return List.of("n", "s", "alpha_N", "alpha_S");
    }

    @Override
    public List<String> reportedParameters() {
        return List.of("N_c", "S_c", "alpha_N", "alpha_S");
    }

    @Override
    public double[] reported(double[] theta) {
        return new double[] {Math.exp(theta[0]), Math.exp(theta[1]), theta[2], theta[3]};
    }

    @Override
    public double logLoss(double[] theta, double[] x, double[] gradient) {
        double[] u = {theta[2] * (theta[0] - x[0]), theta[3] * (theta[1] - x[1])};
        double[] w = new double[2];
        double lse = LogSumExp.of(u, w);
        gradient[0] = theta[2] * w[0];
        gradient[1] = theta[3] * w[1];
        gradient[2] = w[0] * (theta[0] - x[0]);
        gradient[3] = w[1] * (theta[1] - x[1]);
        return lse;
    }

    @Override
    public List<double[]> starts() {
        List<double[]> grid = new ArrayList<>();
        for (double n : new double[] {25, 30, 35}) {
            for (double s : new double[] {5, 8, 11}) {
                for (double an : new double[] {0.05, 0.1, 0.3}) {
                    for (double as : new double[] {0.3, 0.7, 1.5}) {
                        grid.add(new double[] {n, s, an, as});
                    }
                }
            }
        }
        return grid;
    }
}
