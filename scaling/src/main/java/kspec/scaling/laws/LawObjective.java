package kspec.scaling.laws;

import java.util.Arrays;
import smile.math.DifferentiableMultivariateFunction;

/**
 * A {@link LossObjective} of one {@link LossLaw} over a multiset of runs, with its analytic
 * gradient, in the form Smile's L-BFGS minimises. The parameter vector is the law's θ, followed by
 * s = log σ when the objective {@linkplain LossObjective#fitsScale() fits a scale}.
 *
 * <p>Gradient: with r<sub>i</sub> the log-loss residuals, z<sub>i</sub> = r<sub>i</sub>/σ (σ = 1 for the sum),
 * ∂/∂θ = Σ<sub>i</sub> ψ<sub>δ</sub>(z<sub>i</sub>)/σ · ∂ log L̂<sub>i</sub>/∂θ and
 * ∂/∂s = n − Σ<sub>i</sub> ψ<sub>δ</sub>(z<sub>i</sub>) z<sub>i</sub>.
 *
 * <p>A parameter vector or a value that is not finite (an exponent driven to 0, say) ends the
 * minimisation with {@link Diverged}: Smile's line search loops forever on NaN, so it must never
 * see one.
 */
final class LawObjective implements DifferentiableMultivariateFunction {

    private static final long serialVersionUID = 1L;

    private final LossLaw law;
    private final LossObjective objective;
    private final double[][] x;
    private final double[] y;
    private final int[] rows;
    private final int lawParameters;
    /** log σ held fixed (the likelihood's continuation stages), or NaN when σ is a parameter or absent. */
    private final double fixedLogScale;

    /**
     * @param x    logarithms of each run's inputs (rows of {@link LossLaw#inputs()}). Not modified, not copied.
     * @param y    log-loss of each run. Not modified, not copied.
     * @param rows the runs in the objective, repeats allowed (a bootstrap draw). Not modified, not copied.
     */
    LawObjective(LossLaw law, LossObjective objective, double[][] x, double[] y, int[] rows) {
        this(law, objective, x, y, rows, Double.NaN);
    }

    private LawObjective(LossLaw law, LossObjective objective, double[][] x, double[] y, int[] rows, double fixedLogScale) {
        this.law = law;
        this.objective = objective;
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.lawParameters = law.fitParameters().size();
        this.fixedLogScale = fixedLogScale;
    }

    /**
     * @param logScale log σ
     * @return the likelihood objective over the law's parameters alone, σ held at e<sup>logScale</sup>
     */
    LawObjective withFixedScale(double logScale) {
        return new LawObjective(law, LossObjective.HUBER_LIKELIHOOD, x, y, rows, logScale);
    }

    /** @return the number of parameters: the law's, plus one for log σ when σ is fitted */
    int dimension() {
        return lawParameters + (scaleIsParameter() ? 1 : 0);
    }

    private boolean scaleIsParameter() {
        return objective.fitsScale() && Double.isNaN(fixedLogScale);
    }

    /**
     * @param theta the law's parameters. Not modified.
     * @return δ·mean |r| over the runs: the likelihood's optimal σ at θ when every |r| exceeds δσ
     */
    double scaleAt(double[] theta) {
        double[] g = new double[lawParameters];
        double sum = 0;
        for (int i : rows) {
            sum += Math.abs(law.logLoss(theta, x[i], g) - y[i]);
        }
        return Math.max(LossObjective.DELTA * sum / rows.length, Double.MIN_NORMAL);
    }

    /**
     * Completes a starting point of the law with the scale that minimises the likelihood objective
     * at it when the residuals lie outside ±δσ: σ = δ·mean |r| (the stationarity of
     * (δ/σ)Σ|r| + n log σ).
     *
     * @param theta the law's parameters. Not modified.
     * @return a new parameter vector of {@link #dimension()} elements
     */
    double[] start(double[] theta) {
        double[] p = Arrays.copyOf(theta, dimension());
        if (scaleIsParameter()) {
            p[lawParameters] = Math.log(scaleAt(theta));
        }
        return p;
    }

    /** @return log L̂ of run {@code i} at parameters p */
    double predicted(double[] p, int i) {
        return law.logLoss(p, x[i], new double[lawParameters]);
    }

    @Override
    public double f(double[] p) {
        return g(p, new double[p.length]);
    }

    @Override
    public double g(double[] p, double[] gradient) {
        requireFinite(p);
        double s = scaleIsParameter() ? p[lawParameters] : objective.fitsScale() ? fixedLogScale : 0;
        double inverseScale = Math.exp(-s);
        double[] lawGradient = new double[lawParameters];
        Arrays.fill(gradient, 0);
        double value = 0;
        for (int i : rows) {
            double z = (law.logLoss(p, x[i], lawGradient) - y[i]) * inverseScale;
            double psi = LossObjective.psi(z);
            value += LossObjective.rho(z);
            for (int k = 0; k < lawParameters; k++) {
                gradient[k] += psi * inverseScale * lawGradient[k];
            }
            if (scaleIsParameter()) {
                gradient[lawParameters] -= psi * z;
            }
        }
        if (objective.fitsScale()) {
            value += rows.length * (s + LossObjective.logNormaliser());
        }
        if (scaleIsParameter()) {
            gradient[lawParameters] += rows.length;
        }
        if (!Double.isFinite(value)) {
            throw new Diverged();
        }
        requireFinite(gradient);
        return value;
    }

    private static void requireFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                throw new Diverged();
            }
        }
    }

    /** The minimisation reached a non-finite parameter, value or gradient. */
    static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Diverged() {
            super("the fit diverged (a non-finite parameter or loss)", null, false, false);
        }
    }
}
