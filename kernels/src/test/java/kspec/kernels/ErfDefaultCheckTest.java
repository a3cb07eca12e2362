package kspec.kernels;

/** {@link DualActivationCheck} for Erf. Reference: Erf of docs/kernels.md §3 with (a, b, c) = (1, 1, 0). */
class ErfDefaultCheckTest extends DualActivationCheck {

    @Override
    String token() {
        return "Erf";
    }

    @Override
    double wStd() {
        return 1.5;
    }

    @Override
    double quadratureTolerance() {
        return 1e-9;
    }

    @Override
    double quadratureSlopeTolerance() {
        return 1e-8;
    }

    @Override
    RefDual reference() {
        return ReferenceDuals.erf(1.0, 1.0, 0.0);
    }
}
