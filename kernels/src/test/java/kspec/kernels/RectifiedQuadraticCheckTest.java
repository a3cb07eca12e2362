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
        return ReferenceDuals.rectifiedMonomial(2);
    }
}
