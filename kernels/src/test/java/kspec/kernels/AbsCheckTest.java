package kspec.kernels;

/** {@link DualActivationCheck} for Abs. Reference: E|u||v| = (2/π)(√(q₁q₂ − c²) + c·arcsin ρ), independent of the ABRelu form. */
class AbsCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Abs";
    }

    @Override
    double wStd() {
        return 1.1;
    }

    @Override
    double quadratureTolerance() {
        return 1e-2;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 8e-2;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // independent closed form: E|u||v| = (2/π)(√(q1q2 − c²) + c·arcsin ρ), E[sign u sign v] = (2/π) arcsin ρ
            public double phi(double q1, double q2, double c) {
                double rho = Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2)));
                return 2 / Math.PI * (Math.sqrt(Math.max(0, q1 * q2 - c * c)) + c * Math.asin(rho));
            }

            public double dot(double q1, double q2, double c) {
                return 2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
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
