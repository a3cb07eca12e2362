package kspec.kernels;

/** {@link DualActivationCheck} for LeakyRelu(0.2). Reference: ABRelu(α, 1) of docs/kernels.md §3. */
class LeakyReluCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "LeakyRelu(0.2)";
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
        return ReferenceDuals.abRelu(0.2, 1.0);
    }
}
