package kspec.kernels;

/** {@link DualActivationCheck} for RectifiedMonomial(2). Reference: Cho–Saul J₂. */
class RectifiedQuadraticCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "RectifiedMonomial(2)";
    }

    @Override
    double wStd() {
        return 0.8;
    }

    @Override
    double quadratureTolerance() {
        return 3e-5;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-2;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            static final int N = 2;
            // Cho & Saul 2009: E[relu^n(u) relu^n(v)] = (q1q2)^(n/2) J_n(θ)/(2π); diag qⁿ(2n−1)!!/2
            double j(int m, double t) {
                double s = Math.sin(t);
                double k = Math.cos(t);
                double r = Math.PI - t;
                if (m == 1) {
                    return s + r * k;
                }
                if (m == 2) {
                    return 3 * s * k + r * (1 + 2 * k * k);
                }
                return 15 * s - 11 * s * s * s + r * (9 * s * s * k + 15 * k * k * k);
            }

            double theta(double q1, double q2, double c) {
                return Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
            }

            public double phi(double q1, double q2, double c) {
                return Math.pow(q1 * q2, N / 2.0) * j(N, theta(q1, q2, c)) / (2 * Math.PI);
            }

            public double dot(double q1, double q2, double c) {
                return N * N * Math.pow(q1 * q2, (N - 1) / 2.0) * j(N - 1, theta(q1, q2, c)) / (2 * Math.PI);
            }

            public double phiDiag(double q) {
                return 3 * q * q / 2;
            }

            public double dotDiag(double q) {
                return 2 * q;
            }
        };
    }
}
