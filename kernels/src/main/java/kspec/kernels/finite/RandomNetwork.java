package kspec.kernels.finite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.core.memory.HeapBudget;
import kspec.kernels.Activation;
import kspec.kernels.Architecture;
import kspec.kernels.Dense;
import kspec.kernels.Layer;
import kspec.kernels.Parameterization;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * One finite-width draw of an {@link Architecture}: every Dense layer but the readout has {@code width}
 * outputs, the readout has one. The raw parameters are i.i.d. N(0, 1) from a {@link SplittableRandom}
 * seeded with {@code seed}, drawn layer by layer (weights row-major, then biases) before any data is
 * seen, so the same (architecture, d_in, width, seed) gives the same network for any point set.
 *
 * <p>Forward pass (both parameterizations give the same function at initialisation):
 * \( z_\ell = (\sigma_w/\sqrt{n_{\ell-1}})\, W_\ell h_{\ell-1} + \sigma_b b_\ell \), h = φ(z) after an
 * activation. The trainable parameters are (W, b) in the {@code ntk} parameterization and
 * (σ_w W/√n, σ_b b) in the {@code standard} one, which is what makes their NTKs differ.
 */
public final class RandomNetwork {

    private final Architecture architecture;
    private final int dIn;
    private final int width;
    private final List<Step> steps;

    /**
     * One Dense layer: raw weights W (the forward pass uses σ_w W/√n), raw biases b and the bias
     * actually added in the forward pass (σ_b b at the draw; a separate array so that the standard
     * parameterization's bias stays trainable when σ_b = 0), and the activation that follows (or null).
     */
    private record Step(Dense dense, DMatrixRMaj weights, double[] biasRaw, double[] biasOut, Activation activation) {
    }

    private RandomNetwork(Architecture architecture, int dIn, int width, List<Step> steps) {
        this.architecture = architecture;
        this.dIn = dIn;
        this.width = width;
        this.steps = steps;
    }

