package kspec.scaling.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import kspec.data.runs.RunRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic gradient of every law under both objectives against central finite differences,
 * (f(p + h e_k) − f(p − h e_k))/(2h). The Huber objective is C¹ (its second derivative jumps at
 * |r| = δσ), so the difference quotient has error O(h²) away from the kinks and the check uses
 * runs whose residuals sit well inside one branch or the other.
 */
class LawObjectiveGradientTest {

    /** Step of the central difference: small against the parameters, large against rounding. */
    private static final double H = 1e-7;
    /** Agreement asked of each component, relative to the gradient's largest component. */
    private static final double TOLERANCE = 1e-5;

    static List<Arguments> laws() {
        double[] chinchilla = {6.1, 7.6, 0.6, 0.35, 0.37};
        double[] kaplanN = {2.4, 0.076};
        double[] kaplanNd = {31.8, 30.5, 0.076, 0.103};
        double[] kaplanNs = {31.8, 7.6, 0.076, 0.76};
        return List.of(
                Arguments.of(new ChinchillaLaw(), chinchilla, LossObjective.HUBER_SUM),
                Arguments.of(new ChinchillaLaw(), withScale(chinchilla, -4), LossObjective.HUBER_LIKELIHOOD),
                Arguments.of(new KaplanPowerLaw(RunRole.PARAMS), kaplanN, LossObjective.HUBER_SUM),
                Arguments.of(new KaplanPowerLaw(RunRole.TOKENS), withScale(kaplanN, -3), LossObjective.HUBER_LIKELIHOOD),
                Arguments.of(new KaplanDataLaw(), kaplanNd, LossObjective.HUBER_SUM),
                Arguments.of(new KaplanDataLaw(), withScale(kaplanNd, -4), LossObjective.HUBER_LIKELIHOOD),
                Arguments.of(new KaplanStepsLaw(), kaplanNs, LossObjective.HUBER_SUM),
                Arguments.of(new KaplanStepsLaw(), withScale(kaplanNs, -4), LossObjective.HUBER_LIKELIHOOD));
    }

    private static double[] withScale(double[] theta, double logScale) {
        double[] p = java.util.Arrays.copyOf(theta, theta.length + 1);
        p[theta.length] = logScale;
        return p;
    }

    @ParameterizedTest
    @MethodSource("laws")
    void analyticGradientMatchesCentralDifferences(LossLaw law, double[] p, LossObjective objective) {
        Random random = new Random(7);
        int n = 40;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] g = new double[law.fitParameters().size()];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {Math.log(1e7 + 1e10 * random.nextDouble()), Math.log(1e8 + 1e11 * random.nextDouble())};
            // residuals of ±(0.2..0.4)·δσ or ±(5..10)·δσ: both Huber branches, and a step h in any
            // parameter (|∂ log L̂/∂θ| ≲ 30) moves a residual far less than its distance to the kink at δσ
            double sign = random.nextBoolean() ? 1 : -1;
            double scale = p.length > g.length ? Math.exp(p[g.length]) : 1;
            double size = (random.nextBoolean() ? 0.2 : 5) * (1 + random.nextDouble()) * LossObjective.DELTA * scale;
            y[i] = law.logLoss(p, x[i], g) - sign * size * scale;
        }
        LawObjective f = new LawObjective(law, objective, x, y, IntStream.range(0, n).toArray());
        double[] analytic = new double[p.length];
        f.g(p, analytic);
        double largest = java.util.Arrays.stream(analytic).map(Math::abs).max().orElseThrow();
        for (int k = 0; k < p.length; k++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[k] += H;
            down[k] -= H;
            double numeric = (f.f(up) - f.f(down)) / (2 * H);
            assertEquals(numeric, analytic[k], TOLERANCE * largest, law.fitParameters() + " component " + k + " of " + objective);
        }
    }
}
