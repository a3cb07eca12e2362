package kspec.kernels;

/** {@link DualActivationCheck} for Rbf(0.7). Reference: NT Rbf. */
class RbfCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Rbf(0.7)";
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // NT Rbf: exp(−γ(q1 + q2 − 2c)), Σ̇ = 2γ Φ
            final double g = 0.7;

            public double phi(double q1, double q2, double c) {
                return Math.exp(-g * (q1 + q2 - 2 * c));
            }

            public double dot(double q1, double q2, double c) {
                return 2 * g * phi(q1, q2, c);
            }

            public double phiDiag(double q) {
                return 1;
            }

            public double dotDiag(double q) {
                return 2 * g;
            }
        };
    }
}
