package kspec.kernels;

/**
 * An elementwise nonlinearity φ together with its <i>dual activation</i>: for a centred bivariate
 * Gaussian \( (u, v) \sim \mathcal N\big(0, \begin{pmatrix} q_1 & c \\ c & q_2 \end{pmatrix}\big) \)
 * <ul>
 *   <li>the NNGP map \( \Phi(q_1, q_2, c) = \mathbb E[\varphi(u)\varphi(v)] \), and</li>
 *   <li>the NTK derivative factor \( \dot\Sigma(q_1, q_2, c) = \mathbb E[\varphi'(u)\varphi'(v)] \),
 *       so that after the layer \( \tilde\Theta = \Theta \cdot \dot\Sigma \).</li>
 * </ul>
 * Conventions follow neural-tangents ({@code stax.elementwise}, Novak et al. 2020, arXiv 1912.02803).
 * Both maps take the full triple (q₁, q₂, c); the diagonal versions are separate so that exact
 * closed forms (e.g. ReLU Φ(q, q, q) = q/2) are used on the diagonal.
 *
 * <p>Instances are immutable and thread-safe. Obtain them from {@link Activations}.
 */
public non-sealed interface Activation extends Layer {

    /** @return φ(x), used by the finite-width networks */
    double apply(double x);

    /** @return φ′(x) (0 where φ has a jump, as in neural-tangents) */
    double slope(double x);

    /**
     * @param q1 variance of u, ≥ 0
     * @param q2 variance of v, ≥ 0
     * @param c  covariance of u and v, |c| ≤ √(q₁q₂) up to rounding
     * @return E[φ(u)φ(v)]
     */
    double dual(double q1, double q2, double c);

    /** @return E[φ′(u)φ′(v)] for the same Gaussian as {@link #dual} */
    double dualSlope(double q1, double q2, double c);

    /** @return E[φ(u)²] for u ~ N(0, q) (exact where a closed form exists) */
    default double dualDiagonal(double q) {
        return dual(q, q, q);
    }

    /** @return E[φ′(u)²] for u ~ N(0, q) */
    default double dualSlopeDiagonal(double q) {
        return dualSlope(q, q, q);
    }

    /**
     * Applies the layer to a rows × cols tile of kernel entries in place: for entry (r, k), stored at
     * {@code r * cols + k}, with \( q_1 = \) {@code qRow[row0 + r]}, \( q_2 = \) {@code qCol[col0 + k]}:
     * {@code nngp ← Φ(q₁, q₂, nngp)} and, when {@code ntk} is not null, {@code ntk ← ntk · Σ̇(q₁, q₂, nngp)}
     * (with the incoming nngp). The default loops over {@link #dual} and {@link #dualSlope};
     * closed forms override it to share work between the two maps.
     *
     * @param qRow per-point variances of the row points. Not modified.
     * @param qCol per-point variances of the column points. Not modified.
     * @param nngp tile of covariances. Modified.
     * @param ntk  tile of NTK values, or null for an NNGP-only build. Modified.
     */
    default void applyTile(double[] qRow, int row0, int rows, double[] qCol, int col0, int cols,
                           double[] nngp, double[] ntk) {
        for (int r = 0; r < rows; r++) {
            double q1 = qRow[row0 + r];
            int base = r * cols;
            for (int k = 0; k < cols; k++) {
                double q2 = qCol[col0 + k];
                double c = nngp[base + k];
                if (ntk != null) {
                    ntk[base + k] *= dualSlope(q1, q2, c);
                }
                nngp[base + k] = dual(q1, q2, c);
            }
        }
    }
}
