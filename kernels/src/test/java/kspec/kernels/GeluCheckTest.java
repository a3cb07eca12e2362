package kspec.kernels;

/** {@link DualActivationCheck} for Gelu. Reference: NT's Gelu formulas; the quadrature check is the independent route. */
class GeluCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Gelu";
    }

    @Override
    double wStd() {
        return 1.4;
    }

    @Override
    double quadratureTolerance() {
        return 1e-11;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return new RefDual() {
            // NT stax.Gelu (arXiv 2002.08517), transcribed in the test
            public double phi(double q1, double q2, double c) {
                double prod = q1 * q2;
                double prodPlus1 = (q1 + 1) * (q2 + 1);
                double delta2 = prodPlus1 - c * c;
                double delta = Math.sqrt(delta2);
                double angle = Math.atan2(c, delta);
                double v = (c * c + prod * delta2) / (prodPlus1 * delta) + c * angle;
                return v / (2 * Math.PI) + 0.25 * c;
            }

            public double dot(double q1, double q2, double c) {
                double prod = q1 * q2;
                double prodPlus1 = (q1 + 1) * (q2 + 1);
                double delta2 = prodPlus1 - c * c;
                double delta = Math.sqrt(delta2);
                double first = (1 / delta2 + (1 - prod) / prodPlus1 + 1) * c / delta / (2 * Math.PI);
                return first + 0.25 + Math.atan2(c, delta) / (2 * Math.PI);
            }

            public double phiDiag(double q) {
                double root = Math.sqrt(1 + 2 * q);
                return q * ((q / ((q + 1) * root) + Math.atan2(q, root) / 2) / Math.PI + 0.25);
            }

            public double dotDiag(double q) {
                return dot(q, q, q);
            }
        };
    }
}
