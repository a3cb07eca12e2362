package kspec.dynamics.theory;

import java.util.Objects;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import org.apache.commons.math3.complex.Complex;

/**
 * The dynamical mean-field theory of Bordelon, Atanasov &amp; Pehlevan, "A Dynamical Model of Neural
 * Scaling Laws" (ICML 2024, arXiv 2402.01092): expected transfer functions and losses of a width-P
 * random-feature model trained on D samples, for one spectrum.
 *
 * <p><b>Transfer function</b> (eqs. 10–11): E[v<sub>k</sub>(t)] = H<sub>k</sub>(t) w*<sub>k</sub>, the inverse
 * Laplace transform of H<sub>k</sub>(s) = κ(s)/(s(κ(s) + λ<sub>k</sub>)) with κ from {@link KappaEquation}.
 * H<sub>k</sub> is symmetric in P ↔ D, and so is the bias of the ensembled-and-bagged predictor
 * B(t) = Σ<sub>k</sub> p<sub>k</sub>H<sub>k</sub>(t)² (eq. 19): the model's width–data duality.
 *
 * <p><b>Losses</b> (eq. 35): the correlation function C₀(s, s') of the residual, whose inverse at
 * t = t' is the test loss L(t), solves per pair of frequencies the 2 × 2 system
 * <pre>
 *   [1 − ρ_D ρ_P S₂/D] C₀ − (ρ_P S₁/P) C₂ = T₁
 *   −(Ω ρ_D S₁/D) C₀ + [1 − ρ_D ρ_P S₂/P] C₂ = ρ_D T₂
 * </pre>
 * with h<sub>k</sub> = H<sub>k</sub>(s)H<sub>k</sub>(s'), S₁ = Σλh, S₂ = Σλ²h, T₁ = Σph, T₂ = Σλph,
 * ρ<sub>D</sub> = R<sub>D</sub>(s)R<sub>D</sub>(s'), ρ<sub>P</sub> = R<sub>P</sub>(s)R<sub>P</sub>(s'), Ω = ss'; the
 * training loss is the inverse of C₁ = ρ<sub>D</sub>C₀. Both are inverted on the two-time Talbot rule
 * ({@link InversionContour#TWO_TIME_NODES} nodes, the mode sums reduced to one pass per node by
 * {@link ModeSums}). For D = ∞ the loss is a one-point function, L(t) = Σ<sub>k</sub>p<sub>k</sub>H<sub>k</sub>(2t)
 * (the residual's quadratic form involves the symmetric matrix Λ<sup>½</sup>(AᵀA/P)Λ<sup>½</sup> only), which
 * is used there.
 *
 * <p><b>Discrete time</b> (App. K): for gradient descent and heavy-ball momentum the Z-transform of
 * v<sub>n</sub> is ((z − μ)/η)(s(z) + G)<sup>−1</sup>w* with s(z) = (z − 1)(z − μ)/(ηz) (μ = 0 for GD), so
 * the same H<sub>k</sub>(s) and C₀(s, s') are evaluated at s(z) on an inverse-Z contour
 * ({@link InversionContour#zTalbot} when every mode decays monotonically, else the circle rule for up
 * to {@link #CIRCLE_MAX_STEPS} steps). One-pass SGD is {@link OnePassSgdTheory}.
 */
public final class DynamicsTheory {

    /** The circle rule (oscillating or under-damped modes) costs O(n²) for the losses: the largest n it takes. */
    public static final long CIRCLE_MAX_STEPS = 4096;
    /** Aliasing of the circle rule for one time and for the two-time losses. */
    private static final double ONE_TIME_ALIASING = 1e-11;
    private static final double TWO_TIME_ALIASING = 1e-8;

    private final ModeSpectrum spectrum;
    private final ModeSums sums;
    private final double[] lambda;
    private final double[] power;

    /** @param spectrum the modes */
    public DynamicsTheory(ModeSpectrum spectrum) {
        this.spectrum = Objects.requireNonNull(spectrum, "spectrum");
        this.sums = new ModeSums(spectrum);
        this.lambda = spectrum.eigenvalues();
        this.power = spectrum.taskPower();
    }

    /** @return the modes */
    public ModeSpectrum spectrum() {
        return spectrum;
    }

