package kspec.kernels;

import java.util.List;

/**
 * An {@link Architecture} compiled for one input dimension: per step the Dense coefficients or the
 * activation, and the per-point diagonal recursion. Internal to the builders.
 */
final class LayerPlan {

    final int steps;
    final Activation[] activation; // null for a Dense step
    final double[] wVar;
    final double[] bVar;
    final double[] ntkConstant;    // standard parameterization: +1 for a bias, else 0
    final double[] fanIn;          // standard parameterization: n_in of the Dense; unused for NTK
    final boolean standard;

    LayerPlan(Architecture a, int dIn) {
        List<Layer> layers = a.layers();
        steps = layers.size();
        activation = new Activation[steps];
        wVar = new double[steps];
        bVar = new double[steps];
        ntkConstant = new double[steps];
        fanIn = new double[steps];
        standard = a.parameterization() == Parameterization.STANDARD;
        boolean first = true;
        for (int s = 0; s < steps; s++) {
            Layer l = layers.get(s);
            if (l instanceof Dense d) {
                wVar[s] = d.wStd() * d.wStd();
                bVar[s] = d.hasBias() ? d.bStd() * d.bStd() : 0.0;
                ntkConstant[s] = d.hasBias() ? 1.0 : 0.0;
                fanIn[s] = first ? dIn : a.width().orElse(0);
                first = false;
            } else {
                activation[s] = (Activation) l;
            }
        }
    }

    /**
     * The diagonal recursion Σ(x, x), Θ(x, x) per point, recording the variance entering each
     * activation step.
     *
     * @param q0 per-point Σ⁰(x, x) = |x|²/d_in. Not modified.
     * @return qIn[step][i] (null rows for Dense steps), then final NNGP and NTK diagonals in the last two rows
     */
    double[][] diagonals(double[] q0) {
        int n = q0.length;
        double[][] out = new double[steps + 2][];
        double[] q = q0.clone();
        double[] t = new double[n];
        for (int s = 0; s < steps; s++) {
            if (activation[s] == null) {
                for (int i = 0; i < n; i++) {
                    double sNew = wVar[s] * q[i] + bVar[s];
                    t[i] = standard ? fanIn[s] * q[i] + wVar[s] * t[i] + ntkConstant[s] : sNew + wVar[s] * t[i];
                    q[i] = sNew;
                }
            } else {
                out[s] = q.clone();
                Activation act = activation[s];
                for (int i = 0; i < n; i++) {
                    t[i] *= act.dualSlopeDiagonal(q[i]);
                    q[i] = act.dualDiagonal(q[i]);
                }
            }
        }
        out[steps] = q;
        out[steps + 1] = t;
        requireFinite(q0, q, t);
        return out;
    }

    /**
     * A kernel is positive semi-definite, |K(x, x′)| ≤ √(K(x, x) K(x′, x′)): finite diagonals keep
     * every entry finite, so checking them (O(n)) rules out an Infinity or NaN anywhere in K.
     *
     * @throws IllegalArgumentException naming the first point whose input or output diagonal is not finite
     */
    private static void requireFinite(double[] q0, double[] nngp, double[] ntk) {
        for (int i = 0; i < q0.length; i++) {
            if (!Double.isFinite(q0[i])) {
                throw new IllegalArgumentException("the input kernel x·x/d_in of point " + i + " overflows float64 ("
                        + q0[i] + "): the inputs are too large (|x|² above 1.8e308); rescale them, e.g. standardize "
                        + "them or project them on the unit sphere");
            }
            if (!Double.isFinite(nngp[i]) || !Double.isFinite(ntk[i])) {
                throw new IllegalArgumentException("the kernel of point " + i + " with itself overflows float64 (NNGP "
                        + nngp[i] + ", NTK " + ntk[i] + ", from an input kernel of " + q0[i] + "): the inputs or the "
                        + "weight and bias scales are too large for float64; rescale the inputs (e.g. to unit norm) "
                        + "or use smaller scales");
            }
        }
    }

    /**
     * Runs the layer recursion on a tile in place.
     *
     * @param qRow diagonals of the row points (from {@link #diagonals}). Not modified.
     * @param qCol diagonals of the column points. Not modified.
     * @param s    Σ⁰ tile in, final NNGP out. Modified.
     * @param t    zeros in, final NTK out; null for NNGP only. Modified.
     */
    void runTile(double[][] qRow, int row0, int rows, double[][] qCol, int col0, int cols, double[] s, double[] t) {
        int len = rows * cols;
        for (int step = 0; step < steps; step++) {
            Activation act = activation[step];
            if (act != null) {
                act.applyTile(qRow[step], row0, rows, qCol[step], col0, cols, s, t);
                continue;
            }
            double w = wVar[step];
            double b = bVar[step];
            if (t == null) {
                for (int e = 0; e < len; e++) {
                    s[e] = w * s[e] + b;
                }
            } else if (standard) {
                double f = fanIn[step];
                double one = ntkConstant[step];
                for (int e = 0; e < len; e++) {
                    t[e] = f * s[e] + w * t[e] + one;
                    s[e] = w * s[e] + b;
                }
            } else {
                for (int e = 0; e < len; e++) {
                    double sNew = w * s[e] + b;
                    t[e] = sNew + w * t[e];
                    s[e] = sNew;
                }
            }
        }
    }
}
