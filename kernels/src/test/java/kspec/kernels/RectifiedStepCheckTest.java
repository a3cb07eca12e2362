package kspec.kernels;

/** {@link DualActivationCheck} for RectifiedMonomial(0). Reference: the Gaussian orthant probability (Sheppard). */
class RectifiedStepCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "RectifiedMonomial(0)";
    }

    @Override
    double quadratureTolerance() {
        return 0;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // Heaviside step: E[1(u>0)1(v>0)] = (π − θ)/(2π) (orthant probability); φ′ = 0 a.e.
            public double phi(double q1, double q2, double c) {
                return (Math.PI - Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))))) / (2 * Math.PI);
            }

            public double dot(double q1, double q2, double c) {
                return 0;
            }

            public double phiDiag(double q) {
                return 0.5;
            }

            public double dotDiag(double q) {
                return 0;
            }
        };
    }
}
