package kspec.dynamics.theory;

import java.util.Arrays;
import java.util.Locale;
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
            Arrays.fill(h, 1.0);
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
     * @param sizes     width and data size; one-pass SGD reads the width only (it never reuses data)
     * @param optimizer how the model is trained
     * @param time      flow time t ≥ 0, or steps n ≥ 0 of a discrete optimizer; +∞ for the final values
     *                  of a full-batch optimizer
     * @throws IllegalArgumentException when the learning rate diverges, or oscillating modes ask for
     *                                  more than {@link #CIRCLE_MAX_STEPS} steps
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
            throw new IllegalArgumentException(String.format(Locale.ROOT,
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
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "with learning rate %.4g the fastest modes of %s oscillate (rate above %.4g), and the theory for "
                            + "oscillating modes is limited to %d steps, got %d: lower the learning rate or the step count",
                    eta, optimizer.name(), monotoneLimit, CIRCLE_MAX_STEPS, steps));
        }
        double m = mu;
        return z.mapped(x -> x.subtract(1).multiply(x.subtract(m)).divide(x.multiply(eta)),
                x -> x.subtract(m).divide(eta));
    }

    /**
     * The two-time integrands C₀ and C₁ = ρ<sub>D</sub>C₀ on a contour (class comment), in primitive
     * complex arithmetic: the circle rule evaluates O(n²) pairs.
     */
    private final class PairIntegrand {
        private final KappaEquation equation;
        private final InversionContour contour;
        private final int full;
        /** per node of the whole rule: s, κ, R_D, R_P as re/im */
        private final double[] sRe;
        private final double[] sIm;
        private final double[] kRe;
        private final double[] kIm;
        private final double[] dRe;
        private final double[] dIm;
        private final double[] pRe;
        private final double[] pIm;
        /** one-point sums [weight][node], first and second powers of 1/(κ + λ) */
        private final double[][] uRe;
        private final double[][] uIm;
        private final double[][] vRe;
        private final double[][] vIm;

        PairIntegrand(KappaEquation equation, InversionContour contour) {
            this.equation = equation;
            this.contour = contour;
            this.full = contour.fullSize();
            int stored = contour.size();
            Complex[] kappa = equation.solveAlong(contour.nodes());
            sRe = new double[full];
            sIm = new double[full];
            kRe = new double[full];
            kIm = new double[full];
            dRe = new double[full];
            dIm = new double[full];
            pRe = new double[full];
            pIm = new double[full];
            uRe = new double[ModeSums.WEIGHTS][full];
            uIm = new double[ModeSums.WEIGHTS][full];
            vRe = new double[ModeSums.WEIGHTS][full];
            vIm = new double[ModeSums.WEIGHTS][full];
            double invD = equation.sizes().inverseData();
            double invP = equation.sizes().inverseWidth();
            for (int j = 0; j < full; j++) {
                int o = contour.stored(j);
                double sign = j < stored ? 1 : -1;
                Complex s = contour.node(o);
                sRe[j] = s.getReal();
                sIm[j] = sign * s.getImaginary();
                kRe[j] = kappa[o].getReal();
                kIm[j] = sign * kappa[o].getImaginary();
                if (j < stored) {
                    double[][] at = sums.at(kRe[j], kIm[j]);
                    for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                        uRe[w][j] = at[0][2 * w];
                        uIm[w][j] = at[0][2 * w + 1];
                        vRe[w][j] = at[1][2 * w];
                        vIm[w][j] = at[1][2 * w + 1];
                    }
                } else {
                    for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                        uRe[w][j] = uRe[w][o];
                        uIm[w][j] = -uIm[w][o];
                        vRe[w][j] = vRe[w][o];
                        vIm[w][j] = -vIm[w][o];
                    }
                }
                double dfRe = uRe[ModeSums.LAMBDA][j];
                double dfIm = uIm[ModeSums.LAMBDA][j];
                dRe[j] = 1 - dfRe * invD;
                dIm[j] = -dfIm * invD;
                pRe[j] = 1 - dfRe * invP;
                pIm[j] = -dfIm * invP;
            }
        }

        double[] invert() {
            double invD = equation.sizes().inverseData();
            double invP = equation.sizes().inverseWidth();
            double[] xRe = new double[ModeSums.WEIGHTS];
            double[] xIm = new double[ModeSums.WEIGHTS];
            return contour.invertPairs(2, (i, re, im) -> {
                for (int j = 0; j < full; j++) {
                    pairSums(i, j, xRe, xIm);
                    // pref = κ_i κ_j / (s_i s_j)
                    double knRe = kRe[i] * kRe[j] - kIm[i] * kIm[j];
                    double knIm = kRe[i] * kIm[j] + kIm[i] * kRe[j];
                    double omRe = sRe[i] * sRe[j] - sIm[i] * sIm[j];
                    double omIm = sRe[i] * sIm[j] + sIm[i] * sRe[j];
                    double omAbs = omRe * omRe + omIm * omIm;
                    double prRe = (knRe * omRe + knIm * omIm) / omAbs;
                    double prIm = (knIm * omRe - knRe * omIm) / omAbs;
                    double s1Re = prRe * xRe[ModeSums.LAMBDA] - prIm * xIm[ModeSums.LAMBDA];
                    double s1Im = prRe * xIm[ModeSums.LAMBDA] + prIm * xRe[ModeSums.LAMBDA];
                    double s2Re = prRe * xRe[ModeSums.LAMBDA_SQUARED] - prIm * xIm[ModeSums.LAMBDA_SQUARED];
                    double s2Im = prRe * xIm[ModeSums.LAMBDA_SQUARED] + prIm * xRe[ModeSums.LAMBDA_SQUARED];
                    double t1Re = prRe * xRe[ModeSums.POWER] - prIm * xIm[ModeSums.POWER];
                    double t1Im = prRe * xIm[ModeSums.POWER] + prIm * xRe[ModeSums.POWER];
                    double t2Re = prRe * xRe[ModeSums.LAMBDA_POWER] - prIm * xIm[ModeSums.LAMBDA_POWER];
                    double t2Im = prRe * xIm[ModeSums.LAMBDA_POWER] + prIm * xRe[ModeSums.LAMBDA_POWER];
                    double rdRe = dRe[i] * dRe[j] - dIm[i] * dIm[j];
                    double rdIm = dRe[i] * dIm[j] + dIm[i] * dRe[j];
                    double rpRe = pRe[i] * pRe[j] - pIm[i] * pIm[j];
                    double rpIm = pRe[i] * pIm[j] + pIm[i] * pRe[j];
                    double rdpRe = rdRe * rpRe - rdIm * rpIm;
                    double rdpIm = rdRe * rpIm + rdIm * rpRe;
                    // ρ_Dρ_P S₂
                    double qRe = rdpRe * s2Re - rdpIm * s2Im;
                    double qIm = rdpRe * s2Im + rdpIm * s2Re;
                    double a11Re = 1 - qRe * invD;
                    double a11Im = -qIm * invD;
                    double a22Re = 1 - qRe * invP;
                    double a22Im = -qIm * invP;
                    // a12 = −ρ_P S₁/P
                    double a12Re = -(rpRe * s1Re - rpIm * s1Im) * invP;
                    double a12Im = -(rpRe * s1Im + rpIm * s1Re) * invP;
                    // a21 = −Ω ρ_D S₁/D
                    double dsRe = rdRe * s1Re - rdIm * s1Im;
                    double dsIm = rdRe * s1Im + rdIm * s1Re;
                    double a21Re = -(omRe * dsRe - omIm * dsIm) * invD;
                    double a21Im = -(omRe * dsIm + omIm * dsRe) * invD;
                    // b₂ = ρ_D T₂
                    double b2Re = rdRe * t2Re - rdIm * t2Im;
                    double b2Im = rdRe * t2Im + rdIm * t2Re;
                    // C₀ = (T₁a22 − a12 b₂)/(a11 a22 − a12 a21)
                    double nRe = (t1Re * a22Re - t1Im * a22Im) - (a12Re * b2Re - a12Im * b2Im);
                    double nIm = (t1Re * a22Im + t1Im * a22Re) - (a12Re * b2Im + a12Im * b2Re);
                    double detRe = (a11Re * a22Re - a11Im * a22Im) - (a12Re * a21Re - a12Im * a21Im);
                    double detIm = (a11Re * a22Im + a11Im * a22Re) - (a12Re * a21Im + a12Im * a21Re);
                    double detAbs = detRe * detRe + detIm * detIm;
                    double c0Re = (nRe * detRe + nIm * detIm) / detAbs;
                    double c0Im = (nIm * detRe - nRe * detIm) / detAbs;
                    re[0][j] = c0Re;
                    im[0][j] = c0Im;
                    re[1][j] = rdRe * c0Re - rdIm * c0Im;
                    im[1][j] = rdRe * c0Im + rdIm * c0Re;
                }
            });
        }

        /** Σ x<sub>w</sub>/((κ<sub>i</sub>+λ)(κ<sub>j</sub>+λ)) for each weight (see {@link ModeSums}), into xRe/xIm. */
        private void pairSums(int i, int j, double[] xRe, double[] xIm) {
            if (i == j) {
                for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                    xRe[w] = vRe[w][i];
                    xIm[w] = vIm[w][i];
                }
                return;
            }
            double deRe = kRe[j] - kRe[i];
            double deIm = kIm[j] - kIm[i];
            double de = Math.hypot(deRe, deIm);
            if (de < ModeSums.NEAR * Math.max(Math.hypot(kRe[i], kIm[i]), Math.hypot(kRe[j], kIm[j]))) {
                double[] direct = sums.pair(kRe[i], kIm[i], kRe[j], kIm[j]);
                for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                    xRe[w] = direct[2 * w];
                    xIm[w] = direct[2 * w + 1];
                }
                return;
            }
            double de2 = deRe * deRe + deIm * deIm;
            for (int w = 0; w < ModeSums.WEIGHTS; w++) {
                double dr = uRe[w][i] - uRe[w][j];
                double di = uIm[w][i] - uIm[w][j];
                xRe[w] = (dr * deRe + di * deIm) / de2;
                xIm[w] = (di * deRe - dr * deIm) / de2;
            }
        }
    }
}
