package kspec.dynamics.theory;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.complex.Complex;

/**
 * Quadrature rules that turn the transform of a training curve back into the curve. Each rule is a
 * set of nodes x<sub>k</sub> and complex weights ω<sub>k</sub>, closed under complex conjugation, with
 * <pre>  f ≈ Σ_k ω_k F(x_k)      and, for two times at once,   g ≈ Σ_i Σ_j ω_i ω_j F(x_i, x_j)  </pre>
 * for transforms with real coefficients (F(x̄) = conj F(x)). Only the nodes in the closed upper
 * half-plane are stored; a real node stands for itself, a complex one also for its conjugate, so a
 * single time costs one evaluation per stored node.
 *
 * <ul>
 * <li>{@link #laplace}: the <b>fixed Talbot</b> contour for f(t) = (1/2πi)∫ e<sup>st</sup>F(s) ds (Talbot 1979,
 *   J. Inst. Math. Appl. 23, 97–120; the fixed-parameter form of Abate &amp; Valkó 2004, Int. J. Numer. Meth.
 *   Engng 60, 979–993): s(θ) = rθ(cot θ + i), θ<sub>k</sub> = kπ/N, r = 2N/(5t),
 *   ω<sub>k</sub> = (r/2N)(1 + iσ(θ<sub>k</sub>))e<sup>ts(θ<sub>k</sub>)</sup>, σ(θ) = θ + (θ cot θ − 1)cot θ, and
 *   ω<sub>0</sub> = (r/2N)e<sup>rt</sup>. It needs F analytic off the negative real axis, which holds for
 *   every transform of gradient flow here (its relaxation rates are real and ≥ 0). With N nodes the
 *   truncation error is about 10<sup>−0.6N</sup> and rounding is amplified by e<sup>2N/5</sup>
 *   (squared for two times), hence {@link #ONE_TIME_NODES} and {@link #TWO_TIME_NODES}. Gaver–Stehfest,
 *   which needs 30-digit arithmetic at late times, is not used.</li>
 * <li>{@link #zTalbot}: the inverse Z-transform f<sub>n</sub> = (1/2πi)∮ z<sup>n−1</sup>F(z) dz of a
 *   discrete-time optimizer, written with w = log z as (1/2πi)∫ e<sup>nw</sup>F(e<sup>w</sup>) dw over one
 *   period and deformed onto the same Talbot contour in w (the horizontal legs at Im w = ±π cancel by
 *   periodicity). Valid when every singularity of F lies on (0, 1], i.e. log z ≤ 0 is real, and the
 *   contour's height rπ = 2πN/(5n) stays below π/2 (n ≥ 4N/5).</li>
 * <li>{@link #zCircle}: the trapezoid rule on the circle |z| = 1/ρ (the "lattice-Poisson" rule of Abate
 *   &amp; Whitt 1992, Oper. Res. Lett. 12, 245–251): with L nodes z<sub>k</sub> = e<sup>2πik/L</sup>/ρ,
 *   ω<sub>k</sub> = z<sub>k</sub><sup>n</sup>/L; its aliasing error is f<sub>n+L</sub>ρ<sup>L</sup> + … . Valid
 *   for any singularities inside the unit circle (oscillating or under-damped modes included), at a cost
 *   that grows with n.</li>
 * </ul>
 */
public final class InversionContour {

    /** Talbot nodes for one time: truncation ~1e-19, rounding ~e^12.8·ε ≈ 1e-11. */
    public static final int ONE_TIME_NODES = 32;
    /** Talbot nodes for the two-time (loss) integrals: truncation ~1e-11, rounding ~e^14.4·ε ≈ 1e-10. */
    public static final int TWO_TIME_NODES = 18;

    private final Complex[] nodes;
    private final Complex[] weights;
    private final boolean[] real;
    /** For each index of the whole rule, the stored node it is or conjugates. */
    private final int[] storedOf;

    private InversionContour(Complex[] nodes, Complex[] weights, boolean[] real) {
        this.nodes = nodes;
        this.weights = weights;
        this.real = real;
        int complex = 0;
        for (boolean r : real) {
            if (!r) {
                complex++;
            }
        }
        storedOf = new int[nodes.length + complex];
        int next = nodes.length;
        for (int k = 0; k < nodes.length; k++) {
            storedOf[k] = k;
            if (!real[k]) {
                storedOf[next++] = k;
            }
        }
    }

