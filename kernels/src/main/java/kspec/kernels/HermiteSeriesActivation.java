package kspec.kernels;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.DoubleUnaryOperator;

/**
 * A generic activation whose duals are evaluated from its Hermite expansion (Mehler's formula):
 * with h<sub>k</sub> = He<sub>k</sub>/√(k!) the orthonormal probabilists' Hermite polynomials and
 * \( a_k(q) = \mathbb E_{z\sim\mathcal N(0,1)}[\varphi(\sqrt q\,z)\,h_k(z)] \),
 * \[ \Phi(q_1, q_2, c) = \mathbb E[\varphi(u)\varphi(v)] = \sum_{k\ge 0} a_k(q_1)\,a_k(q_2)\,\rho^k,
 *    \qquad \rho = c/\sqrt{q_1 q_2}, \]
 * and Σ̇ the same with φ′ (O'Donnell, <i>Analysis of Boolean Functions</i>, 2014, §11.2; Daniely,
 * Frostig &amp; Singer 2016, arXiv 1602.05897, for dual activations). The coefficients of a point are
 * computed once per build by a 1-D Gauss–Hermite rule of {@value #NODES} nodes and kept per point, so
 * a kernel entry costs two series of {@link #terms()} + 1 terms (about 4·terms flops per layer)
 * instead of the m² evaluations of φ of the 2-D rule ({@link GaussHermiteActivation}, which stays
 * the reference). The diagonal maps are the 1-D integrals themselves.
 *
 * <p><b>Accuracy.</b> The truncation error is at most the tail Σ<sub>k&gt;K</sub>|a<sub>k</sub>(q₁)a<sub>k</sub>(q₂)|,
 * reached at |ρ| = 1 and falling as ρ<sup>K</sup> below it. Relative to
 * √(Φ(q₁,q₁,q₁)Φ(q₂,q₂,q₂)) (resp. Σ̇), at the default K = {@value #DEFAULT_TERMS}, measured over
 * q₁, q₂ ∈ [0.2, 3] and |ρ| ≤ 1 ({@code HermiteSeriesActivationTest}): Erf and GELU against their
 * closed forms, 3e-15 at q ≤ 1; against the 2-D rule at 200 nodes, at q ≤ 3, softplus 3e-15 and
 * SiLU 5e-15 / 5e-13 (Φ / Σ̇);
 * tanh (poles at ±iπ/2, the slowest) 5e-13 / 3e-11 (Φ / Σ̇) at q ≤ 1 and below 1e-7 / 1e-5 at
 * q ≤ 3 (its coefficient tail there: 4e-8 / 3e-6) — better than the 2-D rule at its default 64
 * nodes (1e-9 / 2e-8 and 3e-5 / 8e-4). Activations with a kink (ReLU) converge only
 * algebraically: use their closed forms.
 *
 * <p>Immutable in its results and thread-safe: the per-point coefficients are cached per point
 * array (weakly, by identity) and published through atomic arrays.
 */
final class HermiteSeriesActivation implements Activation {

    /** Series terms K used by the built-in tanh, softplus and SiLU. */
    static final int DEFAULT_TERMS = 96;
    /** Nodes of the 1-D rule for the coefficients and diagonals (exact for polynomials of degree ≤ 399). */
    static final int NODES = 200;

    private final String label;
    private final DoubleUnaryOperator phi;
    private final DoubleUnaryOperator phiPrime;
    private final int terms;
    /** √2·x_j: the rule's nodes for a standard normal. */
    private final double[] z;
    /** basis[k][j] = π^(−1/2)·w_j·h_k(z_j): a_k(q) = Σ_j basis[k][j]·φ(√q·z_j). */
    private final double[][] basis;
    /** π^(−1/2)·w_j. */
    private final double[] weight;
    private final Map<double[], AtomicReferenceArray<double[]>> cache = Collections.synchronizedMap(new WeakHashMap<>());

