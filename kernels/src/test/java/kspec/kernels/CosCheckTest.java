package kspec.kernels;

/** {@link DualActivationCheck} for Cos(0.9,1.1,-0.4). Reference: product-to-sum identities. */
class CosCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Cos(0.9,1.1,-0.4)";
    }

    @Override
    double wStd() {
        return 1.3;
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // cos A cos B = ½cos(A − B) + ½cos(A + B); the derivative is −a b sin
            final double a = 0.9;
            final double b = 1.1;
            final double p = -0.4;

            double minus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 - 2 * c) / 2);
            }

            double plus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 + 2 * c) / 2) * Math.cos(2 * p);
            }

            public double phi(double q1, double q2, double c) {
                return a * a * (minus(q1, q2, c) + plus(q1, q2, c)) / 2;
            }

            public double dot(double q1, double q2, double c) {
                return a * a * b * b * (minus(q1, q2, c) - plus(q1, q2, c)) / 2;
            }

            public double phiDiag(double q) {
                return phi(q, q, q);
            }

            public double dotDiag(double q) {
                return dot(q, q, q);
            }
        };
    }
}