    /**
     * The fixed Talbot rule for the inverse Laplace transform at time t.
     *
     * @param t     time, &gt; 0
     * @param count N ≥ 2 nodes (upper half, the real node included)
     */
    public static InversionContour laplace(double t, int count) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("Talbot inversion needs a finite time t > 0, got " + t);
        }
        return talbot(t, count);
    }

    /**
     * The Talbot rule in w = log z for the inverse Z-transform at step n (class comment).
     *
     * @param steps n ≥ 4·count/5
     * @param count N ≥ 2 nodes; the nodes returned are z = e<sup>w</sup>
     */
    public static InversionContour zTalbot(long steps, int count) {
        if (steps < minimumTalbotSteps(count)) {
            throw new IllegalArgumentException("the Talbot rule in log z needs n >= " + minimumTalbotSteps(count)
                    + " steps for " + count + " nodes, got " + steps + "; use the circle rule");
        }
        InversionContour w = talbot(steps, count);
        Complex[] z = new Complex[count];
        for (int k = 0; k < count; k++) {
            z[k] = w.nodes[k].exp();
        }
        return new InversionContour(z, w.weights, w.real);
    }

    /** @return the smallest n the Talbot rule in log z accepts with {@code count} nodes */
    public static long minimumTalbotSteps(int count) {
        return (4L * count + 4) / 5;
    }

    /**
     * The trapezoid rule on a circle for the inverse Z-transform at step n (class comment).
     *
     * @param steps    n ≥ 0
     * @param count    L ≥ 4 nodes on the whole circle, even
     * @param aliasing ρ<sup>L</sup>, the relative weight of the first aliased term, in (0, 1)
     */
    public static InversionContour zCircle(long steps, int count, double aliasing) {
        if (steps < 0 || count < 4 || count % 2 != 0 || !(aliasing > 0 && aliasing < 1)) {
            throw new IllegalArgumentException("circle rule needs n >= 0, an even L >= 4 and aliasing in (0, 1); got n = "
                    + steps + ", L = " + count + ", aliasing = " + aliasing);
        }
        double radius = Math.pow(aliasing, -1.0 / count);
        int upper = count / 2 + 1;
        Complex[] z = new Complex[upper];
        Complex[] w = new Complex[upper];
        boolean[] isReal = new boolean[upper];
        for (int k = 0; k < upper; k++) {
            double theta = 2 * Math.PI * k / count;
            z[k] = new Complex(radius * Math.cos(theta), radius * Math.sin(theta));
            // z^n / L, through logs so that large n neither overflows nor loses the phase
            double logModulus = steps * Math.log(radius) - Math.log(count);
            double phase = (steps % count) * theta;
            w[k] = new Complex(Math.exp(logModulus) * Math.cos(phase), Math.exp(logModulus) * Math.sin(phase));
            isReal[k] = k == 0 || k == count / 2;
            if (isReal[k]) {
                z[k] = new Complex(z[k].getReal());
                w[k] = new Complex(w[k].getReal());
            }
        }
        return new InversionContour(z, w, isReal);
    }

    private static InversionContour talbot(double t, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("Talbot rule needs at least 2 nodes, got " + count);
        }
        double r = 2.0 * count / (5.0 * t);
        Complex[] s = new Complex[count];
        Complex[] w = new Complex[count];
        boolean[] isReal = new boolean[count];
        s[0] = new Complex(r);
        w[0] = new Complex(r / (2.0 * count) * Math.exp(r * t));
        isReal[0] = true;
        for (int k = 1; k < count; k++) {
            double theta = k * Math.PI / count;
            double cot = Math.cos(theta) / Math.sin(theta);
            s[k] = new Complex(r * theta * cot, r * theta);
            double sigma = theta + (theta * cot - 1) * cot;
            w[k] = new Complex(1, sigma).multiply(s[k].multiply(t).exp()).multiply(r / (2.0 * count));
        }
        return new InversionContour(s, w, isReal);
    }

    /** @return the number of stored nodes (closed upper half-plane) */
    public int size() {
        return nodes.length;
    }

    /** @return stored node k */
    public Complex node(int k) {
        return nodes[k];
    }

    /** @return the nodes, upper half (a copy) */
    public Complex[] nodes() {
        return nodes.clone();
    }

    /** @return the weight of stored node k */
    public Complex weight(int k) {
        return weights[k];
    }

    /** @return whether stored node k is real (counted once) */
    public boolean isReal(int k) {
        return real[k];
    }

    /**
     * The number of nodes of the whole (conjugation-closed) rule: the stored ones, then the conjugates
     * of the complex ones in the same order ({@link #stored(int)} maps back).
     */
    public int fullSize() {
        return storedOf.length;
    }

    /** @return for index j of the whole rule, the stored node it is (j &lt; {@link #size()}) or conjugates */
    public int stored(int j) {
        return storedOf[j];
    }

    /**
     * f = Σ<sub>k</sub> ω<sub>k</sub>F(x<sub>k</sub>) over the whole rule.
     *
     * @param values F at the stored nodes. Not modified.
     */
    public double invert(Complex[] values) {
        double sum = 0;
        for (int k = 0; k < nodes.length; k++) {
            double term = weights[k].multiply(values[k]).getReal();
            sum += real[k] ? term : 2 * term;
        }
        return sum;
    }

    /**
     * g = Σ<sub>i</sub>Σ<sub>j</sub> ω<sub>i</sub>ω<sub>j</sub>F(x<sub>i</sub>, x<sub>j</sub>) over the whole rule, for
     * F(x̄, ȳ) = conj F(x, y), for several integrands F at once: the outer index runs over stored
     * nodes only, one row at a time.
     *
     * @param integrands how many integrands {@code rows} fills
     * @param rows       fills F(x<sub>i</sub>, x<sub>j</sub>) for stored i and every j of the whole rule ({@link #fullSize()})
     * @return one value per integrand
     */
    public double[] invertPairs(int integrands, PairRow rows) {
        int full = fullSize();
        double[] wRe = new double[full];
        double[] wIm = new double[full];
        for (int j = 0; j < full; j++) {
            Complex w = weights[storedOf[j]];
            wRe[j] = w.getReal();
            wIm[j] = j < nodes.length ? w.getImaginary() : -w.getImaginary();
        }
        double[][] re = new double[integrands][full];
        double[][] im = new double[integrands][full];
        double[] sum = new double[integrands];
        for (int i = 0; i < nodes.length; i++) {
            rows.fill(i, re, im);
            for (int f = 0; f < integrands; f++) {
                double innerRe = 0;
                double innerIm = 0;
                for (int j = 0; j < full; j++) {
                    innerRe += wRe[j] * re[f][j] - wIm[j] * im[f][j];
                    innerIm += wRe[j] * im[f][j] + wIm[j] * re[f][j];
                }
                double term = wRe[i] * innerRe - wIm[i] * innerIm;
                sum[f] += real[i] ? term : 2 * term;
            }
        }
        return sum;
    }

    /**
     * The same rule on new nodes y = map(x) with weights ω·factor(x), for a change of variable
     * (e.g. z ↦ s(z) with its Jacobian). Both functions must map real x to real values.
     */
    public InversionContour mapped(UnaryOperator<Complex> map, UnaryOperator<Complex> factor) {
        Complex[] y = new Complex[nodes.length];
        Complex[] w = new Complex[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            y[k] = map.apply(nodes[k]);
            w[k] = weights[k].multiply(factor.apply(nodes[k]));
            if (real[k]) {
                y[k] = new Complex(y[k].getReal());
                w[k] = new Complex(w[k].getReal());
            }
        }
        return new InversionContour(y, w, real.clone());
    }

    /** One row of a two-time integrand. */
    @FunctionalInterface
    public interface PairRow {
        /**
         * @param i  stored index of the first node
         * @param re Modified: {@code re[f][j]} = Re F<sub>f</sub>(x<sub>i</sub>, x<sub>j</sub>), j over the whole rule
         * @param im Modified: the imaginary parts
         */
        void fill(int i, double[][] re, double[][] im);
    }
}
