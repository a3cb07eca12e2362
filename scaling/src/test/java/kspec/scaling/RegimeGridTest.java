package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kspec.core.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The (D, P) grid on the linear random-feature teacher–student model of Bahri et al. (2021, §3;
 * docs/regimes-and-duality.md §4): teacher features F ~ N(0, diag k^−1.5) in R^60, 20 teacher outputs, student
 * features 𝒫F with a fresh Gaussian 𝒫 per seed. In the slices with D ≥ 16P the data axis is
 * variance-limited, L(D) − L∞ ∝ 1/D (Theorem 1; ±0.1 on the slope, docs/regimes-and-duality.md §7 item 3).
 */
class RegimeGridTest {

    private static final int S = 60;
    private static final int POOL = 8192;
    private static final int TEST = 2000;

    /** The teacher features F (n × S, column k scaled by k^−0.75), the 20-output linear targets FΩ and the student map. */
    private record Model(DMatrixRMaj y, WidthScaling.FeatureMap features) {
        static Model of(int n) {
            SplittableRandom rng = new SplittableRandom(9);
            DMatrixRMaj f = new DMatrixRMaj(n, S);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < S; k++) {
                    f.set(i, k, Math.pow(k + 1, -0.75) * rng.nextGaussian());
                }
            }
            DMatrixRMaj omega = new DMatrixRMaj(S, 20);
            for (int i = 0; i < omega.data.length; i++) {
                omega.data[i] = rng.nextGaussian();
            }
            DMatrixRMaj y = new DMatrixRMaj(n, 20);
            CommonOps_DDRM.mult(f, omega, y);
            return new Model(y, (width, seed) -> {
                SplittableRandom r = new SplittableRandom(seed);
                DMatrixRMaj projection = new DMatrixRMaj(width, S);
                for (int i = 0; i < projection.data.length; i++) {
                    projection.data[i] = r.nextGaussian();
                }
                DMatrixRMaj phi = new DMatrixRMaj(n, width);
                CommonOps_DDRM.multTransB(f, projection, phi);
                return phi;
            });
        }
    }

    @Test
    void dataAxisIsVarianceLimitedWhereDataDominate() {
        int n = POOL + TEST;
        Model m = Model.of(n);
        int[] ds = {16, 64, 128, 256, 512, 1024, 2048, 4096, 8192};
        int[] ps = {4, 8, 16, 32}; // all below the teacher's 60 features, so L∞ > 0
        RegimeGrid.Result grid = RegimeGrid.measure(m.features(), IntStream.range(0, POOL).toArray(),
                IntStream.range(POOL, n).toArray(), m.y(), ds, ps, 8, 1, ProgressListener.NONE);
        assertEquals(RegimeGrid.Regime.VARIANCE_LIMITED_DATA, grid.regimes()[8][0]);
        assertEquals(RegimeGrid.Regime.CROSSOVER, grid.regimes()[1][3]);
        assertEquals(RegimeGrid.Regime.VARIANCE_LIMITED_WIDTH, RegimeGrid.Regime.of(16, 64));

        List<RegimeGrid.SliceFit> fits = RegimeGrid.varianceLimitedFits(grid);
        assertEquals(4, fits.size(), "every width has at least 4 sizes with D >= 16P (P = 32: D = 512..8192), no size 4 widths");
        for (RegimeGrid.SliceFit s : fits) {
            assertEquals(Axis.DATA, s.axis());
            assertEquals(1.0, s.fit().beta().value(), 0.1, "P = " + s.fixed() + ", L∞ = " + s.fit().lInfinity());
        }
    }
}
