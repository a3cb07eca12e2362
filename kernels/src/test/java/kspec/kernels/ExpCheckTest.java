package kspec.kernels;

/** {@link DualActivationCheck} for Exp(0.5,0.4). Reference: the Gaussian moment generating function. */
class ExpCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Exp(0.5,0.4)";
    }

    @Override
    double wStd() {
        return 1.2;
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // E exp(b(u + v)) = exp(b² Var(u + v)/2), Var(u + v) = q1 + q2 + 2c
            final double a = 0.5;
            final double b = 0.4;

            public double phi(double q1, double q2, double c) {
                return a * a * Math.exp(b * b * (q1 + q2 + 2 * c) / 2);
            }

            public double dot(double q1, double q2, double c) {
                return b * b * phi(q1, q2, c);
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
