package kspec.kernels;

/** {@link DualActivationCheck} for Identity. Reference: a linear layer. */
class IdentityCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Identity";
    }

    @Override
    double wStd() {
        return 0.9;
    }

    @Override
    double quadratureTolerance() {
        return 1e-12;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            public double phi(double q1, double q2, double c) {
                return c;
            }

            public double dot(double q1, double q2, double c) {
                return 1;
            }

            public double phiDiag(double q) {
                return q;
            }

            public double dotDiag(double q) {
                return 1;
            }
        };
    }
}
