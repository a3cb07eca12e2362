package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import kspec.data.runs.RunRole;

/**
 * Kaplan et al.'s joint law in model size and data (arXiv 2001.08361, eq. 1.5):
 * \( L(N, D) = [(N_c/N)^{\alpha_N/\alpha_D} + D_c/D]^{\alpha_D} \), fitted as
 * \( \log L = \alpha_D\, \mathrm{LSE}(u_1, u_2) \), u₁ = (α<sub>N</sub>/α<sub>D</sub>)(n − log N),
 * u₂ = d − log D, with θ = (n, d, α<sub>N</sub>, α<sub>D</sub>), n = log N<sub>c</sub>, d = log D<sub>c</sub>.
 * With softmax weights w of (u₁, u₂): ∂/∂n = α<sub>N</sub>w₁, ∂/∂d = α<sub>D</sub>w₂,
 * ∂/∂α<sub>N</sub> = w₁(n − log N), ∂/∂α<sub>D</sub> = LSE − w₁u₁.
 *
 * <p>Starts: n ∈ {25, 30, 35}, d ∈ {20, 25, 30}, α<sub>N</sub>, α<sub>D</sub> ∈ {0.05, 0.1, 0.3} (81 points
 * around Kaplan's fit N<sub>c</sub> = 6.4·10¹³, D<sub>c</sub> = 1.8·10¹³, α<sub>N</sub> = 0.076,
 * α<sub>D</sub> = 0.103; kspec's choice, as Hoffmann's grid is for their law).
 */
public final class KaplanDataLaw implements LossLaw {

    @Override
    public String formula() {
        return "L = [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D";
    }

    @Override
    public List<RunRole> inputs() {
        return List.of(RunRole.PARAMS, RunRole.TOKENS);
    }

    @Override
    public List<String> fitParameters() {
        return List.of("n", "d", "alpha_N", "alpha_D");
    }

    @Override
    public List<String> reportedParameters() {
        return List.of("N_c", "D_c", "alpha_N", "alpha_D");
    }

    @Override
    public double[] reported(double[] theta) {
        return new double[] {Math.exp(theta[0]), Math.exp(theta[1]), theta[2], theta[3]};
    }

    @Override
    public double logLoss(double[] theta, double[] x, double[] gradient) {
        double ratio = theta[2] / theta[3];
        double[] u = {ratio * (theta[0] - x[0]), theta[1] - x[1]};
        double[] w = new double[2];
        double lse = LogSumExp.of(u, w);
        gradient[0] = theta[2] * w[0];
        gradient[1] = theta[3] * w[1];
        gradient[2] = w[0] * (theta[0] - x[0]);
        gradient[3] = lse - w[0] * u[0];
        return theta[3] * lse;
    }

    @Override
    public List<double[]> starts() {
        List<double[]> grid = new ArrayList<>();
        double[] exponents = {0.05, 0.1, 0.3};
        for (double n : new double[] {25, 30, 35}) {
            for (double d : new double[] {20, 25, 30}) {
                for (double an : exponents) {
                    for (double ad : exponents) {
                        grid.add(new double[] {n, d, an, ad});
                    }
                }
            }
        }
        return grid;
    }
}
