package kspec.kernels;

/** {@link DualActivationCheck} for Erf. Reference: science.md Erf with (a, b, c) = (1, 1, 0). */
class ErfDefaultCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Erf";
    }

    @Override
    double wStd() {
        return 1.5;
    }

    @Override
    double quadratureTolerance() {
        return 1e-9;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-8;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // science.md §3 Erf: scale q, c by b² first, then the arcsin map; output a²Φ + c², Θ·a²·b²·Σ̇
            final double a = 1.0;
            final double b = 1.0;
            final double shift = 0.0;

            public double phi(double q1, double q2, double c) {
                double s1 = b * b * q1;
                double s2 = b * b * q2;
                double s12 = b * b * c;
                return a * a * 2 / Math.PI * Math.asin(2 * s12 / Math.sqrt((1 + 2 * s1) * (1 + 2 * s2))) + shift * shift;
            }

            public double dot(double q1, double q2, double c) {
                double s1 = b * b * q1;
                double s2 = b * b * q2;
                double s12 = b * b * c;
                return a * a * b * b * 4 / Math.PI / Math.sqrt((1 + 2 * s1) * (1 + 2 * s2) - 4 * s12 * s12);
            }

            public double phiDiag(double q) {
                double s = b * b * q;
                return a * a * 2 / Math.PI * Math.asin(2 * s / (1 + 2 * s)) + shift * shift;
            }

            public double dotDiag(double q) {
                double s = b * b * q;
                return a * a * b * b * 4 / Math.PI / Math.sqrt((1 + 2 * s) * (1 + 2 * s) - 4 * s * s);
            }
        };
    }
}
