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
        return ReferenceDuals.relu();
    }
}
