package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.List;
import kspec.data.runs.RunRole;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Kaplan et al.'s one-variable laws (arXiv 2001.08361, eqs. 1.1–1.2): \( L(X) = (X_c / X)^{\alpha_X} \)
 * for X = N (parameters) or X = D (tokens). On logarithms the law is a line,
 * \( \log L = \kappa - \alpha_X \log X \) with κ = α<sub>X</sub> log X<sub>c</sub>, so θ = (κ, α<sub>X</sub>)
 * and the fit is convex; X<sub>c</sub> = exp(κ/α<sub>X</sub>) is reported.
 *
 * <p>Starts: the least-squares line through (log X, log L), then κ ∈ {0, 1, 2, 4} × α ∈ {0.05, 0.1, 0.2, 0.5}
 * (16 points around Kaplan's α<sub>N</sub> = 0.076, α<sub>D</sub> = 0.095). The objective is convex, but far
 * from the line every residual lies on the linear branch of the Huber function, where the gradient
 * is constant and L-BFGS's curvature pairs vanish; the least-squares start lies where they do not.
 */
public final class KaplanPowerLaw implements LossLaw {

    private final RunRole variable;
    private final String symbol;

    /** @param variable {@link RunRole#PARAMS} for L(N) or {@link RunRole#TOKENS} for L(D) */
    public KaplanPowerLaw(RunRole variable) {
        if (variable != RunRole.PARAMS && variable != RunRole.TOKENS) {
            throw new IllegalArgumentException("Kaplan's one-variable law is in N or D, not the " + variable.description());
        }
        this.variable = variable;
        this.symbol = variable == RunRole.PARAMS ? "N" : "D";
    }

    @Override
    public String formula() {
        return "L = (" + symbol + "_c/" + symbol + ")^alpha_" + symbol;
    }

    @Override
    public List<RunRole> inputs() {
        return List.of(variable);
    }

    @Override
    public List<String> fitParameters() {
        return List.of("kappa", "alpha_" + symbol);
    }

    @Override
    public List<String> reportedParameters() {
        return List.of(symbol + "_c", "alpha_" + symbol);
    }

    @Override
    public double[] reported(double[] theta) {
        return new double[] {Math.exp(theta[0] / theta[1]), theta[1]};
    }

    @Override
    public double logLoss(double[] theta, double[] x, double[] gradient) {
        gradient[0] = 1;
        gradient[1] = -x[0];
        return theta[0] - theta[1] * x[0];
    }

    @Override
    public List<double[]> starts(double[][] x, double[] y) {
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            line.addData(x[i][0], y[i]);
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {line.getIntercept(), -line.getSlope()});
        starts.addAll(starts());
        return starts;
    }

    @Override
    public List<double[]> starts() {
        List<double[]> grid = new ArrayList<>();
        for (double kappa : new double[] {0, 1, 2, 4}) {
            for (double alpha : new double[] {0.05, 0.1, 0.2, 0.5}) {
                grid.add(new double[] {kappa, alpha});
            }
        }
        return grid;
    }
}
