package kspec.spectra.theory;

/**
 * Spectral learning-curve theory of kernel regression: Bordelon, Canatar &amp; Pehlevan 2020 (ICML,
 * arXiv 2002.02561) and Canatar, Bordelon &amp; Pehlevan 2021 (Nat. Commun. 12, 2914; arXiv 2006.13198),
 * as restated in docs/learning-curves.md §1.
 *
 * <p>Kernel eigenvalues λ<sub>k</sub> with degeneracies g<sub>k</sub>, target
 * f* = Σ<sub>k</sub> w̄<sub>k</sub> ψ<sub>k</sub> with E[ψ<sub>k</sub>²] = λ<sub>k</sub> (mode power
 * λ<sub>k</sub>w̄<sub>k</sub>²), D training points, kernel ridge regression
 * f̂(x) = k(x)ᵀ(K + δI)⁻¹y with ridge δ, label noise of variance σ²:
 * <pre>
 *   κ = δ + κ Σ_k g_k λ_k / (Dλ_k + κ)
 *   γ = D Σ_k g_k λ_k² / (Dλ_k + κ)²
 *   E_k = κ² / ((1 − γ)(Dλ_k + κ)²)
 *   E_g = Σ_k g_k λ_k w̄_k² E_k + σ² γ/(1 − γ)
 * </pre>
 * For λ<sub>k</sub> ∼ k<sup>−b</sup> and mode power ∼ k<sup>−a</sup>, noise-free E_g ∼ D<sup>−min(a−1, 2b)</sup>.
 *
 * <p>The theory is exact as D and the number of modes grow together; for Gaussian features it
 * matches Monte-Carlo kernel regression to better than 1% already at D = 50 (see the tests).
 */
public final class LearningCurveTheory {

    private static final int MAX_NEWTON = 200;
    private static final int MAX_BISECTION = 400;

    private LearningCurveTheory() {
    }

    /**
     * Solves κ = δ + κ Σ g λ/(Dλ + κ) for the positive root.
     *
     * <p>f(κ) = κ − δ − Σ g λκ/(Dλ + κ) is convex (f'' = 2Σ gDλ²/(Dλ + κ)³ &gt; 0), f(0) = −δ ≤ 0 and
     * f(κ₀) &gt; 0 at κ₀ = 2Σ gλ + 2δ, so Newton's method from κ₀ (f' = 1 − γ) decreases monotonically
     * onto the largest root, the one wanted. If an iterate leaves the bracket [0, κ₀] or stalls, the
     * solve falls back to bisection. Ridgeless (δ = 0) with Σ g ≤ D there is no positive root: every
     * mode is learned and κ = 0 is returned.
     *
     * @param lambda     eigenvalues λ<sub>k</sub> &gt; 0 (any order). Not modified.
     * @param degeneracy g<sub>k</sub> ≥ 0, or null for all ones. Not modified.
     * @param d          number of training points D ≥ 1
     * @param ridge      δ ≥ 0
     * @return κ, with |f(κ)| ≤ ~1e-15 κ
     */
    public static double kappa(double[] lambda, double[] degeneracy, int d, double ridge) {
        validate(lambda, degeneracy, d, ridge);
        double traceTerm = 0;
        double modes = 0;
        for (int k = 0; k < lambda.length; k++) {
            traceTerm += g(degeneracy, k) * lambda[k];
            modes += g(degeneracy, k);
        }
        if (ridge == 0 && modes <= d) {
            return 0.0;
        }
        double hi = 2 * traceTerm + 2 * ridge;
        double kappa = hi;
        for (int it = 0; it < MAX_NEWTON; it++) {
            double[] fd = residualAndDerivative(lambda, degeneracy, d, ridge, kappa);
            if (fd[0] <= 0) {
                // Newton from the right of a convex f only gets here at the root, by rounding
                return kappa;
            }
            double next = kappa - fd[0] / fd[1];
            if (!(fd[1] > 0) || !(next > 0)) {
                return bisection(lambda, degeneracy, d, ridge, hi);
            }
            if (kappa - next <= 4 * Math.ulp(kappa)) {
                return Math.min(kappa, next);
            }
            kappa = next;
        }
        return bisection(lambda, degeneracy, d, ridge, hi);
    }

