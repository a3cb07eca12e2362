package kspec.dynamics.theory;

import java.util.Objects;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Sizes;
import org.apache.commons.math3.complex.Complex;

/**
 * The scalar self-consistent equation of the dynamical mean-field theory of Bordelon, Atanasov &amp;
 * Pehlevan (arXiv 2402.01092, eqs. 10–11, in the non-proportional form of App. G):
 * <pre>
 *   κ · (1 − df(κ)/D) · (1 − df(κ)/P) = s,      df(κ) = Σ_k λ_k/(λ_k + κ),
 * </pre>
 * with s the Laplace variable of training time. R<sub>D</sub> = 1 − df/D and R<sub>P</sub> = 1 − df/P are
 * the data and width response functions, and every transfer function is
 * H<sub>k</sub>(s) = κ(s)/(s(κ(s) + λ<sub>k</sub>)). κ is exactly symmetric under P ↔ D.
 *
 * <p><b>Branch.</b> For real s &gt; 0 the root is the unique κ &gt; κ<sub>min</sub>, where
 * df(κ<sub>min</sub>) = min(P, D) (κ<sub>min</sub> = 0 when min(P, D) is at least the number of modes):
 * on that interval s(κ) = κR<sub>D</sub>R<sub>P</sub> increases from 0 to ∞, and the root lies in
 * [max(s, κ<sub>min</sub>), s + c₀(1/D + 1/P)] (c₀ = Σλ<sub>k</sub>, since R ≥ 1 − c₀/(Dκ)), where a
 * safeguarded Newton iteration finds it. Complex s are reached by continuation from a real point:
 * a first-order predictor κ + Δs/s'(κ) and a Newton corrector, halving the step whenever the
 * corrector does not converge or moves further than a tenth of the predicted step (so the path never
 * jumps to another root). Points left of the spectrum of the learning dynamics (real s &lt; −g<sub>max</sub>)
 * are reached along the real axis from far left, where κ ≈ s.
 *
 * <p><b>Spectral edge.</b> The non-zero relaxation rates g of the dynamics dv/dt = −G v fill
 * (0, g<sub>max</sub>]; for real κ &lt; −λ<sub>1</sub> the map κ ↦ s(κ) rises from −∞ to a maximum −g<sub>max</sub>
 * and falls back to −∞, so g<sub>max</sub> = −max<sub>κ&lt;−λ₁</sub> κR<sub>D</sub>(κ)R<sub>P</sub>(κ). It sets the
 * stability limit of discrete-time optimizers.
 */
public final class KappaEquation {

    /** Newton iterations allowed per continuation step before the step is halved. */
    private static final int MAX_NEWTON = 40;
    /** Halvings of one continuation step before giving up. */
    private static final int MAX_DEPTH = 40;
    private static final double TOLERANCE = 1e-14;

    private final double[] lambda;
    private final Sizes sizes;
    private final double inverseWidth;
    private final double inverseData;
    private final double trace;
    private final double kappaMin;

    /**
     * @param spectrum the modes (only the eigenvalues enter κ)
     * @param sizes    width P and data size D
     */
    public KappaEquation(ModeSpectrum spectrum, Sizes sizes) {
        Objects.requireNonNull(spectrum, "spectrum");
        this.sizes = Objects.requireNonNull(sizes, "sizes");
        this.lambda = spectrum.eigenvalues();
        this.inverseWidth = sizes.inverseWidth();
        this.inverseData = sizes.inverseData();
        this.trace = spectrum.trace();
        this.kappaMin = solveKappaMin();
    }

    /** @return the sizes this equation was built for */
    public Sizes sizes() {
        return sizes;
    }

    /** @return κ<sub>min</sub> = lim<sub>s→0</sub> κ(s), with df(κ<sub>min</sub>) = min(P, D); 0 when min(P, D) ≥ M */
    public double kappaMin() {
        return kappaMin;
    }

    /** @return df(κ) = Σ<sub>k</sub> λ<sub>k</sub>/(λ<sub>k</sub> + κ) for real κ &gt; −λ<sub>M</sub> or κ &lt; −λ<sub>1</sub> */
    public double degreesOfFreedom(double kappa) {
        double s = 0;
        for (double l : lambda) {
            s += l / (l + kappa);
        }
        return s;
    }

