package kspec.dynamics.laws;

import java.util.Objects;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import kspec.dynamics.theory.DynamicsTheory;

/**
 * The gap between a width-P model and the infinite-width one, both on unlimited data:
 * G(t, P) = L(t; P, D = ∞) − L(t; ∞, ∞) (Bordelon, Atanasov &amp; Pehlevan, arXiv 2402.01092, §6 and
 * App. D). Early in training it is O(1/P) whatever the task (see
 * {@link kspec.dynamics.theory.EarlyTimeExpansion}); at t → ∞ it is the width-limited loss, ∼ P<sup>−c</sup>
 * with c = min(a − 1, 2b) for power laws.
 *
 * @param widths    the widths P
 * @param earlyTime the early time t at which {@code early} is taken
 * @param early     G(t, P) at the early time, per width
 * @param late      G(∞, P) = L(∞; P, ∞), per width
 */
public record FiniteWidthGap(double[] widths, double earlyTime, double[] early, double[] late) {

    public FiniteWidthGap {
        widths = widths.clone();
        early = early.clone();
        late = late.clone();
    }

    /**
     * @param theory    the theory of one spectrum
     * @param widths    at least two finite widths, ascending. Not modified.
     * @param earlyTime a flow time t &gt; 0 early in training (λ<sub>1</sub>t ≲ 1)
     */
    public static FiniteWidthGap of(DynamicsTheory theory, double[] widths, double earlyTime) {
        Objects.requireNonNull(theory, "theory");
        if (widths.length < 2) {
            throw new IllegalArgumentException("the width gap needs at least two widths, got " + widths.length);
        }
        Optimizer flow = new Optimizer.GradientFlow();
        double infinite = theory.losses(Sizes.infinite(), flow, earlyTime).test();
        double[] early = new double[widths.length];
        double[] late = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            early[i] = theory.losses(Sizes.infiniteData(widths[i]), flow, earlyTime).test() - infinite;
            late[i] = theory.losses(Sizes.infiniteData(widths[i]), flow, Double.POSITIVE_INFINITY).test();
        }
        return new FiniteWidthGap(widths, earlyTime, early, late);
    }

    @Override
    public double[] widths() {
        return widths.clone();
    }

    @Override
    public double[] early() {
        return early.clone();
    }

    @Override
    public double[] late() {
        return late.clone();
    }

    /** @return the log–log fit of the early gap against P (slope ≈ −1) */
    public PowerLawSlope earlySlope() {
        return PowerLawSlope.fit(widths, early);
    }

    /** @return the log–log fit of the late gap against P (slope ≈ −min(a − 1, 2b) for power laws) */
    public PowerLawSlope lateSlope() {
        return PowerLawSlope.fit(widths, late);
    }
}