    /**
     * H<sub>k</sub>(time) for every mode.
     *
     * @param time flow time t ≥ 0, or steps n ≥ 0 of a discrete optimizer
     * @return one value per mode, in the spectrum's order
     */
    public double[] transfer(Sizes sizes, Optimizer.FullBatch optimizer, double time) {
        double[] h = new double[lambda.length];
        if (time == 0) {
            java.util.Arrays.fill(h, 1.0);
            return h;
        }
        KappaEquation equation = new KappaEquation(spectrum, sizes);
        InversionContour contour = contour(equation, optimizer, time, InversionContour.ONE_TIME_NODES, ONE_TIME_ALIASING);
        Complex[] kappa = equation.solveAlong(contour.nodes());
        int n = contour.size();
        double[] aRe = new double[n];
        double[] aIm = new double[n];
        double[] kRe = new double[n];
        double[] kIm = new double[n];
        for (int j = 0; j < n; j++) {
            // ω κ / s, doubled for a node that also stands for its conjugate
            Complex a = contour.weight(j).multiply(kappa[j]).divide(contour.node(j)).multiply(contour.isReal(j) ? 1 : 2);
            aRe[j] = a.getReal();
            aIm[j] = a.getImaginary();
            kRe[j] = kappa[j].getReal();
            kIm[j] = kappa[j].getImaginary();
        }
        for (int k = 0; k < lambda.length; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double dr = kRe[j] + lambda[k];
                double di = kIm[j];
                // Re[a/(κ + λ)]
                sum += (aRe[j] * dr + aIm[j] * di) / (dr * dr + di * di);
            }
            h[k] = sum;
        }
        return h;
    }

    /** B(t) = Σ<sub>k</sub> p<sub>k</sub>H<sub>k</sub>(t)², the loss of the predictor averaged over projections and data sets. */
    public double meanPredictorBias(Sizes sizes, Optimizer.FullBatch optimizer, double time) {
        double[] h = transfer(sizes, optimizer, time);
        double b = 0;
        for (int k = 0; k < h.length; k++) {
            b += power[k] * h[k] * h[k];
        }
        return b;
    }

    /**
     * Expected test and training losses.
     *
     * @param time flow time t ≥ 0, or steps n ≥ 0 of a discrete optimizer; +∞ for the final values
     */
    public Losses losses(Sizes sizes, Optimizer optimizer, double time) {
        Objects.requireNonNull(sizes, "sizes");
        if (optimizer instanceof Optimizer.OnePassSgd sgd) {
            double l = new OnePassSgdTheory(spectrum, sizes.width(), sgd).loss(time);
            return new Losses(l, l);
        }
        Optimizer.FullBatch fullBatch = (Optimizer.FullBatch) optimizer;
        if (time == Double.POSITIVE_INFINITY) {
            return FinalLosses.of(spectrum, sizes);
        }
        if (time == 0) {
            return new Losses(spectrum.totalPower(), spectrum.totalPower());
        }
        if (Double.isInfinite(sizes.data()) && !(fullBatch instanceof Optimizer.Momentum)) {
            // L(t) = Σ p_k H_k(2t): the residual filter squared is the filter at twice the time
            double test = 0;
            double[] h = transfer(sizes, fullBatch, 2 * time);
            for (int k = 0; k < h.length; k++) {
                test += power[k] * h[k];
            }
            return new Losses(test, test);
        }
        KappaEquation equation = new KappaEquation(spectrum, sizes);
        InversionContour contour = contour(equation, fullBatch, time, InversionContour.TWO_TIME_NODES, TWO_TIME_ALIASING);
        double[] both = new PairIntegrand(equation, contour).invert();
        return new Losses(both[0], both[1]);
    }

    /**
     * The inversion rule in the Laplace variable s for the optimizer at the given time: the Talbot
     * contour for gradient flow, an inverse-Z rule mapped through s(z) otherwise.
     */
    private static InversionContour contour(KappaEquation equation, Optimizer.FullBatch optimizer, double time,
                                            int talbotNodes, double aliasing) {
        if (optimizer instanceof Optimizer.GradientFlow) {
            return InversionContour.laplace(time, talbotNodes);
        }
        long steps = Optimizer.steps(time);
        double eta;
        double mu;
        if (optimizer instanceof Optimizer.Momentum m) {
            eta = m.learningRate();
            mu = m.momentum();
        } else {
            eta = ((Optimizer.GradientDescent) optimizer).learningRate();
            mu = 0;
        }
        double edge = equation.spectralEdge();
        double limit = 2 * (1 + mu) / edge;
        if (!(eta < limit)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "learning rate %.4g diverges: the largest relaxation rate of the model (%s) is g_max = %.4g, so %s "
                            + "needs a learning rate below 2(1 + momentum)/g_max = %.4g",
                    eta, equation.sizes(), edge, optimizer.name(), limit));
        }
        double monotoneLimit = Math.pow(1 - Math.sqrt(mu), 2) / edge;
        InversionContour z;
        if (eta <= monotoneLimit && steps >= InversionContour.minimumTalbotSteps(talbotNodes)) {
            z = InversionContour.zTalbot(steps, talbotNodes);
        } else if (steps <= CIRCLE_MAX_STEPS) {
            z = InversionContour.zCircle(steps, (int) (2 * Math.max(steps, 16)), aliasing);
        } else {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "with learning rate %.4g the fastest modes of %s oscillate (rate above %.4g), and the theory for "
                            + "oscillating modes is limited to %d steps, got %d: lower the learning rate or the step count",
                    eta, optimizer.name(), monotoneLimit, CIRCLE_MAX_STEPS, steps));
        }
        double m = mu;
        return z.mapped(x -> x.subtract(1).multiply(x.subtract(m)).divide(x.multiply(eta)),
                x -> x.subtract(m).divide(eta));
    }

    /** The two-time integrands C₀ and C₁ = ρ<sub>D</sub>C₀ on a contour (class comment). */
    private final class PairIntegrand {
        private final KappaEquation equation;
        private final InversionContour contour;
        private final int full;
        private final Complex[] s;
        private final Complex[] kappa;
        private final Complex[] rd;
        private final Complex[] rp;
        /** one-point sums [node][weight] (first and second powers of 1/(κ + λ)) */
        private final Complex[][] first;
        private final Complex[][] second;

        PairIntegrand(KappaEquation equation, InversionContour contour) {
            this.equation = equation;
            this.contour = contour;
            this.full = contour.fullSize();
            int stored = contour.size();
            Complex[] storedKappa = equation.solveAlong(contour.nodes());
            s = new Complex[full];
            kappa = new Complex[full];
            rd = new Complex[full];
            rp = new Complex[full];
            first = new Complex[full][ModeSums.WEIGHTS];
            second = new Complex[full][ModeSums.WEIGHTS];
            double invD = equation.sizes().inverseData();
            double invP = equation.sizes().inverseWidth();
            for (int j = 0; j < stored; j++) {
                double[][] at = sums.at(storedKappa[j].getReal(), storedKappa[j].getImaginary());
                s[j] = contour.node(j);
                kappa[j] = storedKappa[j];
                Complex df = new Complex(at[0][2 * ModeSums.LAMBDA], at[0][2 * ModeSums.LAMBDA + 1]);
                rd[j] = Complex.ONE.subtract(df.multiply(invD));
                rp[j] = Complex.ONE.subtract(df.multiply(invP));
                for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                    first[j][w] = new Complex(at[0][2 * w], at[0][2 * w + 1]);
                    second[j][w] = new Complex(at[1][2 * w], at[1][2 * w + 1]);
                }
            }
            for (int j = stored; j < full; j++) {
                int o = contour.stored(j);
                s[j] = s[o].conjugate();
                kappa[j] = kappa[o].conjugate();
                rd[j] = rd[o].conjugate();
                rp[j] = rp[o].conjugate();
                for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                    first[j][w] = first[o][w].conjugate();
                    second[j][w] = second[o][w].conjugate();
                }
            }
        }

        double[] invert() {
            double invD = equation.sizes().inverseData();
            double invP = equation.sizes().inverseWidth();
            return contour.invertPairs(2, (i, re, im) -> {
                for (int j = 0; j < full; j++) {
                    Complex[] x = pairSums(i, j);
                    Complex pref = kappa[i].multiply(kappa[j]).divide(s[i].multiply(s[j]));
                    Complex s1 = pref.multiply(x[ModeSums.LAMBDA]);
                    Complex s2 = pref.multiply(x[ModeSums.LAMBDA_SQUARED]);
                    Complex t1 = pref.multiply(x[ModeSums.POWER]);
                    Complex t2 = pref.multiply(x[ModeSums.LAMBDA_POWER]);
                    Complex rhoD = rd[i].multiply(rd[j]);
                    Complex rhoP = rp[i].multiply(rp[j]);
                    Complex rhoDP = rhoD.multiply(rhoP);
                    Complex a11 = Complex.ONE.subtract(rhoDP.multiply(s2).multiply(invD));
                    Complex a12 = rhoP.multiply(s1).multiply(-invP);
                    Complex a21 = s[i].multiply(s[j]).multiply(rhoD).multiply(s1).multiply(-invD);
                    Complex a22 = Complex.ONE.subtract(rhoDP.multiply(s2).multiply(invP));
                    Complex b2 = rhoD.multiply(t2);
                    Complex c0 = t1.multiply(a22).subtract(a12.multiply(b2))
                            .divide(a11.multiply(a22).subtract(a12.multiply(a21)));
                    Complex c1 = rhoD.multiply(c0);
                    re[0][j] = c0.getReal();
                    im[0][j] = c0.getImaginary();
                    re[1][j] = c1.getReal();
                    im[1][j] = c1.getImaginary();
                }
            });
        }

        /** Σ x<sub>w</sub>/((κ<sub>i</sub>+λ)(κ<sub>j</sub>+λ)) for each weight (see {@link ModeSums}). */
        private Complex[] pairSums(int i, int j) {
            Complex[] x = new Complex[ModeSums.WEIGHTS];
            if (i == j) {
                System.arraycopy(second[i], 0, x, 0, ModeSums.WEIGHTS);
                return x;
            }
            Complex delta = kappa[j].subtract(kappa[i]);
            if (delta.abs() < ModeSums.NEAR * Math.max(kappa[i].abs(), kappa[j].abs())) {
                double[] direct = sums.pair(kappa[i].getReal(), kappa[i].getImaginary(),
                        kappa[j].getReal(), kappa[j].getImaginary());
                for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                    x[w] = new Complex(direct[2 * w], direct[2 * w + 1]);
                }
                return x;
            }
            for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                x[w] = first[i][w].subtract(first[j][w]).divide(delta);
            }
            return x;
        }
    }
}
