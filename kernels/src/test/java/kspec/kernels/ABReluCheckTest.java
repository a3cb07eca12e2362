package kspec.kernels;

/** {@link DualActivationCheck} for ABRelu(-0.4,1.3). Reference: science.md ABRelu. */
class ABReluCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "ABRelu(-0.4,1.3)";
    }

    @Override
    double wStd() {
        return 1.2;
    }

    @Override
    double quadratureTolerance() {
        return 1e-2;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 5e-2;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // science.md §3, ABRelu(a, b)
            final double a = -0.4;
            final double b = 1.3;

            public double dot(double q1, double q2, double c) {
                double theta = Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
                return (a * a + b * b) / 2 - (a - b) * (a - b) * theta / (2 * Math.PI);
            }

            public double phi(double q1, double q2, double c) {
                return (a - b) * (a - b) * Math.sqrt(Math.max(0, q1 * q2 - c * c)) / (2 * Math.PI) + dot(q1, q2, c) * c;
            }

            public double phiDiag(double q) {
                return q * (a * a + b * b) / 2;
            }

            public double dotDiag(double q) {
                return (a * a + b * b) / 2;
            }
        };
    }
}
