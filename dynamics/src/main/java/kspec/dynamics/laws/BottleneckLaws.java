package kspec.dynamics.laws;

import java.util.List;
import java.util.Locale;

/**
 * The asymptotic scaling laws of the dynamical model for λ<sub>k</sub> ∼ k<sup>−b</sup> and task power
 * p<sub>k</sub> ∼ k<sup>−a</sup> (Bordelon, Atanasov &amp; Pehlevan, arXiv 2402.01092, eqs. 14–17, App. J and N).
 * About k* ≈ min(t<sup>1/b</sup>, P, D) modes are learned and L ≈ Σ<sub>k&gt;k*</sub>p<sub>k</sub> ∼ k*<sup>−(a−1)</sup>:
 * <ul>
 * <li>time-limited (P, D ≫ t<sup>1/b</sup>): L ∼ t<sup>−(a−1)/b</sup>;</li>
 * <li>width-limited (t<sup>1/b</sup> ≫ P, D ≫ P): L ∼ P<sup>−m</sup>, m = min(a − 1, 2b);</li>
 * <li>data-limited (t<sup>1/b</sup> ≫ D, P ≫ D): L ∼ D<sup>−m</sup> (the cap 2b binds only for a &gt; 2b + 1);</li>
 * <li>compute-optimal at C = P·t (D = ∞): P* ∼ C<sup>(a−1)/(a−1+bm)</sup>, t* ∼ C<sup>bm/(a−1+bm)</sup>,
 *   L* ∼ C<sup>−(a−1)m/(a−1+bm)</sup> (minimising t<sup>−(a−1)/b</sup> + P<sup>−m</sup> at fixed Pt).</li>
 * </ul>
 * All exponents are reported as positive numbers: L ∼ t<sup>−time</sup>, P* ∼ C<sup>computeWidth</sup>.
 *
 * @param a task-power exponent, &gt; 1
 * @param b spectral exponent, &gt; 0
 */
public record BottleneckLaws(double a, double b) {

    public BottleneckLaws {
        if (!(a > 1) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("task-power exponent a = " + a + "; the laws need a > 1");
        }
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("spectral exponent b = " + b + "; the laws need b > 0");
        }
    }

    /** @return (a − 1)/b: L ∼ t<sup>−(a−1)/b</sup> */
    public double time() {
        return (a - 1) / b;
    }

    /** @return m = min(a − 1, 2b): L ∼ P<sup>−m</sup> and L ∼ D<sup>−m</sup> */
    public double resource() {
        return Math.min(a - 1, 2 * b);
    }

    /** @return (a − 1)m/(a − 1 + bm): L* ∼ C<sup>−computeLoss</sup> */
    public double computeLoss() {
        double m = resource();
        return (a - 1) * m / (a - 1 + b * m);
    }

    /** @return (a − 1)/(a − 1 + bm): P* ∼ C<sup>computeWidth</sup> */
    public double computeWidth() {
        return (a - 1) / (a - 1 + b * resource());
    }

    /** @return bm/(a − 1 + bm): t* ∼ C<sup>computeTime</sup> */
    public double computeTime() {
        double m = resource();
        return b * m / (a - 1 + b * m);
    }

    /** @return whether the width and data exponents are capped at 2b (a − 1 &gt; 2b) */
    public boolean capped() {
        return a - 1 > 2 * b;
    }

    /** @return the conditions under which each law holds, one line each */
    public List<String> conditions() {
        return List.of(
                String.format(Locale.ROOT, "time-limited   L ~ t^-%.4g  while t^(1/b) = t^%.4g << P and D", time(), 1 / b),
                String.format(Locale.ROOT, "width-limited  L ~ P^-%.4g  while P << D and P << t^%.4g", resource(), 1 / b),
                String.format(Locale.ROOT, "data-limited   L ~ D^-%.4g  while D << P and D << t^%.4g", resource(), 1 / b),
                String.format(Locale.ROOT, "compute C = P t (D = inf): L* ~ C^-%.4g, P* ~ C^%.4g, t* ~ C^%.4g",
                        computeLoss(), computeWidth(), computeTime()),
                capped() ? "a - 1 > 2b: the width and data exponents are capped at 2b (very smooth target)"
                        : "a - 1 <= 2b: width and data exponents equal a - 1, set by the target's tail power");
    }
}
