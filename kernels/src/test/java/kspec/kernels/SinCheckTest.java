package kspec.kernels;

/** {@link DualActivationCheck} for Sin(1.2,0.8,0.3). Reference: product-to-sum identities and E cos(βZ) = exp(−β²Var Z/2). */
class SinCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Sin(1.2,0.8,0.3)";
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.sinusoid(1.2, 0.8, 0.3, false);
    }
}
