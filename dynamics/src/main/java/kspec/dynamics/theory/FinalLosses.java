package kspec.dynamics.theory;

import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Sizes;

/**
 * Test and training losses at t → ∞, from the closed final-value systems of Bordelon, Atanasov &amp;
 * Pehlevan (arXiv 2402.01092, App. C), the s → 0 limit of the correlation equations (final-value
 * theorem lim<sub>t→∞</sub> f(t) = lim<sub>s→0</sub> s F(s)). Every stable full-batch optimizer ends at
 * the same minimum-norm solution, so these are its final losses too.
 *
 * <p>With r = 1/κ<sub>min</sub> (min(P, D) = Σ<sub>k</sub> λ<sub>k</sub>r/(1 + λ<sub>k</sub>r)) and
 * H<sub>k</sub> = 1/(1 + λ<sub>k</sub>r), write A₁ = Σp H², A₂ = Σλ H², A₃ = Σλ²H², A₄ = Σλp H² (sums
 * over modes; p<sub>k</sub> = λ<sub>k</sub>(w*<sub>k</sub>)²). Then
 * <ul>
 * <li><b>P &gt; D</b> (over-parameterised), ã = 1 − D/P: C₀ = A₁ + (ã²/P)A₂C₂ + (r²/D)A₃C₀ and
 *   C₂ = (r²/(Dã²))A₂C₀ + (r²/ã²)A₄ + (r²/P)A₃C₂; L(∞) = C₀, L̂(∞) = 0.</li>
 * <li><b>P &lt; D</b> (under-parameterised), b̃ = 1 − P/D: C₀ = A₁ + (A₂/P)C₃ + (r²/D)A₃C₀ and
 *   C₃ = (r²/D)A₂C₀ + r²A₄ + (r²/P)A₃C₃; L(∞) = C₀, L̂(∞) = b̃²C₀.</li>
 * </ul>
 * Each is a 2 × 2 linear system. P = D is the interpolation peak: the loss diverges (and is
 * heavy-tailed in simulation), reported as +∞. P = ∞ is ridgeless kernel regression on D points
 * (Bordelon, Canatar &amp; Pehlevan 2020, arXiv 2002.02561), D = ∞ the best predictor in the span of
 * P random features. When min(P, D) reaches the number of modes, every mode is learned and both
 * losses are 0.
 */
public final class FinalLosses {

    private FinalLosses() {
    }

    /**
     * @param spectrum the modes
     * @param sizes    width and data size
     * @return L(∞) and L̂(∞)
     */
    public static Losses of(ModeSpectrum spectrum, Sizes sizes) {
        double width = sizes.width();
        double data = sizes.data();
        if (sizes.smaller() >= spectrum.modes()) {
            return new Losses(0, 0);
        }
        if (width == data) {
            return new Losses(Double.POSITIVE_INFINITY, 0);
        }
        double r = 1 / new KappaEquation(spectrum, sizes).kappaMin();
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double a4 = 0;
        for (int k = 0; k < spectrum.modes(); k++) {
            double l = spectrum.eigenvalue(k);
            double p = spectrum.taskPower(k);
            double h = 1 / (1 + l * r);
            double h2 = h * h;
            a1 += p * h2;
            a2 += l * h2;
            a3 += l * l * h2;
            a4 += l * p * h2;
        }
        double invP = sizes.inverseWidth();
        double invD = sizes.inverseData();
        double r2 = r * r;
        if (width > data) {
            double at2 = Math.pow(1 - data * invP, 2);
            // [1 − r²A₃/D, −ã²A₂/P; −r²A₂/(Dã²), 1 − r²A₃/P] (C₀, C₂) = (A₁, r²A₄/ã²)
            double c0 = solveFirst(1 - r2 * a3 * invD, -at2 * a2 * invP, -r2 * a2 * invD / at2, 1 - r2 * a3 * invP,
                    a1, r2 * a4 / at2);
            return new Losses(c0, 0);
        }
        double bt2 = Math.pow(1 - width * invD, 2);
        // [1 − r²A₃/D, −A₂/P; −r²A₂/D, 1 − r²A₃/P] (C₀, C₃) = (A₁, r²A₄)
        double c0 = solveFirst(1 - r2 * a3 * invD, -a2 * invP, -r2 * a2 * invD, 1 - r2 * a3 * invP, a1, r2 * a4);
        return new Losses(c0, bt2 * c0);
    }

    /** The first unknown of [m11 m12; m21 m22] x = (b1, b2), by Cramer's rule. */
    private static double solveFirst(double m11, double m12, double m21, double m22, double b1, double b2) {
        return (b1 * m22 - m12 * b2) / (m11 * m22 - m12 * m21);
    }
}
