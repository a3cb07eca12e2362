package kspec.spectra.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets one IllegalArgumentException whose message names the problem and the fix. */
class BadInputTest {

    private static DMatrixRMaj symmetric(int n) {
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.set(i, j, 1.0 / (1 + i + j)); // Hilbert-like, symmetric
            }
        }
        return k;
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void nonSquare() {
        String m = message(() -> Eigensolvers.symmetric(new DMatrixRMaj(3, 4), EigenRequest.all()));
        assertTrue(m.contains("must be square") && m.contains("3×4"), m);
    }

    @Test
    void asymmetryBeyondToleranceSaysByHowMuchAndWhere() {
        DMatrixRMaj k = symmetric(5);
        k.set(1, 3, k.get(1, 3) + 1e-3); // max|K| = 1 at (0, 0)
        String m = message(() -> Eigensolvers.symmetric(k, EigenRequest.all()));
        assertTrue(m.contains("not symmetric") && m.contains("at (1, 3)") && m.contains("0.001"), m);
        assertTrue(m.contains("(K + Kᵀ)/2"), m);
    }

    @Test
    void roundOffAsymmetryIsAccepted() {
        DMatrixRMaj k = symmetric(5);
        k.set(1, 3, k.get(1, 3) * (1 + 1e-15));
        assertEquals(5, Eigensolvers.symmetric(k, EigenRequest.all()).count());
    }

    @Test
    void nanEntryIsLocated() {
        DMatrixRMaj k = symmetric(5);
        k.set(2, 4, Double.NaN);
        k.set(4, 2, Double.NaN);
        String m = message(() -> Eigensolvers.symmetric(k, EigenRequest.all()));
        assertTrue(m.contains("2 non-finite entries") && m.contains("NaN at (2, 4)"), m);
    }

    @Test
    void kNotBelowN() {
        String dense = message(() -> Eigensolvers.symmetric(symmetric(5), EigenRequest.top(5)));
        assertTrue(dense.contains("k < n") && dense.contains("k = 5 for n = 5") && dense.contains("EigenRequest.all()"), dense);
        String op = message(() -> Eigensolvers.topK(SymmetricOperator.dense(symmetric(5)), EigenRequest.top(7)));
        assertTrue(op.contains("k = 7 for n = 5"), op);
        String all = message(() -> Eigensolvers.topK(SymmetricOperator.dense(symmetric(5)), EigenRequest.all()));
        assertTrue(all.contains("Eigensolvers.symmetric"), all);
        String zero = message(() -> EigenRequest.top(0));
        assertTrue(zero.contains("k >= 1"), zero);
    }

    @Test
    void emptyAndNonSquareOperator() {
        assertTrue(message(() -> Eigensolvers.symmetric(new DMatrixRMaj(0, 0), EigenRequest.all())).contains("empty"));
        assertTrue(message(() -> SymmetricOperator.dense(new DMatrixRMaj(2, 3))).contains("square"));
    }

    @Test
    void smallMatricesGoThroughEjml() {
        assertEquals(DenseSymmetricEigen.EJML, Eigensolvers.symmetric(symmetric(5), EigenRequest.all()).backend());
    }

    @Test
    void spectrumRejectsAscendingEigenvalues() {
        String m = message(() -> Spectrum.of(new double[] {1, 2}, null, "x", Double.NaN, Normalization.RAW, 2, true, 0));
        assertTrue(m.contains("descending"), m);
    }
}
