package kspec.dynamics.theory;

import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Sizes;

/**
 * The early-time expansion of the transfer function (Bordelon, Atanasov &amp; Pehlevan, arXiv
 * 2402.01092, App. D): for large s, df(κ) ≈ c₀/κ (c₀ = Σλ<sub>k</sub>), so κ ≈ s + c₀(1/D + 1/P) and,
 * to first order in 1/P and 1/D,
 * <pre>
 *   H_k(t) ≈ e^{−λ_k t} + c₀ (1/D + 1/P)/λ_k · [1 − e^{−λ_k t} − λ_k t e^{−λ_k t}]
 * </pre>
 * (the inverse transform of (κ/(s(κ + λ))) expanded as 1/(s + λ) + ε λ/(s(s + λ)²)). The finite-width
 * correction is therefore O(1/P) for every task at early times: doubling P halves it. It is an
 * asymptote of early training (a few per cent at λt = 0.5, tens of per cent once λt ≳ 2).
 */
public final class EarlyTimeExpansion {

    private EarlyTimeExpansion() {
    }

    /**
     * @param lambda λ<sub>k</sub> &gt; 0
     * @param trace  c₀ = Σλ
     * @param t      time ≥ 0
     * @return the expansion of H<sub>k</sub>(t)
     */
    public static double transfer(double lambda, double trace, Sizes sizes, double t) {
        return Math.exp(-lambda * t) + correction(lambda, trace, sizes, t);
    }

    /** @return the first-order term c₀(1/D + 1/P)/λ · [1 − e<sup>−λt</sup> − λt e<sup>−λt</sup>] alone */
    public static double correction(double lambda, double trace, Sizes sizes, double t) {
        double x = lambda * t;
        return trace * (sizes.inverseData() + sizes.inverseWidth()) / lambda * secondOrderDecay(x);
    }

    /**
     * The expansion of the loss at D = ∞, L(t) ≈ Σ<sub>k</sub>p<sub>k</sub>H<sub>k</sub>(2t) (exact form of the
     * loss there, see {@link DynamicsTheory}), with H<sub>k</sub> from {@link #transfer}.
     */
    public static double infiniteDataLoss(ModeSpectrum spectrum, double width, double t) {
        Sizes sizes = Sizes.infiniteData(width);
        double loss = 0;
        for (int k = 0; k < spectrum.modes(); k++) {
            loss += spectrum.taskPower(k) * transfer(spectrum.eigenvalue(k), spectrum.trace(), sizes, 2 * t);
        }
        return loss;
    }

    /** 1 − (1 + x)e<sup>−x</sup>, by its series x²/2 − x³/3 + x⁴/8 − … below x = 0.05 (no cancellation). */
    static double secondOrderDecay(double x) {
        if (x < 0.05) {
            // Σ_{n≥2} (−1)^n (n − 1) x^n / n!
            double term = x * x / 2;
            double sum = 0;
            for (int n = 2; n < 12; n++) {
                sum += term;
                term *= -x * n / ((n - 1.0) * (n + 1));
            }
            return sum;
        }
        return -Math.expm1(-x) - x * Math.exp(-x);
    }
}
