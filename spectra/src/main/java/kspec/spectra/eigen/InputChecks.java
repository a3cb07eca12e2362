package kspec.spectra.eigen;

import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/** Validation of eigen-decomposition inputs: one clear IllegalArgumentException per problem. */
final class InputChecks {

    /** Largest accepted max|K − Kᵀ| relative to max|K|: far above float64 round-off, far below a real asymmetry. */
    static final double SYMMETRY_TOLERANCE = 1e-10;
    private static final int TILE = 64;

    private InputChecks() {
    }

    /** Square, non-empty, finite and symmetric within {@link #SYMMETRY_TOLERANCE}. {@code k} Not modified. */
    static void requireSymmetric(DMatrixRMaj k) {
        Objects.requireNonNull(k, "matrix K is null");
        if (k.numRows != k.numCols) {
            throw new IllegalArgumentException("K must be square for a symmetric eigen-decomposition, got "
                    + k.numRows + "×" + k.numCols + " (pass the n × n kernel/Gram matrix, not the n × d data)");
        }
        int n = k.numRows;
        if (n == 0) {
            throw new IllegalArgumentException("K is empty (0×0): there is no spectrum to compute");
        }
        double maxAbs = 0;
        int bad = 0;
        int firstBad = -1;
        for (int i = 0; i < n * n; i++) {
            double v = k.data[i];
            if (!Double.isFinite(v)) {
                if (bad++ == 0) {
                    firstBad = i;
                }
            } else {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "K has %d non-finite entr%s, the first %s at (%d, %d); fix the NaN/infinite inputs or kernel"
                            + " parameters that produced them before the eigen-decomposition",
                    bad, bad == 1 ? "y" : "ies", k.data[firstBad], firstBad / n, firstBad % n));
        }
        double worst = 0;
        int wi = 0;
        int wj = 0;
        for (int ib = 0; ib < n; ib += TILE) { // tiles keep both K[i][j] and K[j][i] in cache
            for (int jb = ib; jb < n; jb += TILE) {
                for (int i = ib, iEnd = Math.min(ib + TILE, n); i < iEnd; i++) {
                    for (int j = Math.max(jb, i + 1), jEnd = Math.min(jb + TILE, n); j < jEnd; j++) {
                        double d = Math.abs(k.data[i * n + j] - k.data[j * n + i]);
                        if (d > worst) {
                            worst = d;
                            wi = i;
                            wj = j;
                        }
                    }
                }
            }
        }
        if (worst > SYMMETRY_TOLERANCE * maxAbs) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "K is not symmetric: max |K − Kᵀ| = %.3g at (%d, %d) (K[%d][%d] = %.17g, K[%d][%d] = %.17g),"
                            + " %.3g relative to max |K| = %.3g, tolerance %.0e; if this is round-off, symmetrize"
                            + " with (K + Kᵀ)/2, otherwise the matrix is not a kernel matrix",
                    worst, wi, wj, wi, wj, k.data[wi * n + wj], wj, wi, k.data[wj * n + wi],
                    worst / maxAbs, maxAbs, SYMMETRY_TOLERANCE));
        }
    }

    /** 1 ≤ k &lt; n for a top-k request on an n-dimensional problem. */
    static void requireTopK(int k, int n) {
        if (k >= n) {
            throw new IllegalArgumentException("top-k needs k < n, got k = " + k + " for n = " + n
                    + "; use EigenRequest.all() on the dense matrix for the full spectrum");
        }
    }
}
