package kspec.kernels;

import java.util.List;

/**
 * Scalar reference evaluation of the neural-tangents NNGP/NTK recursion for one pair of points at a
 * time, written from docs/kernels.md §1–§3 without the production code path (no tiles, no BLAS, no
 * {@code LayerPlan}).
 */
final class ReferenceKernels {

    /** A reference layer: Dense (dual == null) with σ_w and σ_b (null = no bias), or an activation. */
    record Ref(double w, Double b, RefDual dual) {
        static Ref dense(double w, Double b) {
            return new Ref(w, b, null);
        }

        static Ref act(RefDual dual) {
            return new Ref(0, null, dual);
        }
    }

    private ReferenceKernels() {
    }

    /**
     * @return {nngp, ntk} for the pair (x, y); when {@code same} the diagonal maps are used throughout
     */
    static double[] pair(List<Ref> net, boolean standard, int width, double[] x, double[] y, boolean same) {
        int d = x.length;
        double q1 = dotProduct(x, x) / d;
        double q2 = dotProduct(y, y) / d;
        double c = same ? q1 : dotProduct(x, y) / d;
        double t = 0;
        boolean firstDense = true;
        for (Ref layer : net) {
            if (layer.dual() == null) {
                double w2 = layer.w() * layer.w();
                double b2 = layer.b() == null ? 0 : layer.b() * layer.b();
                double nIn = firstDense ? d : width;
                firstDense = false;
                double cNew = w2 * c + b2;
                if (standard) {
                    t = nIn * c + w2 * t + (layer.b() == null ? 0 : 1);
                } else {
                    t = cNew + w2 * t;
                }
                c = cNew;
                q1 = w2 * q1 + b2;
                q2 = w2 * q2 + b2;
            } else {
                RefDual f = layer.dual();
                if (same) {
                    t *= f.dotDiag(q1);
                    c = f.phiDiag(q1);
                } else {
                    t *= f.dot(q1, q2, c);
                    c = f.phi(q1, q2, c);
                }
                q1 = f.phiDiag(q1);
                q2 = f.phiDiag(q2);
            }
        }
        return new double[] {c, t};
    }

    private static double dotProduct(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
