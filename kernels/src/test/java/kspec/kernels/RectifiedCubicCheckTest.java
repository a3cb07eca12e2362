package kspec.kernels;

/** {@link DualActivationCheck} for RectifiedMonomial(3). Reference: Cho–Saul J₃. */
class RectifiedCubicCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "RectifiedMonomial(3)";
    }

    @Override
    double wStd() {
        return 0.7;
    }

    @Override
    double quadratureTolerance() {
        return 3e-5;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.rectifiedMonomial(3);
    }
}
