package kspec.dynamics.laws;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import kspec.core.stats.Estimate;
import kspec.core.stats.IntervalMethod;
import kspec.core.stats.Stats;

/**
 * The time, width, data and compute exponents that {@link BottleneckLaws} predicts from (a, b), with
 * 95% intervals.
 *
 * <p>For synthetic power laws the exponents are exact and the intervals degenerate. For measured
 * a and b the uncertainty is propagated by a parametric bootstrap: each of the {@code draws} draws
 * takes a bootstrap replicate of a ({@link TaskPowerTail}, over modes) and b from a normal
 * distribution with the standard error of the spectral fit, evaluates every formula, and the
 * interval is the 2.5–97.5% percentile range of the results (widened to contain the estimate), the
 * standard error their standard deviation ({@link IntervalMethod#PARAMETRIC_BOOTSTRAP}); the formulas'
 * kink at a − 1 = 2b is handled without linearisation. A draw with a ≤ 1 (no
 * summable tail) or b ≤ 0 is evaluated at the limits a → 1<sup>+</sup>, b → 0<sup>+</sup>: time,
 * width and data exponents 0, compute width exponent 1/(1 + b).
 *
 * @param time         L ∼ t<sup>−time</sup>
 * @param width        L ∼ P<sup>−width</sup>
 * @param data         L ∼ D<sup>−data</sup>
 * @param computeLoss  L* ∼ C<sup>−computeLoss</sup>
 * @param computeWidth P* ∼ C<sup>computeWidth</sup>
 * @param computeTime  t* ∼ C<sup>computeTime</sup>
 */
public record PredictedExponents(Estimate time, Estimate width, Estimate data,
                                 Estimate computeLoss, Estimate computeWidth,
                                 Estimate computeTime) {

    /** Smallest a − 1 and b a propagated draw is evaluated at. */
    private static final double LIMIT = 1e-9;

    public PredictedExponents {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(computeLoss, "computeLoss");
        Objects.requireNonNull(computeWidth, "computeWidth");
        Objects.requireNonNull(computeTime, "computeTime");
    }

    /** @return the exponents of exactly known (a, b), with degenerate intervals */
    public static PredictedExponents exact(BottleneckLaws laws) {
        return new PredictedExponents(Estimate.exact(laws.time()), Estimate.exact(laws.resource()),
                Estimate.exact(laws.resource()), Estimate.exact(laws.computeLoss()), Estimate.exact(laws.computeWidth()),
                Estimate.exact(laws.computeTime()));
    }

    /**
     * Propagates measured (a, b) (class comment).
     *
     * @param a       the task-power tail fit with its bootstrap replicates (at least 20)
     * @param b       the spectral exponent estimate
     * @param bError  its standard error, ≥ 0
     * @param draws   propagation draws, ≥ 100
     * @param seed    seed of the draws
     */
    public static PredictedExponents propagated(TaskPowerTail a, double b, double bError, int draws, long seed) {
        Objects.requireNonNull(a, "a");
        double[] aReplicates = a.replicates();
        if (aReplicates.length < 20) {
            throw new IllegalArgumentException("propagating a needs its bootstrap replicates (>= 20), got " + aReplicates.length);
        }
        if (!(bError >= 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b = " + b + " with standard error " + bError + "; need a finite b and an error >= 0");
        }
        if (draws < 100) {
            throw new IllegalArgumentException("propagation needs >= 100 draws, got " + draws);
        }
        BottleneckLaws point = laws(a.a().value(), b);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[6][draws];
        for (int i = 0; i < draws; i++) {
            BottleneckLaws l = laws(aReplicates[random.nextInt(aReplicates.length)], b + bError * random.nextGaussian());
            double[] e = all(l);
            for (int j = 0; j < 6; j++) {
                values[j][i] = e[j];
            }
        }
        double[] estimate = all(point);
        Estimate[] out = new Estimate[6];
        for (int j = 0; j < 6; j++) {
            out[j] = Estimate.of(estimate[j], Stats.sd(values[j]), Stats.percentileInterval(values[j], estimate[j]),
                    IntervalMethod.PARAMETRIC_BOOTSTRAP);
        }
        return new PredictedExponents(out[0], out[1], out[2], out[3], out[4], out[5]);
    }

    /** The laws at (a, b), moved to the limits a → 1⁺, b → 0⁺ where they are undefined. */
    private static BottleneckLaws laws(double a, double b) {
        return new BottleneckLaws(Math.max(a, 1 + LIMIT), Math.max(b, LIMIT));
    }

    private static double[] all(BottleneckLaws l) {
        return new double[] {l.time(), l.resource(), l.resource(), l.computeLoss(), l.computeWidth(), l.computeTime()};
    }

    @Override
    public String toString() {
        return Arrays.toString(new Estimate[] {time, width, data, computeLoss, computeWidth, computeTime});
    }
}
