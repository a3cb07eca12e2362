package kspec.kernels.finite;

import kspec.kernels.Architecture;
import kspec.kernels.Dense;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Finite-width random features: the last hidden post-activations Φ (n × P) of a {@link RandomNetwork}
 * of width P, the "P" of the width axis.
 *
 * <p><b>What ΦΦᵀ/P converges to.</b> As P → ∞, ΦΦᵀ/P → the covariance entering the readout,
 * i.e. the infinite-width NNGP of the network <i>without</i> its readout Dense (after the last
 * activation). The NNGP of the full network is one readout Dense further:
 * \[ K_{NNGP} = \sigma_{w,L}^2\, \Phi\Phi^\top / P + \sigma_{b,L}^2 \quad (P \to \infty), \]
 * which {@link #empiricalNngp} returns. The deviation is O(P^(−1/2)) (Monte-Carlo over P features;
 * independent features for one hidden layer).
 *
 * <p>Memory: the network's hidden-to-hidden weights are P × P doubles (2 GB at P = 2¹⁴), so deep
 * networks at the largest widths need a large heap; one hidden layer needs only P × d_in.
 */
public final class RandomFeatures {

    private RandomFeatures() {
    }

    /**
     * @param a     the architecture
     * @param x     n × d_in points. Not modified.
     * @param width P
     * @param seed  network seed (same seed → same network, so train and test features match)
     * @return Φ, n × P (unscaled post-activations)
     */
    public static DMatrixRMaj features(Architecture a, DMatrixRMaj x, int width, long seed) {
        return RandomNetwork.draw(a, x.numCols, width, seed).features(x);
    }

    /**
     * Refuses, before any work, random features that would not fit the heap: the weights of a
     * width-P network and its forward pass over {@code points} points. Lets a caller that will draw
     * several widths fail at once for the largest instead of after the smaller ones.
     *
     * @throws kspec.core.memory.InsufficientMemoryException naming the width and what it needs
     */
    public static void requireMemory(Architecture a, int dIn, int points, int width) {
        RandomNetwork.requireWeightMemory(a, dIn, width);
        RandomNetwork.requireForwardMemory(points, width, (int) a.layers().stream().filter(l -> l instanceof Dense).count());
    }

    /**
     * The empirical NNGP σ_w,L² ΦΦᵀ/P + σ_b,L² (L = readout) of one network of width P; converges to
     * {@code KernelBuilder.gram(a, x, {NNGP})} as P → ∞.
     *
     * @return n × n
     */
    public static DMatrixRMaj empiricalNngp(Architecture a, DMatrixRMaj x, int width, long seed) {
        DMatrixRMaj phi = features(a, x, width, seed);
        Dense readout = a.readout();
        DMatrixRMaj k = new DMatrixRMaj(1, 1);
        Blas.gram(readout.wStd() * readout.wStd() / phi.numCols, phi, k);
        double b2 = readout.bStd() * readout.bStd();
        for (int e = 0; e < k.data.length; e++) {
            k.data[e] += b2;
        }
        return k;
    }
}
