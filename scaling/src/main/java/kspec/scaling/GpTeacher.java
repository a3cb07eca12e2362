package kspec.scaling;

import java.util.SplittableRandom;
import kspec.core.ParameterException;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * A Gaussian-process teacher: targets y ~ N(0, K) drawn jointly on all points (training pool and
 * test set) with the same kernel the student uses — the setting in which kernel-regression theory
 * predicts α_D = α_K (Bahri et al. 2021, arXiv 2102.06701, eq. 2–3; Bordelon, Canatar, Pehlevan
 * 2020, arXiv 2002.02561, with task power ∝ λ_k).
 *
 * <p>Drawn as y = L z with K + εI = LLᵀ and z ~ N(0, I) from the seed. The jitter ε starts at
 * 10⁻¹⁰ · mean(diag K) and grows tenfold until the Cholesky factorisation succeeds (at most
 * 10⁻⁴ · mean diag); the jitter used is reported, since it is a floor on the attainable loss. A
 * kernel that barely varies across the points (identical points: K = c·11ᵀ, whose centred trace
 * tr(HKH) = n·(mean diag K − mean K) is 0) is refused: its draws would be one constant plus jitter.
 */
public final class GpTeacher {

    private static final double FIRST_RELATIVE_JITTER = 1e-10;
    private static final double LAST_RELATIVE_JITTER = 1e-4;
    /**
     * Smallest centred trace tr(HKH)/tr(K) (H = I − 11ᵀ/n) of a kernel a teacher is drawn on: below
     * it the draws vary across points less than 100 × the first jitter, i.e. by round-off.
     */
    private static final double MIN_RELATIVE_SPREAD = 100 * FIRST_RELATIVE_JITTER;

    private GpTeacher() {
    }

    /**
     * @param targets N × outputs draws, one column per independent teacher
     * @param jitter  ε added to the diagonal for the factorisation
     */
    public record Draw(DMatrixRMaj targets, double jitter) {
    }

    /**
     * @param gram    K over all N points. Not modified.
     * @param outputs number of independent teacher functions (columns)
     * @param seed    seed of z
     */
    public static Draw sample(DMatrixRMaj gram, int outputs, long seed) {
        int n = gram.numRows;
        if (n != gram.numCols) {
            throw new IllegalArgumentException("Gram must be square, got " + n + "×" + gram.numCols);
        }
        double meanDiag = 0;
        double meanAll = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += gram.get(i, i) / n;
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += gram.data[i * n + j];
            }
            meanAll += row / n / n;
        }
        double centred = meanDiag - meanAll;
        if (!(centred > MIN_RELATIVE_SPREAD * meanDiag)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the kernel barely varies across the "
                    + "%d points (its centred trace is %.3g of its trace, below %.0e): the points are (nearly) identical, "
                    + "so a GP teacher on them is one constant plus the factorisation's jitter and its loss curve would "
                    + "fit round-off; drop the repeated points or use other targets", n, centred / meanDiag,
                    MIN_RELATIVE_SPREAD));
        }
        for (double rel = FIRST_RELATIVE_JITTER; rel <= LAST_RELATIVE_JITTER * 1.0001; rel *= 10) {
            double jitter = rel * meanDiag;
            double[] factor = gram.data.clone();
            for (int i = 0; i < n; i++) {
                factor[i * n + i] += jitter;
            }
            if (Blas.choleskyLower(n, factor) == 0) {
                return new Draw(multiplyLower(factor, n, gaussian(n, outputs, seed)), jitter);
            }
        }
        throw new ParameterException("the kernel is not positive semi-definite enough for a GP teacher: "
                + "Cholesky failed even with jitter " + LAST_RELATIVE_JITTER + " × mean diagonal; "
                + "check the data for duplicate points, or set {RegressionTargets.target} to labels", "RegressionTargets.target");
    }

    private static DMatrixRMaj gaussian(int n, int outputs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj z = new DMatrixRMaj(n, outputs);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = rng.nextGaussian();
        }
        return z;
    }

    /** y = L z, reading only the lower triangle of the row-major factor. */
    private static DMatrixRMaj multiplyLower(double[] l, int n, DMatrixRMaj z) {
        int t = z.numCols;
        DMatrixRMaj y = new DMatrixRMaj(n, t);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j <= i; j++) {
                double lij = l[row + j];
                for (int c = 0; c < t; c++) {
                    y.data[i * t + c] += lij * z.data[j * t + c];
                }
            }
        }
        return y;
    }
}
