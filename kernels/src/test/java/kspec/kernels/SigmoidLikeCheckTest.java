package kspec.kernels;

/** {@link DualActivationCheck} for SigmoidLike. Reference: NT Sigmoid_like = Erf(0.5, 1/2.4020563531719796, 0.5). */
class SigmoidLikeCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "SigmoidLike";
    }

    @Override
    double wStd() {
        return 1.5;
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.erf(0.5, 1 / 2.4020563531719796, 0.5);
    }
}
