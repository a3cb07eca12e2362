package kspec.kernels;

/**
 * A dual activation written in the test sources straight from the formulas (docs/kernels.md §3 and the
 * neural-tangents {@code stax.elementwise} source), independently of the production classes.
 */
interface RefDual {

    /** E[φ(u)φ(v)] for (u, v) ~ N(0, [[q1, c], [c, q2]]). */
    double phi(double q1, double q2, double c);

    /** E[φ′(u)φ′(v)]. */
    double dot(double q1, double q2, double c);

    /** E[φ(u)²], u ~ N(0, q) (NT's {@code nngp_fn_diag}). */
    double phiDiag(double q);

    /** E[φ′(u)²]. */
    double dotDiag(double q);
}
