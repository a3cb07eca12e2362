package kspec.kernels;

/**
 * Reference duals of the parameterised activation families, written straight from docs/kernels.md §3 and
 * shared by the check tests of their members (so each formula is typed once, independently of the
 * production classes).
 */
final class ReferenceDuals {

    private ReferenceDuals() {
    }

    /**
     * Erf(a, b, c): f = a·erf(b·x) + c. Scale q and Σ₁₂ by b² first, then the arcsin map; output
     * a²Φ + c² and Σ̇·a²·b² (docs/kernels.md §3, Erf).
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
     * ReLU in its arc-cosine form (Cho &amp; Saul's J₁; docs/kernels.md §3):
     * Φ = √(q₁q₂)/(2π)·(sin θ + (π − θ) cos θ), Σ̇ = (π − θ)/(2π), Φ(x, x) = q/2, Σ̇(x, x) = 1/2.
     */
    static RefDual relu() {
        return new RefDual() {
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

    /**
     * ABRelu(a, b): f = a·min(x, 0) + b·max(x, 0) (docs/kernels.md §3, NT {@code _get_ab_relu_kernel}):
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

    /**
     * RectifiedMonomial(n) for n = 2, 3: Cho &amp; Saul 2009, E[relu^n(u) relu^n(v)] = (q₁q₂)^(n/2) J_n(θ)/(2π),
     * the slope dual n² (q₁q₂)^((n−1)/2) J_(n−1)(θ)/(2π); on the diagonal (2n − 1)!!/2 · qⁿ and
     * n²(2n − 3)!!/2 · q^(n−1).
     */
    static RefDual rectifiedMonomial(int n) {
        if (n != 2 && n != 3) {
            throw new IllegalArgumentException("reference J_n written for n = 2, 3 only, got " + n);
        }
        return new RefDual() {
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
                return Math.pow(q1 * q2, n / 2.0) * j(n, theta(q1, q2, c)) / (2 * Math.PI);
            }

            public double dot(double q1, double q2, double c) {
                return n * n * Math.pow(q1 * q2, (n - 1) / 2.0) * j(n - 1, theta(q1, q2, c)) / (2 * Math.PI);
            }

            public double phiDiag(double q) {
                return n == 2 ? 3 * q * q / 2 : 15 * q * q * q / 2;
            }

            public double dotDiag(double q) {
                return n == 2 ? 2 * q : 27 * q * q / 2;
            }
        };
    }

    /**
     * Sin(a, b, p) and Cos(a, b, p): f = a·sin(bx + p) or a·cos(bx + p). From the product-to-sum
     * identities and E cos(βZ) = exp(−β² Var Z/2): with m = exp(−b²(q₁ + q₂ − 2c)/2) and
     * s = exp(−b²(q₁ + q₂ + 2c)/2)·cos 2p, Φ = a²(m ∓ s)/2 and Σ̇ = a²b²(m ± s)/2 (upper sign for sin).
     */
    static RefDual sinusoid(double a, double b, double p, boolean cosine) {
        double sign = cosine ? 1 : -1;
        return new RefDual() {
            double minus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 - 2 * c) / 2);
            }

            double plus(double q1, double q2, double c) {
                return Math.exp(-b * b * (q1 + q2 + 2 * c) / 2) * Math.cos(2 * p);
            }

            public double phi(double q1, double q2, double c) {
                return a * a * (minus(q1, q2, c) + sign * plus(q1, q2, c)) / 2;
            }

            public double dot(double q1, double q2, double c) {
                return a * a * b * b * (minus(q1, q2, c) - sign * plus(q1, q2, c)) / 2;
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
