package kspec.kernels;

/**
 * Reference duals of the parameterised activation families, written straight from science.md §3 and
 * shared by the check tests of their members (so each formula is typed once, independently of the
 * production classes).
 */
final class ReferenceDuals {

    private ReferenceDuals() {
    }

    /**
     * Erf(a, b, c): f = a·erf(b·x) + c. Scale q and Σ₁₂ by b² first, then the arcsin map; output
     * a²Φ + c² and Σ̇·a²·b² (science.md §3 Erf).
     */
    static RefDual erf(double a, double b, double shift) {
        return new RefDual() {
            public double phi(double q1, double q2, double c) {
                double s1 = b * b * q1;
                double s2 = b * b * q2;
                double s12 = b * b * c;
                return a * a * 2 / Math.PI * Math.asin(2 * s12 / Math.sqrt((1 + 2 * s1) * (1 + 2 * s2))) + shift * shift;
            }

            public double dot(double q1, double q2, double c) {
                double s1 = b * b * q1;
                double s2 = b * b * q2;
                double s12 = b * b * c;
                return a * a * b * b * 4 / Math.PI / Math.sqrt((1 + 2 * s1) * (1 + 2 * s2) - 4 * s12 * s12);
            }

            public double phiDiag(double q) {
                double s = b * b * q;
                return a * a * 2 / Math.PI * Math.asin(2 * s / (1 + 2 * s)) + shift * shift;
            }

            public double dotDiag(double q) {
                double s = b * b * q;
                return a * a * b * b * 4 / Math.PI / Math.sqrt((1 + 2 * s) * (1 + 2 * s) - 4 * s * s);
            }
        };
    }

    /**
     * ABRelu(a, b): f = a·min(x, 0) + b·max(x, 0) (science.md §3, NT {@code _get_ab_relu_kernel}):
     * Σ̇ = (a² + b²)/2 − (a − b)²θ/(2π), Φ = (a − b)²√(q₁q₂ − Σ₁₂²)/(2π) + Σ̇·Σ₁₂.
     */
    static RefDual abRelu(double a, double b) {
        return new RefDual() {
            public double dot(double q1, double q2, double c) {
                double theta = Math.acos(Math.max(-1, Math.min(1, c / Math.sqrt(q1 * q2))));
                return (a * a + b * b) / 2 - (a - b) * (a - b) * theta / (2 * Math.PI);
            }

            public double phi(double q1, double q2, double c) {
                return (a - b) * (a - b) * Math.sqrt(Math.max(0, q1 * q2 - c * c)) / (2 * Math.PI) + dot(q1, q2, c) * c;
            }

            public double phiDiag(double q) {
                return q * (a * a + b * b) / 2;
            }

            public double dotDiag(double q) {
                return (a * a + b * b) / 2;
            }
        };
    }
}
