package kspec.kernels;

/** {@link DualActivationCheck} for ABRelu(-0.4,1.3). Reference: ABRelu in docs/kernels.md §3. */
class ABReluCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "ABRelu(-0.4,1.3)";
    }

    @Override
    double wStd() {
        return 1.2;
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
        return ReferenceDuals.abRelu(-0.4, 1.3);
    }
}
