package kspec.kernels.finite;

import java.util.List;
import kspec.kernels.Architecture;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * The empirical (finite-width) NTK \( \hat\Theta(x, x') = \sum_p \partial_p f(x)\, \partial_p f(x') \) of a
 * fully connected {@link RandomNetwork}, by Jacobian contraction without forming the Jacobian:
 * for Dense layer ℓ with input h and pre-activation z,
 * \[ \hat\Theta = \sum_\ell c_{W,\ell}\,(\Delta_\ell \circ G_\ell) + c_{b,\ell}\,\Delta_\ell,\qquad
 *    G_\ell = h_{\ell-1} h_{\ell-1}'^{\top},\ \Delta_\ell = \tfrac{\partial f}{\partial z_\ell}\tfrac{\partial f'}{\partial z_\ell}^{\top}, \]
 * with (c_W, c_b) = (σ_w²/n_{ℓ−1}, σ_b²) in the ntk parameterization and (1, 1) in the standard one
 * (c_b = 0 without bias). As P → ∞ it converges to the infinite-width NTK of the same parameterization
 * (with width = P for standard) — Jacot, Gabriel, Hongler 2018 (arXiv 1806.07572); Lee et al. 2019
 * (arXiv 1902.06720). Cost O(n² P · layers) plus the forward/backward passes; the P × P hidden weights
 * are stored.
 */
public final class EmpiricalNtk {

    private EmpiricalNtk() {
    }

    /**
     * @param a     the architecture (parameterization taken from it)
     * @param x     n × d_in points. Not modified.
     * @param width P
     * @param seed  network seed
     * @return n × n empirical NTK
     */
    public static DMatrixRMaj gram(Architecture a, DMatrixRMaj x, int width, long seed) {
        return of(RandomNetwork.draw(a, x.numCols, width, seed), x, null);
    }

    /**
     * @return m × n empirical NTK between {@code test} (rows) and {@code train} (columns) of one network
     */
    public static DMatrixRMaj cross(Architecture a, DMatrixRMaj test, DMatrixRMaj train, int width, long seed) {
        return of(RandomNetwork.draw(a, train.numCols, width, seed), test, train);
    }

    /**
     * @param net   a drawn network
     * @param x     row points. Not modified.
     * @param y     column points, or null for the symmetric K(x). Not modified.
     * @return the empirical NTK
     */
    public static DMatrixRMaj of(RandomNetwork net, DMatrixRMaj x, DMatrixRMaj y) {
        RandomNetwork.Pass px = net.forward(x);
        List<DMatrixRMaj> dx = net.backward(px);
        RandomNetwork.Pass py = y == null ? px : net.forward(y);
        List<DMatrixRMaj> dy = y == null ? dx : net.backward(py);
        int m = x.numRows;
        int n = y == null ? m : y.numRows;
        DMatrixRMaj theta = new DMatrixRMaj(m, n);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        for (int l = 0; l < net.denseLayers(); l++) {
            product(px.inputs.get(l), y == null ? null : py.inputs.get(l), g);
            product(dx.get(l), y == null ? null : dy.get(l), delta);
            double[] c = net.contractionCoefficients(l);
            for (int e = 0; e < theta.data.length; e++) {
                theta.data[e] += c[0] * delta.data[e] * g.data[e] + c[1] * delta.data[e];
            }
        }
        return theta;
    }

    private static void product(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (b == null) {
            Blas.gram(1.0, a, out);
        } else {
            Blas.multTransB(a, b, out);
        }
    }
}
