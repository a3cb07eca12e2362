package kspec.scaling.laws;

import java.util.List;
import kspec.data.runs.RunRole;

/**
 * A parametric scaling law of the final loss, written for fitting on logarithms: the law gives
 * log L̂ as a smooth function of fit parameters θ and of the logarithms x of the run's inputs
 * (x_j = ln input_j, in the order of {@link #inputs()}), with its analytic gradient in θ. The fit
 * parameters are chosen so that the law stays positive and its logarithm smooth (log-sum-exp,
 * Hoffmann et al. 2022, arXiv 2203.15556, App. D.2); {@link #reported(double[])} maps them to the
 * parameters a reader quotes (E, A, B, α, β; N_c, α_N, …).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface LossLaw {

    /** @return the law in words, e.g. {@code L = E + A/N^alpha + B/D^beta} */
    String formula();

    /** @return the run columns the law reads, in the order of the covariates x */
    List<RunRole> inputs();

    /** @return the names of the fit parameters θ, e.g. {@code a, b, e, alpha, beta} */
    List<String> fitParameters();

    /** @return the names of the reported parameters, e.g. {@code E, A, B, alpha, beta} */
    List<String> reportedParameters();

    /**
     * @param theta fit parameters. Not modified.
     * @return the reported parameters, in the order of {@link #reportedParameters()}
     */
    double[] reported(double[] theta);

    /**
     * @param theta    fit parameters. Not modified.
     * @param x        logarithms of the run's inputs. Not modified.
     * @param gradient receives ∂ log L̂ / ∂θ. Modified.
     * @return log L̂
     */
    double logLoss(double[] theta, double[] x, double[] gradient);

    /** @return the starting points of the multi-start fit (each a new array) */
    List<double[]> starts();

    /**
     * The starts for a particular table; by default {@link #starts()}.
     *
     * @param x logarithms of the runs' inputs. Not modified.
     * @param y log-losses. Not modified.
     */
    default List<double[]> starts(double[][] x, double[] y) {
        return starts();
    }
}