    /**
     * Draws a network.
     *
     * @param a     the architecture (its own width, if any, is ignored in favour of {@code width})
     * @param dIn   input dimension, ≥ 1
     * @param width hidden width P, ≥ 1
     * @param seed  RNG seed
     * @return the network
     */
    public static RandomNetwork draw(Architecture a, int dIn, int width, long seed) {
        if (dIn < 1 || width < 1) {
            throw new IllegalArgumentException("Input dimension and width must be >= 1 (got d_in = " + dIn
                    + ", width = " + width + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Layer> layers = a.layers();
        requireWeightMemory(a, dIn, width);
        List<Step> steps = new ArrayList<>();
        int fanIn = dIn;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Dense dense)) {
                continue;
            }
            boolean readout = i == layers.size() - 1;
            int fanOut = readout ? 1 : width;
            DMatrixRMaj w = new DMatrixRMaj(fanOut, fanIn);
            for (int e = 0; e < w.data.length; e++) {
                w.data[e] = rng.nextGaussian();
            }
            double[] b = new double[fanOut];
            double[] bOut = new double[fanOut];
            if (dense.hasBias()) {
                for (int e = 0; e < fanOut; e++) {
                    b[e] = rng.nextGaussian();
                    bOut[e] = dense.bStd() * b[e];
                }
            }
            Activation act = i + 1 < layers.size() && layers.get(i + 1) instanceof Activation next ? next : null;
            steps.add(new Step(dense, w, b, bOut, act));
            fanIn = fanOut;
        }
        return new RandomNetwork(a, dIn, width, steps);
    }

    /**
     * Refuses (before allocating) weights that do not fit the heap: width × (d_in + 1) for the first
     * Dense layer and width × (width + 1) for every further hidden one.
     */
    static void requireWeightMemory(Architecture a, int dIn, int width) {
        long hidden = a.layers().stream().filter(l -> l instanceof Dense).count() - 1;
        HeapBudget.require("the weights of a width-" + width + " network",
                HeapBudget.bytes(width, dIn + 1L, Double.BYTES)
                        + HeapBudget.bytes(Math.max(0, hidden - 1), width, width + 1L, Double.BYTES));
    }

    /** Refuses a forward pass whose inputs and pre-activations (two points × width matrices per Dense layer) do not fit. */
    static void requireForwardMemory(int points, int width, int denseLayers) {
        HeapBudget.require("the forward pass of " + points + " points through a width-" + width + " network",
                HeapBudget.bytes(points, width, 2L * denseLayers, Double.BYTES));
    }

    /** @return the architecture */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the hidden width P */
    public int width() {
        return width;
    }

    /** The activations of one forward pass: per Dense layer its input h and pre-activation z. */
    static final class Pass {
        final List<DMatrixRMaj> inputs = new ArrayList<>();
        final List<DMatrixRMaj> preActivations = new ArrayList<>();
    }

    Pass forward(DMatrixRMaj x) {
        if (x.numCols != dIn) {
            throw new IllegalArgumentException("The network was drawn for " + dIn + " input features, the points have "
                    + x.numCols);
        }
        requireForwardMemory(x.numRows, width, steps.size());
        Pass pass = new Pass();
        DMatrixRMaj h = x;
        for (Step s : steps) {
            pass.inputs.add(h);
            DMatrixRMaj z = new DMatrixRMaj(1, 1);
            Blas.multTransB(h, s.weights(), z);
            double scale = s.dense().wStd() / Math.sqrt(s.weights().numCols);
            double[] bias = s.biasOut();
            int cols = z.numCols;
            for (int r = 0; r < z.numRows; r++) {
                for (int c = 0; c < cols; c++) {
                    z.data[r * cols + c] = scale * z.data[r * cols + c] + bias[c];
                }
            }
            pass.preActivations.add(z);
            if (s.activation() != null) {
                DMatrixRMaj next = new DMatrixRMaj(z.numRows, z.numCols);
                for (int e = 0; e < z.data.length; e++) {
                    next.data[e] = s.activation().apply(z.data[e]);
                }
                h = next;
            } else {
                h = z;
            }
        }
        return pass;
    }

    /**
     * @param x n × d_in points. Not modified.
     * @return n × P: the input of the readout Dense (the last hidden post-activations)
     */
    public DMatrixRMaj features(DMatrixRMaj x) {
        Pass p = forward(x);
        return p.inputs.get(p.inputs.size() - 1);
    }

    /**
     * @param x n × d_in points. Not modified.
     * @return the n network outputs f(x)
     */
    public double[] output(DMatrixRMaj x) {
        Pass p = forward(x);
        return p.preActivations.get(p.preActivations.size() - 1).data.clone();
    }

    /**
     * ∂f/∂z for every Dense layer's pre-activation, by backpropagation from the scalar output.
     *
     * @return per Dense layer an n × fanOut matrix, in layer order
     */
    List<DMatrixRMaj> backward(Pass pass) {
        int layers = steps.size();
        int n = pass.inputs.get(0).numRows;
        DMatrixRMaj[] delta = new DMatrixRMaj[layers];
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        Arrays.fill(d.data, 1.0);
        delta[layers - 1] = d;
        for (int l = layers - 1; l > 0; l--) {
            Step s = steps.get(l);
            DMatrixRMaj dh = new DMatrixRMaj(1, 1);
            Blas.mult(delta[l], s.weights(), dh); // n × fanIn
            double scale = s.dense().wStd() / Math.sqrt(s.weights().numCols);
            Activation act = steps.get(l - 1).activation();
            DMatrixRMaj z = pass.preActivations.get(l - 1);
            for (int e = 0; e < dh.data.length; e++) {
                dh.data[e] *= scale * (act == null ? 1.0 : act.slope(z.data[e]));
            }
            delta[l - 1] = dh;
        }
        return List.of(delta);
    }

    /**
     * The per-layer coefficients of the Jacobian contraction
     * Θ = Σ_ℓ c_W,ℓ (Δ_ℓ ∘ G_ℓ) + c_b,ℓ Δ_ℓ, with G_ℓ = h_{ℓ−1}h′_{ℓ−1}ᵀ and Δ_ℓ = (∂f/∂z_ℓ)(∂f′/∂z_ℓ)ᵀ:
     * ntk: c_W = σ_w²/n_{ℓ−1}, c_b = σ_b²; standard: c_W = 1, c_b = 1 (bias present) — the chain rule
     * through z = (σ_w/√n) W h + σ_b b with the parameterization's trainable variables.
     *
     * @return {c_W, c_b} of Dense layer {@code l}
     */
    double[] contractionCoefficients(int l) {
        Step s = steps.get(l);
        if (architecture.parameterization() == Parameterization.STANDARD) {
            return new double[] {1.0, s.dense().hasBias() ? 1.0 : 0.0};
        }
        double w = s.dense().wStd();
        double b = s.dense().bStd();
        return new double[] {w * w / s.weights().numCols, s.dense().hasBias() ? b * b : 0.0};
    }

    int denseLayers() {
        return steps.size();
    }

    /**
     * @return all trainable parameters in the network's parameterization, layer by layer (weights
     *         row-major, then biases when present): raw (W, b) for ntk, (σ_w W/√n, σ_b b) for standard
     */
    public double[] parameters() {
        boolean standard = architecture.parameterization() == Parameterization.STANDARD;
        double[] out = new double[parameterCount()];
        int k = 0;
        for (Step s : steps) {
            double ws = standard ? s.dense().wStd() / Math.sqrt(s.weights().numCols) : 1.0;
            for (double v : s.weights().data) {
                out[k++] = ws * v;
            }
            if (s.dense().hasBias()) {
                double[] b = standard ? s.biasOut() : s.biasRaw();
                System.arraycopy(b, 0, out, k, b.length);
                k += b.length;
            }
        }
        return out;
    }

    private int parameterCount() {
        int count = 0;
        for (Step s : steps) {
            count += s.weights().data.length + (s.dense().hasBias() ? s.biasRaw().length : 0);
        }
        return count;
    }

    /**
     * @param params a vector laid out as {@link #parameters()}. Not modified.
     * @return a copy of this network with those trainable parameters
     */
    public RandomNetwork withParameters(double[] params) {
        if (params.length != parameterCount()) {
            throw new IllegalArgumentException("Expected " + parameterCount() + " parameters, got " + params.length);
        }
        boolean standard = architecture.parameterization() == Parameterization.STANDARD;
        List<Step> copy = new ArrayList<>();
        int k = 0;
        for (Step s : steps) {
            double ws = standard ? s.dense().wStd() / Math.sqrt(s.weights().numCols) : 1.0;
            DMatrixRMaj w = new DMatrixRMaj(s.weights().numRows, s.weights().numCols);
            for (int e = 0; e < w.data.length; e++) {
                w.data[e] = params[k++] / ws;
            }
            int fanOut = s.biasRaw().length;
            double[] raw = new double[fanOut];
            double[] out = new double[fanOut];
            if (s.dense().hasBias()) {
                double bStd = s.dense().bStd();
                for (int e = 0; e < fanOut; e++) {
                    double p = params[k++];
                    out[e] = standard ? p : bStd * p;
                    raw[e] = standard ? (bStd > 0 ? p / bStd : 0.0) : p;
                }
            }
            copy.add(new Step(s.dense(), w, raw, out, s.activation()));
        }
        return new RandomNetwork(architecture, dIn, width, copy);
    }
}
