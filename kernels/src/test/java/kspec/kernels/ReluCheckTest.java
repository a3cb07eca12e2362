package kspec.kernels;

/** {@link DualActivationCheck} for Relu. Reference: the ReLU arc-cosine form of docs/kernels.md §3. */
class ReluCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Relu";
    }

    @Override
    double wStd() {
        return 1.4142;
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
            // docs/kernels.md §3: the ReLU form with sin θ + (π − θ) cos θ
            public double phi(double q1, double q2, double c) {
                double theta = Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
                return Math.sqrt(q1 * q2) / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
            }

            public double dot(double q1, double q2, double c) {
                double theta = Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
                return (Math.PI - theta) / (2 * Math.PI);
            }

            public double phiDiag(double q) {
                return q / 2;
            }

            public double dotDiag(double q) {
                return 0.5;
            }
        };
    }
}
