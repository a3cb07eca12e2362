package kspec.kernels;

/**
 * arccos and arcsin in pure Java, so that the JIT inlines them into the tile loops. On JDK 17
 * {@link Math#acos} is a native call that cannot be inlined, and its cost dominated the Gram build
 * (bench/README.md).
 *
 * <p>The algorithm and coefficients are those of fdlibm 5.3 {@code e_acos.c} / {@code e_asin.c}
 * (Sun Microsystems 1993; "Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"), as also used by musl: a rational minimax
 * approximation R(z) of (asin(x) − x)/x³ on |x| ≤ 0.5, and the half-angle reduction
 * acos(x) = 2 asin(√((1 − x)/2)) beyond. Error &lt; 1 ulp (checked against {@link StrictMath} in
 * {@code FastTrigTest}).
 */
final class FastTrig {

    private static final double PI = 3.14159265358979311600e+00;
    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;
    private static final long HIGH_WORD = 0xFFFFFFFF00000000L;

    private FastTrig() {
    }

    private static double r(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }

    /** @return arccos(x) for x ∈ [−1, 1] (callers clip); NaN outside */
    static double acos(double x) {
        double ax = Math.abs(x);
        if (ax >= 1.0) {
            if (x == 1.0) {
                return 0.0;
            }
            return x == -1.0 ? PI : Double.NaN;
        }
        if (ax < 0.5) {
            if (ax <= 0x1p-57) {
                return PIO2_HI;
            }
            return PIO2_HI - (x - (PIO2_LO - x * r(x * x)));
        }
        if (x < 0) {
            double z = (1.0 + x) * 0.5;
            double s = Math.sqrt(z);
            double w = r(z) * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        }
        double z = (1.0 - x) * 0.5;
        double s = Math.sqrt(z);
        double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & HIGH_WORD);
        double c = (z - df * df) / (s + df);
        double w = r(z) * s + c;
        return 2.0 * (df + w);
    }

    /** @return arcsin(x) for x ∈ [−1, 1] (callers clip); NaN outside */
    static double asin(double x) {
        double ax = Math.abs(x);
        if (ax >= 1.0) {
            return ax == 1.0 ? Math.copySign(PIO2_HI, x) : Double.NaN;
        }
        if (ax < 0.5) {
            if (ax < 0x1p-27) {
                return x;
            }
            return x + x * r(x * x);
        }
        double z = (1.0 - ax) * 0.5;
        double s = Math.sqrt(z);
        double rz = r(z);
        double y;
        if (ax >= 0.975) {
            y = PIO2_HI - (2.0 * (s + s * rz) - PIO2_LO);
        } else {
            double f = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & HIGH_WORD);
            double c = (z - f * f) / (s + f);
            y = 0.5 * PIO2_HI - (2.0 * s * rz - (PIO2_LO - 2.0 * c) - (0.5 * PIO2_HI - 2.0 * f));
        }
        return x < 0 ? -y : y;
    }
}
