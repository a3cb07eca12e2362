package kspec.kernels;

/** {@link DualActivationCheck} for Cos(0.9,1.1,-0.4). Reference: product-to-sum identities. */
class CosCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Cos(0.9,1.1,-0.4)";
    }

    @Override
    double quadratureTolerance() {
        return 1e-10;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.sinusoid(0.9, 1.1, -0.4, true);
    }
}
