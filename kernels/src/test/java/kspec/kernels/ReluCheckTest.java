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
        return ReferenceDuals.relu();
    }
}