    /**
     * The root κ(s) for real s &gt; 0 (class comment).
     *
     * @param s the Laplace variable, &gt; 0
     */
    public double solveReal(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("the real branch needs a finite s > 0, got " + s);
        }
        double lo = Math.max(s, kappaMin);
        double hi = s + trace * (inverseWidth + inverseData);
        if (!(hi > lo)) {
            return lo;
        }
        double kappa = hi;
        for (int it = 0; it < 200; it++) {
            double[] d = degreesOfFreedomAndSlope(kappa);
            double df = d[0];
            double dfPrime = d[1];
            double rd = 1 - df * inverseData;
            double rp = 1 - df * inverseWidth;
            double f = kappa * rd * rp - s;
            if (f > 0) {
                hi = kappa;
            } else {
                lo = kappa;
            }
            double fPrime = rd * rp - kappa * dfPrime * (rp * inverseData + rd * inverseWidth);
            double next = kappa - f / fPrime;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - kappa) <= TOLERANCE * kappa || hi - lo <= TOLERANCE * hi) {
                return next;
            }
            kappa = next;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Solves the equation at each point of a path by continuation (class comment).
     *
     * @param path   points of the Laplace variable; {@code path[0]} real and either &gt; 0 or left of the
     *               spectrum (&lt; −g<sub>max</sub>); consecutive points close enough that κ can be followed.
     *               Not modified.
     * @return κ at each point
     * @throws IllegalStateException if the continuation fails (reported with the point)
     */
    public Complex[] solveAlong(Complex[] path) {
        Complex[] out = new Complex[path.length];
        Complex start = path[0];
        if (start.getImaginary() != 0) {
            throw new IllegalArgumentException("a continuation path must start on the real axis, got s = " + start);
        }
        double s0 = start.getReal();
        Complex kappa = s0 > 0 ? new Complex(solveReal(s0)) : fromFarLeft(s0);
        out[0] = kappa;
        for (int j = 1; j < path.length; j++) {
            kappa = follow(path[j - 1], kappa, path[j], 0);
            out[j] = kappa;
        }
        return out;
    }

    /**
     * The largest relaxation rate g<sub>max</sub> of the dynamics (class comment); λ<sub>1</sub> when P = D = ∞.
     */
    public double spectralEdge() {
        double top = lambda[0];
        if (inverseWidth == 0 && inverseData == 0) {
            return top;
        }
        // maximise s(κ) over κ = −λ₁ − y, y > 0: a log-spaced scan, then golden-section refinement
        double logLo = Math.log(top * 1e-14);
        double logHi = Math.log(100 * (top + trace));
        int grid = 400;
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = 0;
        for (int i = 0; i <= grid; i++) {
            double v = edgeObjective(logLo + (logHi - logLo) * i / grid);
            if (v > best) {
                best = v;
                bestIndex = i;
            }
        }
        double step = (logHi - logLo) / grid;
        double a = logLo + (bestIndex - 1) * step;
        double b = logLo + (bestIndex + 1) * step;
        double golden = (Math.sqrt(5) - 1) / 2;
        double c = b - golden * (b - a);
        double d = a + golden * (b - a);
        double fc = edgeObjective(c);
        double fd = edgeObjective(d);
        for (int it = 0; it < 100 && b - a > 1e-13; it++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - golden * (b - a);
                fc = edgeObjective(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + golden * (b - a);
                fd = edgeObjective(d);
            }
        }
        return -Math.max(Math.max(fc, fd), best);
    }

    /** {df(κ), df'(κ)} at real κ, in one pass over the modes. */
    private double[] degreesOfFreedomAndSlope(double kappa) {
        double df = 0;
        double dfPrime = 0;
        for (double l : lambda) {
            double q = l / (l + kappa);
            df += q;
            dfPrime -= q / (l + kappa);
        }
        return new double[] {df, dfPrime};
    }

    /** s(κ) at κ = −λ₁ − e<sup>logY</sup>. */
    private double edgeObjective(double logY) {
        double kappa = -lambda[0] - Math.exp(logY);
        double df = degreesOfFreedom(kappa);
        return kappa * (1 - df * inverseData) * (1 - df * inverseWidth);
    }

    private double solveKappaMin() {
        double resolvable = sizes.smaller();
        if (resolvable >= lambda.length) {
            return 0.0;
        }
        // df is convex and decreasing: Newton from the left (df > m) rises monotonically to the root
        double kappa = 0;
        for (int it = 0; it < 500; it++) {
            double[] d = degreesOfFreedomAndSlope(kappa);
            double next = kappa - (d[0] - resolvable) / d[1];
            if (!(next >= kappa) || next - kappa <= TOLERANCE * next) {
                return Math.max(kappa, next);
            }
            kappa = next;
        }
        return kappa;
    }

    /** κ at a real s left of the spectrum, followed along the real axis from far left where κ ≈ s. */
    private Complex fromFarLeft(double s) {
        double far = Math.min(s, -1e3 * (lambda[0] + trace * (1 + inverseWidth + inverseData)));
        Complex kappa = newton(new Complex(far), new Complex(far + trace * (inverseWidth + inverseData)));
        if (kappa == null) {
            throw new IllegalStateException("the κ equation has no root at s = " + far + " (far left of the spectrum)");
        }
        return far == s ? kappa : follow(new Complex(far), kappa, new Complex(s), 0);
    }

    /** Follows the root from (s0, κ0) to s1, halving the step when needed. */
    private Complex follow(Complex s0, Complex kappa0, Complex s1, int depth) {
        Complex[] fd = residual(kappa0, s0);
        Complex predictor = kappa0.add(s1.subtract(s0).divide(fd[1]));
        Complex kappa = newton(s1, predictor);
        boolean ok = kappa != null
                && kappa.subtract(predictor).abs() <= 0.1 * predictor.subtract(kappa0).abs() + 1e-12 * kappa.abs();
        if (ok) {
            return kappa;
        }
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("the κ equation could not be followed to s = " + s1 + " (" + sizes + ")");
        }
        Complex mid = s0.add(s1).divide(2);
        Complex kappaMid = follow(s0, kappa0, mid, depth + 1);
        return follow(mid, kappaMid, s1, depth + 1);
    }

    /** Newton's method for κ at s from a guess; null if it does not converge. */
    private Complex newton(Complex s, Complex guess) {
        Complex kappa = guess;
        for (int it = 0; it < MAX_NEWTON; it++) {
            Complex[] fd = residual(kappa, s);
            Complex step = fd[0].divide(fd[1]);
            if (step.isNaN() || step.isInfinite()) {
                return null;
            }
            kappa = kappa.subtract(step);
            if (step.abs() <= TOLERANCE * kappa.abs()) {
                return kappa;
            }
        }
        return null;
    }

    /** {f(κ) = κR_D R_P − s, f'(κ)} at complex κ. */
    private Complex[] residual(Complex kappa, Complex s) {
        double kr = kappa.getReal();
        double ki = kappa.getImaginary();
        double dfRe = 0;
        double dfIm = 0;
        double dpRe = 0;
        double dpIm = 0;
        for (double l : lambda) {
            double ar = l + kr;
            double inv = 1 / (ar * ar + ki * ki);
            double qr = l * ar * inv;
            double qi = -l * ki * inv;
            dfRe += qr;
            dfIm += qi;
            // λ/(λ+κ)² = q·(1/(λ+κ))
            double ir = ar * inv;
            double ii = -ki * inv;
            dpRe -= qr * ir - qi * ii;
            dpIm -= qr * ii + qi * ir;
        }
        Complex df = new Complex(dfRe, dfIm);
        Complex dfPrime = new Complex(dpRe, dpIm);
        Complex rd = Complex.ONE.subtract(df.multiply(inverseData));
        Complex rp = Complex.ONE.subtract(df.multiply(inverseWidth));
        Complex f = kappa.multiply(rd).multiply(rp).subtract(s);
        Complex fPrime = rd.multiply(rp).subtract(kappa.multiply(dfPrime)
                .multiply(rp.multiply(inverseData).add(rd.multiply(inverseWidth))));
        return new Complex[] {f, fPrime};
    }
}