    /**
     * γ = D Σ g λ²/(Dλ + κ)².
     *
     * @param lambda     eigenvalues. Not modified.
     * @param degeneracy degeneracies or null. Not modified.
     */
    public static double gamma(double[] lambda, double[] degeneracy, int d, double kappa) {
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            double den = d * lambda[k] + kappa;
            s += g(degeneracy, k) * lambda[k] * lambda[k] / (den * den);
        }
        return d * s;
    }

    /**
     * Predicted test loss E_g(D) for each D, degeneracies all one.
     *
     * @param lambda        eigenvalues λ<sub>k</sub>. Not modified.
     * @param modePower     λ<sub>k</sub>w̄<sub>k</sub>² per mode (e.g. {@code TargetSpectrum.modePower()}). Not modified.
     * @param ds            training-set sizes. Not modified.
     * @param ridge         δ ≥ 0
     * @param noiseVariance σ² ≥ 0
     */
    public static double[] testLoss(double[] lambda, double[] modePower, int[] ds, double ridge, double noiseVariance) {
        return predict(lambda, null, modePower, ds, ridge, noiseVariance).testLoss();
    }

    /**
     * The full prediction: E_g, κ and γ per D and the exponent fitted to the predicted curve.
     *
     * @param lambda        eigenvalues λ<sub>k</sub> &gt; 0. Not modified.
     * @param degeneracy    g<sub>k</sub> or null for ones. Not modified.
     * @param modePower     λ<sub>k</sub>w̄<sub>k</sub>² per single mode (multiplied by g<sub>k</sub> in
     *                      the sum). Not modified.
     * @param ds            training-set sizes, ascending, ≥ 1. Not modified.
     * @param ridge         δ ≥ 0
     * @param noiseVariance σ² ≥ 0
     */
    public static LearningCurvePrediction predict(double[] lambda, double[] degeneracy, double[] modePower,
                                                  int[] ds, double ridge, double noiseVariance) {
        if (modePower == null || modePower.length != lambda.length) {
            throw new IllegalArgumentException("modePower must have one entry per eigenvalue ("
                    + lambda.length + "), got " + (modePower == null ? "null" : modePower.length));
        }
        if (ds == null || ds.length == 0) {
            throw new IllegalArgumentException("give at least one training-set size D");
        }
        if (!(noiseVariance >= 0)) {
            throw new IllegalArgumentException("noise variance must be ≥ 0, got " + noiseVariance);
        }
        for (int i = 1; i < ds.length; i++) {
            if (ds[i] <= ds[i - 1]) {
                throw new IllegalArgumentException("training-set sizes must be strictly ascending, got "
                        + ds[i - 1] + " then " + ds[i]);
            }
        }
        double[] loss = new double[ds.length];
        double[] kappas = new double[ds.length];
        double[] gammas = new double[ds.length];
        for (int j = 0; j < ds.length; j++) {
            int d = ds[j];
            double kappa = kappa(lambda, degeneracy, d, ridge);
            double gamma = gamma(lambda, degeneracy, d, kappa);
            double bias = 0;
            for (int k = 0; k < lambda.length; k++) {
                double den = d * lambda[k] + kappa;
                bias += g(degeneracy, k) * modePower[k] * kappa * kappa / (den * den);
            }
            loss[j] = (bias + noiseVariance * gamma) / (1 - gamma);
            kappas[j] = kappa;
            gammas[j] = gamma;
        }
        return new LearningCurvePrediction(ds, loss, kappas, gammas, fittedExponent(ds, loss));
    }

    /**
     * The asymptotic data exponent min(a − 1, 2b) (docs/learning-curves.md §2; docs/dynamics.md §3).
     *
     * @param a task-power exponent (mode power ∼ k<sup>−a</sup>), &gt; 1 for a finite loss
     * @param b eigenvalue exponent (λ<sub>k</sub> ∼ k<sup>−b</sup>), &gt; 1 for a trace-class kernel
     */
    public static double predictedExponent(double a, double b) {
        if (!(a > 1) || !(b > 1)) {
            throw new IllegalArgumentException("need a > 1 and b > 1 (finite target power, trace-class kernel); got a = "
                    + a + ", b = " + b);
        }
        return Math.min(a - 1, 2 * b);
    }

    /** −slope of the least-squares line of log E_g on log D. */
    private static double fittedExponent(int[] ds, double[] loss) {
        if (ds.length < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        for (int j = 0; j < ds.length; j++) {
            sx += Math.log(ds[j]);
            sy += Math.log(loss[j]);
        }
        double xBar = sx / ds.length;
        double yBar = sy / ds.length;
        double sxx = 0;
        double sxy = 0;
        for (int j = 0; j < ds.length; j++) {
            double u = Math.log(ds[j]) - xBar;
            sxx += u * u;
            sxy += u * (Math.log(loss[j]) - yBar);
        }
        return -sxy / sxx;
    }

    /** {f(κ), f'(κ)} with f(κ) = κ − δ − Σ g λκ/(Dλ + κ). */
    private static double[] residualAndDerivative(double[] lambda, double[] degeneracy, int d, double ridge,
                                                  double kappa) {
        double sum = 0;
        double gamma = 0;
        for (int k = 0; k < lambda.length; k++) {
            double gk = g(degeneracy, k);
            double den = d * lambda[k] + kappa;
            sum += gk * lambda[k] / den;
            gamma += gk * lambda[k] * lambda[k] / (den * den);
        }
        return new double[] {kappa - ridge - kappa * sum, 1 - d * gamma};
    }

    private static double bisection(double[] lambda, double[] degeneracy, int d, double ridge, double hi) {
        double lo = 0;
        double up = hi;
        for (int it = 0; it < MAX_BISECTION && up - lo > 2 * Math.ulp(up); it++) {
            double mid = 0.5 * (lo + up);
            if (residualAndDerivative(lambda, degeneracy, d, ridge, mid)[0] > 0) {
                up = mid;
            } else {
                lo = mid;
            }
        }
        return up;
    }

    private static double g(double[] degeneracy, int k) {
        return degeneracy == null ? 1.0 : degeneracy[k];
    }

    private static void validate(double[] lambda, double[] degeneracy, int d, double ridge) {
        if (lambda == null || lambda.length == 0) {
            throw new IllegalArgumentException("the spectrum is empty; pass the kernel eigenvalues");
        }
        for (int k = 0; k < lambda.length; k++) {
            if (!(lambda[k] > 0) || !Double.isFinite(lambda[k])) {
                throw new IllegalArgumentException("eigenvalue " + k + " is " + lambda[k]
                        + "; the theory needs λ > 0 (drop eigenvalues at or below the numerical floor)");
            }
        }
        if (degeneracy != null) {
            if (degeneracy.length != lambda.length) {
                throw new IllegalArgumentException("degeneracy has " + degeneracy.length + " entries for "
                        + lambda.length + " eigenvalues");
            }
            for (double gk : degeneracy) {
                if (!(gk >= 0)) {
                    throw new IllegalArgumentException("degeneracies must be ≥ 0, got " + gk);
                }
            }
        }
        if (d < 1) {
            throw new IllegalArgumentException("training-set size D must be ≥ 1, got " + d);
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and ≥ 0, got " + ridge);
        }
    }
}
