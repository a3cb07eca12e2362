package kspec.scaling.laws;

import java.util.List;

/**
 * One law fitted to a set of runs from a grid of starts.
 *
 * @param law            the law
 * @param objective      what was minimised
 * @param parameters     the law's fit parameters θ at the optimum, then log σ if the objective fits a scale
 * @param value          the objective there
 * @param bestStart      the grid point (the law's θ) whose minimisation reached {@code parameters}
 * @param starts         how many starts were tried
 * @param reached        how many ended within {@link LawFitter#REACHED_TOLERANCE} (relative) of the best value
 * @param diverged       how many ran into non-finite parameters or losses
 */
public record LawFit(LossLaw law, LossObjective objective, double[] parameters, double value, double[] bestStart,
        int starts, int reached, int diverged) {

    public LawFit {
        parameters = parameters.clone();
        bestStart = bestStart.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] bestStart() {
        return bestStart.clone();
    }

    /** @return the reported parameters (E, A, B, α, β; N_c, α_N, …), in the order of {@link LossLaw#reportedParameters()} */
    public double[] reported() {
        return law.reported(parameters);
    }

    /** @return the names of {@link #reported()} */
    public List<String> names() {
        return law.reportedParameters();
    }

    /** @return the fitted scale σ of the log-loss residuals, or NaN if the objective fits none */
    public double scale() {
        return objective.fitsScale() ? Math.exp(parameters[law.fitParameters().size()]) : Double.NaN;
    }
}
