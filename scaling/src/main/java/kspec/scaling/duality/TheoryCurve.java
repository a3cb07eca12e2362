package kspec.scaling.duality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kspec.kernels.SphericalHarmonicSpectrum;
import kspec.spectra.fit.TargetSpectrum;
import kspec.spectra.theory.LearningCurvePrediction;
import kspec.spectra.theory.LearningCurveTheory;

/**
 * The Bordelon–Canatar–Pehlevan prediction of L(D) (arXiv 2002.02561; docs/learning-curves.md §1) over the
 * measured training-set sizes, and the spectrum it was computed from.
 *
 * <p>Two sources. (1) <b>Population</b>: when the inputs are uniform on a sphere and the target is a GP
 * teacher of the student's kernel, the theory is fed the exact operator spectrum
 * ({@link SphericalHarmonicSpectrum}: μ<sub>ℓ</sub> with degeneracy N(d<sub>in</sub>, ℓ)) and the
 * teacher's exact task power, λ<sub>k</sub> per mode (w̄<sub>k</sub>² = 1). The trace the resolved
 * degrees miss (U = κ(1) − Σ N μ: 10⁻⁸–10⁻⁴ of the trace for depth-2 ReLU NNGPs, 10⁻³–10⁻² for NTKs at
 * d<sub>in</sub> = 5–10) enters as one bucket of modes with eigenvalue ε far below every resolved μ and
 * degeneracy U/ε: it adds U/κ to the κ equation, nothing to γ and U/(1 − γ) to E_g, which is what the
 * unresolved tail adds as long as D·μ ≪ κ for the real modes just below the rounding floor. Checked
 * against an ℓ⁻⁷ extension of the S⁴ NNGP tail: loss within 0.2% and exponent within 0.001 up to
 * D = 262,144 (the trend windows reported), 1.4% low at D ≈ 10⁶. (2) <b>Pool</b>: otherwise, the
 * K/n eigenvalues of the n-point training pool with the target's measured power per eigenvector;
 * this spectrum stops at n modes and under-predicts L(D) as D approaches n (measured: 10% low at
 * D = n/16, 2× low at D = n/2 for the default S⁴ run, where the population spectrum is within 8%).
 *
 * @param loss     predicted test loss per target column, one per training-set size
 * @param exponent −slope of log L on log D over the sizes (least squares)
 * @param source   which spectrum, in words
 * @param trend    the prediction's exponent over the same window shifted to 4, 16, 64 and 256 times larger D
 *                 (population spectrum only; empty for the pool, which cannot predict beyond n)
 * @param farAlpha the population spectrum's own decay exponent far out
 *                 ({@link SphericalHarmonicSpectrum#farExponent()}), the value the trend approaches; NaN for the pool
 */
public record TheoryCurve(double[] loss, double exponent, String source, List<WindowExponent> trend, double farAlpha) {

    /** Window shifts (powers of 4) reported in {@link #trend}. */
    static final int TREND_STEPS = 4;

    public TheoryCurve {
        loss = loss.clone();
        trend = List.copyOf(trend);
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    /**
     * BCP on the exact population spectrum with a same-kernel GP teacher.
     *
     * @param population the spherical-harmonic spectrum of the student's kernel
     * @param sphere     a description of the sphere, for {@link #source}
     * @param sizes      training-set sizes, ascending. Not modified.
     * @param ridge      δ ≥ 0
     */
    static TheoryCurve population(SphericalHarmonicSpectrum population, String sphere, int[] sizes, double ridge) {
        double[] mu = population.eigenvalues();
        double[] g = population.multiplicities();
        double unresolved = population.unresolvedMass();
        int modes = mu.length;
        if (unresolved > 0) {
            double smallest = Double.POSITIVE_INFINITY;
            for (double m : mu) {
                smallest = Math.min(smallest, m);
            }
            double epsilon = 1e-6 * smallest;
            mu = append(mu, epsilon);
            g = append(g, unresolved / epsilon);
        }
        LearningCurvePrediction now = LearningCurveTheory.predict(mu, g, mu, sizes, ridge, 0.0);
        List<WindowExponent> trend = new ArrayList<>();
        for (int step = 1; step <= TREND_STEPS; step++) {
            int[] shifted = new int[sizes.length];
            long factor = 1L << (2 * step);
            for (int i = 0; i < sizes.length; i++) {
                shifted[i] = Math.toIntExact(sizes[i] * factor);
            }
            trend.add(new WindowExponent(shifted[0], shifted[shifted.length - 1],
                    LearningCurveTheory.predict(mu, g, mu, shifted, ridge, 0.0).fittedExponent()));
        }
        String source = String.format(Locale.ROOT, "population: exact spherical-harmonic spectrum of the uniform %s "
                + "(%d degrees, unresolved trace %.1e of %.4g), GP-teacher task power", sphere, modes, unresolved, population.trace());
        double far = population.farExponent().map(SphericalHarmonicSpectrum.LocalExponent::alpha).orElse(Double.NaN);
        return new TheoryCurve(now.testLoss(), now.fittedExponent(), source, trend, far);
    }

    /**
     * BCP on the pool's K/n spectrum with the target's measured power per eigenvector.
     *
     * @param task    eigenvalues of the pool's K/n and the targets' power on each eigenvector, summed over columns
     * @param columns number of target columns (the loss is their average)
     * @param sizes   training-set sizes, ascending. Not modified.
     * @param ridge   δ ≥ 0
     */
    static TheoryCurve pool(TargetSpectrum task, int columns, int[] sizes, double ridge) {
        LearningCurvePrediction p = LearningCurveTheory.predict(task.eigenvalues(), null, task.modePower(), sizes, ridge, 0.0);
        double[] loss = p.testLoss();
        for (int i = 0; i < loss.length; i++) {
            loss[i] /= columns;
        }
        String source = "pool: K/n eigenvalues of the " + task.eigenvalues().length + "-point training pool with the targets' "
                + "measured power (no modes beyond the pool: under-predicts as D approaches it)";
        return new TheoryCurve(loss, p.fittedExponent(), source, List.of(), Double.NaN);
    }

    private static double[] append(double[] a, double v) {
        double[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /**
     * The predicted exponent over one window of training-set sizes.
     *
     * @param from     smallest D
     * @param to       largest D
     * @param exponent −slope of the predicted log L on log D
     */
    public record WindowExponent(long from, long to, double exponent) {
    }
}
