package kspec.kernels;

import java.util.function.DoubleUnaryOperator;

/**
 * A generic activation whose duals are computed by tensor-product Gauss–Hermite quadrature
 * (as NT's {@code ElementwiseNumerical}): writing u = √(2q₁)·x, v = (c/√(q₁/2))·x + √(2(q₂ − c²/q₁))·y
 * with x, y independent and weight e^{−x²−y²},
 * \[ \mathbb E[f(u)g(v)] \approx \frac1\pi \sum_{k,l=1}^m w_k w_l\, f(\sqrt{2q_1}\,x_k)\,
 *    g\big(c\,x_k/\sqrt{q_1/2} + \sqrt{2(q_2 - c^2/q_1)}\,y_l\big), \]
 * with (f, g) = (φ, φ) for Φ and (φ′, φ′) for Σ̇; the diagonal uses the 1-D rule
 * \( \pi^{-1/2}\sum_k w_k f(\sqrt{2q}x_k)^2 \). The m-point rule integrates polynomials of degree
 * ≤ 2m − 1 exactly. Cost: m² evaluations of φ per kernel entry and layer.
 *
 * <p><b>Accuracy</b> (max error relative to √(Φ(q₁,q₁,q₁)Φ(q₂,q₂,q₂)), resp. the same for Σ̇, over
 * q₁, q₂ ∈ [0.2, 3] and |ρ| ≤ 0.999, measured against the closed forms with the default
 * m = {@value #DEFAULT_NODES} nodes; checked in {@code GaussHermiteActivationTest}):
 * <ul>
 *   <li>entire φ (erf, GELU, sin, softplus, SiLU): rounding level (≤ 1e-14) for q ≤ 1. The error grows
 *       with q, i.e. with how fast φ varies over the Gaussian's spread; at q ≤ 3: softplus 1e-12 / 7e-11
 *       (Φ / Σ̇), SiLU 2e-10 / 6e-9, GELU 1e-9 / 4e-8, erf (whose φ′ is a narrow Gaussian) 3e-6 / 1e-4,
 *       falling to 7e-11 / 4e-9 with m = 128;</li>
 *   <li>tanh (poles at ±iπ/2 slow the convergence): 1e-9 / 2e-8 for q ≤ 1, 3e-5 / 8e-4 for q ≤ 3
 *       (against m = 200);</li>
 *   <li>a kink in φ (ReLU, Abs): Φ ≈ 4e-3 (ReLU) to 8e-3 (Abs), decaying ~1/m;</li>
 *   <li>a jump in φ′ (the Σ̇ of ReLU, Abs): 3e-2 to 6e-2, decaying slower than 1/m; a jump in φ
 *       itself (Sign): unusable.</li>
 * </ul>
 * Use the closed forms for piecewise-linear activations.
 */
final class GaussHermiteActivation implements Activation {

    /** The default number of nodes per dimension. */
    static final int DEFAULT_NODES = 64;

    private final String label;
    private final DoubleUnaryOperator phi;
    private final DoubleUnaryOperator phiPrime;
    private final double[] nodes;
    private final double[] weights;

    GaussHermiteActivation(String label, DoubleUnaryOperator phi, DoubleUnaryOperator phiPrime, int nodeCount) {
        if (nodeCount < 1 || nodeCount > 200) {
            throw new IllegalArgumentException("Gauss–Hermite node count must be in 1…200 (got " + nodeCount + ")");
        }
        this.label = label;
        this.phi = phi;
        this.phiPrime = phiPrime;
        GaussHermiteRule rule = GaussHermiteRule.of(nodeCount);
        this.nodes = new double[nodeCount];
        this.weights = new double[nodeCount];
        for (int k = 0; k < nodeCount; k++) {
            nodes[k] = rule.node(k);
            weights[k] = rule.weight(k);
        }
    }

    @Override
    public double apply(double x) {
        return phi.applyAsDouble(x);
    }

    @Override
    public double slope(double x) {
        return phiPrime.applyAsDouble(x);
    }

    @Override
    public double dual(double q1, double q2, double c) {
        return integrate(phi, q1, q2, c);
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return integrate(phiPrime, q1, q2, c);
    }

    @Override
    public double dualDiagonal(double q) {
        return integrateDiagonal(phi, q);
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return integrateDiagonal(phiPrime, q);
    }

    private double integrate(DoubleUnaryOperator f, double q1, double q2, double c) {
        double scaleU = Math.sqrt(2 * Math.max(q1, 0));
        // conditional mean slope and conditional variance of v given u; a zero-variance u carries no
        // information (slope 0); the conditional variance q₂ − c²/q₁ ≥ 0 exactly, clipped for rounding
        double slope = q1 > 0 ? c / Math.sqrt(q1 / 2) : 0.0;
        double condVar = q1 > 0 ? q2 - c * c / q1 : q2;
        double scaleV = Math.sqrt(2 * Math.max(condVar, 0));
        double sum = 0;
        for (int k = 0; k < nodes.length; k++) {
            double fu = f.applyAsDouble(scaleU * nodes[k]);
            if (fu == 0) {
                continue;
            }
            double mean = slope * nodes[k];
            double inner = 0;
            for (int l = 0; l < nodes.length; l++) {
                inner += weights[l] * f.applyAsDouble(mean + scaleV * nodes[l]);
            }
            sum += weights[k] * fu * inner;
        }
        return sum / Math.PI;
    }

    private double integrateDiagonal(DoubleUnaryOperator f, double q) {
        double scale = Math.sqrt(2 * Math.max(q, 0));
        double sum = 0;
        for (int k = 0; k < nodes.length; k++) {
            double v = f.applyAsDouble(scale * nodes[k]);
            sum += weights[k] * v * v;
        }
        return sum / Math.sqrt(Math.PI);
    }

    @Override
    public String toString() {
        return label;
    }
}
