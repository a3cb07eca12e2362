package kspec.kernels;

/** {@link DualActivationCheck} for Sign. Reference: Sheppard's formula (2/π) arcsin ρ. */
class SignCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Sign";
    }

    @Override
    double quadratureTolerance() {
        return 0;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // E[sign u sign v] = (2/π) arcsin ρ; φ′ = 0 a.e. (NT drops the NTK below a Sign)
            public double phi(double q1, double q2, double c) {
                return 2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
            }

            public double dot(double q1, double q2, double c) {
                return 0;
            }

            public double phiDiag(double q) {
                return 1;
            }

            public double dotDiag(double q) {
                return 0;
            }
        };
    }
}
