package kspec.kernels;

/** {@link DualActivationCheck} for Sin(1.2,0.8,0.3). Reference: product-to-sum identities and E cos(βZ) = exp(−β²Var Z/2). */
class SinCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Sin(1.2,0.8,0.3)";
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
            // sin A sin B = ½cos(A − B) − ½cos(A + B) and E cos(βZ) = exp(−β² Var Z / 2)
            final double a = 1.2;
            final double b = 0.8;
            final double p = 0.3;

            double minus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 - 2 * c) / 2);
            }

            double plus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 + 2 * c) / 2) * Math.cos(2 * p);
            }

            public double phi(double q1, double q2, double c) {
                return a * a * (minus(q1, q2, c) - plus(q1, q2, c)) / 2;
            }

            public double dot(double q1, double q2, double c) {
                return a * a * b * b * (minus(q1, q2, c) + plus(q1, q2, c)) / 2;
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
