package kspec.kernels;

/** {@link DualActivationCheck} for Erf(0.8,1.3,0.2). Reference: Erf in docs/kernels.md §3. */
class ErfCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Erf(0.8,1.3,0.2)";
    }

    @Override
    double quadratureTolerance() {
        return 1e-5;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-3;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.erf(0.8, 1.3, 0.2);
    }
}
