package kspec.dynamics.theory;

import java.util.Locale;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import org.apache.commons.math3.complex.Complex;

/**
 * Expected loss of one-pass SGD (fresh batches of B Gaussian samples every step, so D = ∞ and the
 * training loss is the test loss) on the width-P model, in the setting of Bordelon, Atanasov &amp;
 * Pehlevan (arXiv 2402.01092, App. K: no data bottleneck, a batch adds variance ∝ η/B).
 *
 * <p><b>Derivation.</b> Given the projection A the model is linear regression on P Gaussian
 * features with covariance F = AΛAᵀ/P, plus an independent residual of variance L<sub>∞</sub> (the
 * part of the target outside their span). In F's eigenbasis (eigenvalues e<sub>j</sub>) the weight
 * error variances σ<sub>j</sub> close exactly (Wick's theorem for a batch mean):
 * <pre>  σ_j(n+1) = ρ(e_j) σ_j(n) + (η²/B) e_j L(n),   ρ(e) = (1 − ηe)² + η²e²/B,   L = L_∞ + Σ_j e_j σ_j,  </pre>
 * whose Z-transform is
 * <pre>  𝓛(z) = z Φ(z) / (1 − (η²/B) Ξ(z)),   Φ(z) = ∫ dμ(e)/(z − ρ(e)),   Ξ(z) = ∫ e² dν(e)/(z − ρ(e)),  </pre>
 * with μ the spectral measure of S = Λ<sup>½</sup>(AᵀA/P)Λ<sup>½</sup> on the target (atom L<sub>∞</sub> at 0) and
 * ν its eigenvalue-counting measure. Their Stieltjes transforms are given by the mean-field theory at
 * D = ∞: ∫dμ(e)/(s + e) = Σ<sub>k</sub>p<sub>k</sub>H<sub>k</sub>(s) and ∫e dν(e)/(s + e) = df(κ(s)). Splitting
 * 1/(z − ρ(e)) over the roots e<sub>±</sub>(z) of ρ(e) = z (c = η²(1 + 1/B)):
 * <pre>  Φ = −[m(−e₊) − m(−e₋)]/(c(e₊ − e₋)),   Ξ = −[e₊ df(−e₊) − e₋ df(−e₋)]/(c(e₊ − e₋)),  </pre>
 * symmetric in e<sub>±</sub>, hence analytic in z off ρ(spectrum) ⊂ (0, 1] and the real poles of the
 * Volterra resolvent. L(n) is the inverse Z-transform on {@link InversionContour#zTalbot} (or the
 * circle rule for small n). The recursion is the exact expectation over batches for each A; the
 * theory replaces the A-dependent spectra by their deterministic equivalents, exact as P and M grow.
 *
 * <p><b>Stability.</b> Every ρ(e) &lt; 1 needs η(1 + 1/B)g<sub>max</sub> &lt; 2, and the noise feedback
 * needs (η²/B)Ξ(1) &lt; 1; both are checked.
 */
public final class OnePassSgdTheory {

    private static final double ALIASING = 1e-11;

    private final ModeSpectrum spectrum;
    private final ModeSums sums;
    private final KappaEquation equation;
    private final double eta;
    private final double batch;
    private final double c;

    /**
     * @param spectrum the modes
     * @param width    P ≥ 1 or +∞
     * @param sgd      learning rate and batch size
     * @throws IllegalArgumentException when the learning rate makes SGD diverge
     */
    public OnePassSgdTheory(ModeSpectrum spectrum, double width, Optimizer.OnePassSgd sgd) {
        this.spectrum = spectrum;
        this.sums = new ModeSums(spectrum);
        this.equation = new KappaEquation(spectrum, Sizes.infiniteData(width));
        this.eta = sgd.learningRate();
        this.batch = sgd.batch();
        this.c = eta * eta * (1 + 1 / batch);
        double edge = equation.spectralEdge();
        if (!(eta * (1 + 1 / batch) * edge < 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "learning rate %.4g diverges for one-pass SGD with batch %d at width %s: the largest relaxation rate "
                            + "is g_max = %.4g, so the learning rate must stay below 2/((1 + 1/B) g_max) = %.4g",
                    eta, sgd.batch(), Sizes.format(width), edge, 2 / ((1 + 1 / batch) * edge)));
        }
        // Ξ(1) = −df(κ(−2η/c))/c, at a real point left of the spectrum
        double sAtOne = -2 * eta / c;
        double kappa = equation.solveAlong(new Complex[] {new Complex(sAtOne)})[0].getReal();
        double feedback = eta * eta / batch * (-equation.degreesOfFreedom(kappa) / c);
        if (!(feedback < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "learning rate %.4g diverges for one-pass SGD with batch %d at width %s: the gradient noise feeds back "
                            + "with gain %.3f >= 1; lower the learning rate or raise the batch size",
                    eta, sgd.batch(), Sizes.format(width), feedback));
        }
    }

    /**
     * @param time the number of steps n ≥ 0
     * @return E L(n)
     */
    public double loss(double time) {
        long steps = Optimizer.steps(time);
        if (steps == 0) {
            return spectrum.totalPower();
        }
        InversionContour contour = steps >= InversionContour.minimumTalbotSteps(InversionContour.ONE_TIME_NODES)
                ? InversionContour.zTalbot(steps, InversionContour.ONE_TIME_NODES)
                : InversionContour.zCircle(steps, (int) (2 * Math.max(steps, 16)), ALIASING);
        int n = contour.size();
        Complex[] plus = new Complex[n];
        Complex[] minus = new Complex[n];
        Complex[] sPlus = new Complex[n];
        Complex[] sMinus = new Complex[n];
        for (int k = 0; k < n; k++) {
            Complex z = contour.node(k);
            // roots of c e² − 2ηe + (1 − z) = 0; the principal root is continuous for Im z ≥ 0
            Complex root = new Complex(eta * eta).add(z.subtract(1).multiply(c)).sqrt();
            plus[k] = root.add(eta).divide(c);
            minus[k] = root.negate().add(eta).divide(c);
            sPlus[k] = plus[k].negate();
            sMinus[k] = minus[k].negate();
        }
        Complex[] kappaPlus = equation.solveAlong(sPlus);
        Complex[] kappaMinus = equation.solveAlong(sMinus);
        Complex[] transform = new Complex[n];
        for (int k = 0; k < n; k++) {
            Complex[] mp = stieltjes(sPlus[k], kappaPlus[k]);
            Complex[] mm = stieltjes(sMinus[k], kappaMinus[k]);
            Complex denominator = plus[k].subtract(minus[k]).multiply(-c);
            Complex phi = mp[0].subtract(mm[0]).divide(denominator);
            Complex xi = plus[k].multiply(mp[1]).subtract(minus[k].multiply(mm[1])).divide(denominator);
            transform[k] = contour.node(k).multiply(phi).divide(Complex.ONE.subtract(xi.multiply(eta * eta / batch)));
        }
        return contour.invert(transform);
    }

    /** {Σ p<sub>k</sub>H<sub>k</sub>(s), df(κ(s))} at s with its κ. */
    private Complex[] stieltjes(Complex s, Complex kappa) {
        double[][] at = sums.at(kappa.getReal(), kappa.getImaginary());
        Complex powerSum = new Complex(at[0][2 * ModeSums.POWER], at[0][2 * ModeSums.POWER + 1]);
        Complex df = new Complex(at[0][2 * ModeSums.LAMBDA], at[0][2 * ModeSums.LAMBDA + 1]);
        return new Complex[] {kappa.divide(s).multiply(powerSum), df};
    }
}
