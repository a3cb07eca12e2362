package kspec.dynamics.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/** Each inversion rule against transforms with closed-form inverses. */
class InversionContourTest {

    @Test
    void talbotInvertsExponentialsAndTheirDerivativesAtEarlyAndLateTimes() {
        for (double t : new double[] {1e-3, 0.5, 7, 300, 1e6}) {
            InversionContour c = InversionContour.laplace(t, InversionContour.ONE_TIME_NODES);
            for (double a : new double[] {1e-6, 0.01, 1}) {
                Complex[] simple = new Complex[c.size()];
                Complex[] doubled = new Complex[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    Complex sa = c.node(k).add(a);
                    simple[k] = sa.reciprocal();
                    doubled[k] = sa.multiply(sa).reciprocal();
                }
                assertEquals(Math.exp(-a * t), c.invert(simple), 1e-10, "1/(s+a), t=" + t + " a=" + a);
                assertEquals(t * Math.exp(-a * t), c.invert(doubled), 1e-10 * Math.max(1, t), "1/(s+a)^2, t=" + t);
            }
        }
    }

    @Test
    void twoTimeTalbotInvertsAProductOfExponentials() {
        double t = 4;
        double a = 0.3;
        double b = 1.7;
        InversionContour c = InversionContour.laplace(t, InversionContour.TWO_TIME_NODES);
        double g = c.invertPairs(1, (i, re, im) -> {
            for (int j = 0; j < c.fullSize(); j++) {
                Complex sj = j < c.size() ? c.node(j) : c.node(c.stored(j)).conjugate();
                Complex f = c.node(i).add(a).multiply(sj.add(b)).reciprocal();
                re[0][j] = f.getReal();
                im[0][j] = f.getImaginary();
            }
        })[0];
        assertEquals(Math.exp(-(a + b) * t), g, 1e-9);
    }

    /** Z{qⁿ} = z/(z − q): the Talbot rule in log z for 0 &lt; q ≤ 1, the circle rule for any |q| &lt; 1. */
    @Test
    void inverseZRulesRecoverGeometricSequences() {
        for (long n : new long[] {30, 100, 5000}) {
            InversionContour c = InversionContour.zTalbot(n, InversionContour.ONE_TIME_NODES);
            for (double q : new double[] {0.2, 0.99, 0.99999, 1}) {
                Complex[] f = new Complex[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    f[k] = c.node(k).divide(c.node(k).subtract(q));
                }
                assertEquals(Math.pow(q, n), c.invert(f), 1e-9, "Talbot n=" + n + " q=" + q);
            }
        }
        for (long n : new long[] {0, 1, 7, 300}) {
            InversionContour c = InversionContour.zCircle(n, (int) (2 * Math.max(n, 16)), 1e-11);
            for (double q : new double[] {-0.95, -0.3, 0.5, 1}) {
                Complex[] f = new Complex[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    f[k] = c.node(k).divide(c.node(k).subtract(q));
                }
                assertEquals(Math.pow(q, n), c.invert(f), 1e-9, "circle n=" + n + " q=" + q);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> InversionContour.zTalbot(10, 32));
    }
}