    HermiteSeriesActivation(String label, DoubleUnaryOperator phi, DoubleUnaryOperator phiPrime, int terms) {
        if (terms < 1 || terms >= NODES) {
            throw new IllegalArgumentException("Hermite series terms must be in 1…" + (NODES - 1) + " (got " + terms + ")");
        }
        this.label = label;
        this.phi = phi;
        this.phiPrime = phiPrime;
        this.terms = terms;
        GaussHermiteRule rule = GaussHermiteRule.of(NODES);
        z = new double[NODES];
        weight = new double[NODES];
        basis = new double[terms + 1][NODES];
        for (int j = 0; j < NODES; j++) {
            z[j] = Math.sqrt(2) * rule.node(j);
            weight[j] = rule.weight(j) / Math.sqrt(Math.PI);
            double prev = 0;
            double h = 1;
            for (int k = 0; k <= terms; k++) {
                basis[k][j] = weight[j] * h;
                double next = (z[j] * h - Math.sqrt(k) * prev) / Math.sqrt(k + 1);
                prev = h;
                h = next;
            }
        }
    }

    /** @return K, the highest power of ρ kept */
    int terms() {
        return terms;
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
        return series(coefficients(q1), coefficients(q2), 0, rho(q1, q2, c));
    }

    @Override
    public double dualSlope(double q1, double q2, double c) {
        return series(coefficients(q1), coefficients(q2), terms + 1, rho(q1, q2, c));
    }

    @Override
    public double dualDiagonal(double q) {
        return diagonal(phi, q);
    }

    @Override
    public double dualSlopeDiagonal(double q) {
        return diagonal(phiPrime, q);
    }

    @Override
    public void applyTile(double[] qRow, int row0, int rows, double[] qCol, int col0, int cols, double[] nngp,
                          double[] ntk) {
        AtomicReferenceArray<double[]> rowCache = cacheFor(qRow);
        AtomicReferenceArray<double[]> colCache = cacheFor(qCol);
        for (int r = 0; r < rows; r++) {
            double q1 = qRow[row0 + r];
            double[] a1 = cached(rowCache, qRow, row0 + r);
            int base = r * cols;
            for (int k = 0; k < cols; k++) {
                double q2 = qCol[col0 + k];
                double[] a2 = cached(colCache, qCol, col0 + k);
                double rho = rho(q1, q2, nngp[base + k]);
                if (ntk != null) {
                    ntk[base + k] *= series(a1, a2, terms + 1, rho);
                }
                nngp[base + k] = series(a1, a2, 0, rho);
            }
        }
    }

    private AtomicReferenceArray<double[]> cacheFor(double[] q) {
        return cache.computeIfAbsent(q, key -> new AtomicReferenceArray<>(key.length));
    }

    private double[] cached(AtomicReferenceArray<double[]> rows, double[] q, int i) {
        double[] a = rows.get(i);
        if (a == null) {
            a = coefficients(q[i]);
            rows.set(i, a);
        }
        return a;
    }

    /** @return {a_0 … a_K of φ, then a_0 … a_K of φ′} at variance q */
    private double[] coefficients(double q) {
        double s = Math.sqrt(Math.max(q, 0));
        double[] f = new double[NODES];
        double[] g = new double[NODES];
        for (int j = 0; j < NODES; j++) {
            f[j] = phi.applyAsDouble(s * z[j]);
            g[j] = phiPrime.applyAsDouble(s * z[j]);
        }
        double[] out = new double[2 * (terms + 1)];
        for (int k = 0; k <= terms; k++) {
            double[] b = basis[k];
            double sf = 0;
            double sg = 0;
            for (int j = 0; j < NODES; j++) {
                sf += b[j] * f[j];
                sg += b[j] * g[j];
            }
            out[k] = sf;
            out[terms + 1 + k] = sg;
        }
        return out;
    }

    /** Σ_k a1[from + k]·a2[from + k]·ρ^k by Horner's rule. */
    private double series(double[] a1, double[] a2, int from, double rho) {
        double sum = 0;
        for (int k = from + terms; k >= from; k--) {
            sum = sum * rho + a1[k] * a2[k];
        }
        return sum;
    }

    /** The correlation c/√(q₁q₂), clipped to [−1, 1] for rounding; 0 when a variance is 0 (no correlation to carry). */
    private static double rho(double q1, double q2, double c) {
        double scale = Math.sqrt(q1 * q2);
        return scale > 0 ? Math.max(-1, Math.min(1, c / scale)) : 0.0;
    }

    private double diagonal(DoubleUnaryOperator f, double q) {
        double s = Math.sqrt(Math.max(q, 0));
        double sum = 0;
        for (int j = 0; j < NODES; j++) {
            double v = f.applyAsDouble(s * z[j]);
            sum += weight[j] * v * v;
        }
        return sum;
    }

    @Override
    public String toString() {
        return label;
    }
}
