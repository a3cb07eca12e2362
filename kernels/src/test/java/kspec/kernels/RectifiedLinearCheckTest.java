package kspec.kernels;

/** {@link DualActivationCheck} for RectifiedMonomial(1). Reference: the ReLU form of docs/kernels.md §3 (the RectifiedMonomial code path). */
class RectifiedLinearCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "RectifiedMonomial(1)";
    }

    @Override
    double wStd() {
        return 1.4;
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
            // the ReLU form of docs/kernels.md §3 (J₁ of Cho–Saul)
            public double phi(double q1, double q2, double c) {
                double theta = Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
                return Math.sqrt(q1 * q2) / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
            }

            public double dot(double q1, double q2, double c) {
                return (Math.PI - Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))))) / (2 * Math.PI);
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
