package kspec.manifold.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Closed-form identities between the estimators and Monte-Carlo checks on exact Pareto ratios. */
class EstimatorIdentitiesTest {

    private static final NeighborTable CUBE_6 = NearestNeighbors.search(
            SyntheticManifolds.sample(SyntheticSpec.parse("cube:d=6,ambient=30"), 3000, 7).points(), 20,
            DuplicatePolicy.DROP);

    private static double sumLogMu(NeighborTable t) {
        double s = 0;
        for (int i = 0; i < t.n(); i++) {
            s += Math.log(t.distance(i, 1) / t.distance(i, 0));
        }
        return s;
    }

    @Test
    void harmonicMleAtKTwoIsTheNNormalisedTwoNnLikelihood() {
        // docs/intrinsic-dimension.md §3: harmonic Levina–Bickel at k = 2 = N / Σ log μ (identity)
        double mle = LevinaBickel.estimate(CUBE_6, new LevinaBickel.Options(2, 2)).dimension().value();
        assertEquals(CUBE_6.n() / sumLogMu(CUBE_6), mle, 1e-12 * mle);
        double ml = TwoNn.estimate(CUBE_6, TwoNn.Options.defaults().withFit(TwoNn.Fit.MAXIMUM_LIKELIHOOD))
                .dimension().value();
        assertEquals((CUBE_6.n() - 1) / sumLogMu(CUBE_6), ml, 1e-12 * ml);
    }

    @Test
    void grideWithRanksOneTwoIsTheTwoNnLikelihood() {
        // f(μ) reduces to the Pareto density d μ^(−d−1) at (n1, n2) = (1, 2): the MLE is N / Σ log μ
        double g = Gride.estimate(CUBE_6, 1, 2).dimension().value();
        assertEquals(CUBE_6.n() / sumLogMu(CUBE_6), g, 1e-9 * g);
    }

    @Test
    void arithmeticSmallKMeanIsFarOffWhileTheHarmonicFormIsNot() {
        // docs/intrinsic-dimension.md §3: arithmetic mean at k = 2 has infinite expectation (≥ 5× d on cubes); the harmonic form
        // gave 5.63 on the 6-cube at n = 10,000. Here n = 3000, d = 6.
        double arithmetic = 0;
        for (int i = 0; i < CUBE_6.n(); i++) {
            arithmetic += 1 / Math.log(CUBE_6.distance(i, 1) / CUBE_6.distance(i, 0));
        }
        arithmetic /= CUBE_6.n();
        double harmonic = LevinaBickel.estimate(CUBE_6).dimension().value();
        assertTrue(arithmetic > 2.5 * 6, "arithmetic small-k mean " + arithmetic);
        assertEquals(6, harmonic, 0.12 * 6, "harmonic small-k MLE");
    }

    /** A table whose rows have T₁ = 1 and T₂ = μ with μ exactly Pareto(d): the TwoNN model itself. */
    private static NeighborTable paretoTable(double d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] rows = new int[n];
        int[] idx = new int[2 * n];
        double[] dist = new double[2 * n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            idx[2 * i] = (i + 1) % n;
            idx[2 * i + 1] = (i + 2) % n;
            dist[2 * i] = 1;
            dist[2 * i + 1] = Math.pow(1 - r.nextDouble(), -1 / d); // inverse CDF of F(μ) = 1 − μ^(−d)
        }
        return NeighborTable.of(2, rows, idx, dist, n, 0, DuplicatePolicy.DROP, "pareto");
    }

    @Test
    void twoNnRecoversTheParetoExponentWithinItsSamplingError() {
        // ML: sd(d̂) = d/√(N − 2) = 0.035 at d = 5, N = 20,000; linear fit a little noisier. Tolerance 4 sd.
        NeighborTable t = paretoTable(5, 20_000, 3);
        IdEstimate ml = TwoNn.estimate(t, TwoNn.Options.defaults().withFit(TwoNn.Fit.MAXIMUM_LIKELIHOOD));
        IdEstimate lin = TwoNn.estimate(t);
        assertEquals(5, ml.dimension().value(), 4 * 5 / Math.sqrt(20_000 - 2));
        assertEquals(5, lin.dimension().value(), 6 * 5 / Math.sqrt(20_000 - 2));
        assertEquals(0.1, (double) lin.params().get("discardFraction"));
    }

    @Test
    void repeatedRowsKeptAsZerosAreDroppedByEveryEstimatorWithoutNaN() {
        DMatrixRMaj base = SyntheticManifolds.sample(SyntheticSpec.parse("sphere:d=3,ambient=10"), 600, 9).points();
        DMatrixRMaj x = new DMatrixRMaj(700, 10);
        System.arraycopy(base.data, 0, x.data, 0, base.data.length);
        System.arraycopy(base.data, 0, x.data, base.data.length, 100 * 10); // rows 600..699 repeat 0..99
        NeighborTable keep = NearestNeighbors.search(x, 16, DuplicatePolicy.KEEP);
        assertEquals(100, keep.duplicateRows());
        for (IdEstimate e : new IdEstimate[] {TwoNn.estimate(keep), LevinaBickel.estimate(keep),
            Gride.estimate(keep, 4, 8), CorrelationDimension.estimate(x)}) {
            assertTrue(Double.isFinite(e.dimension().value()) && Double.isFinite(e.dimension().standardError()),
                    e.toString());
        }
        // 200 rows have T₁ = 0; TwoNN also drops the rows whose two nearest are a repeated pair (T₁ = T₂)
        int zeroOrTied = 0;
        for (int i = 0; i < keep.n(); i++) {
            if (keep.distance(i, 0) == 0 || keep.distance(i, 0) == keep.distance(i, 1)) {
                zeroOrTied++;
            }
        }
        assertTrue(zeroOrTied > 200);
        assertEquals(zeroOrTied, TwoNn.estimate(keep).dropped());
        assertEquals(200, LevinaBickel.estimate(keep).dropped());
        assertEquals(100, (int) CorrelationDimension.estimate(x).params().get("duplicateRows"));
        NeighborTable drop = NearestNeighbors.search(x, 16, DuplicatePolicy.DROP);
        IdEstimate twoNn = TwoNn.estimate(drop);
        assertEquals(100, twoNn.dropped());
        assertEquals(3, twoNn.dimension().value(), 0.5, "600 points on S^3: sd about 3/√600 · 1.3 ≈ 0.16");
    }

    @Test
    void pointsOneUlpApartGiveFiniteEstimates() {
        // rows 500..599 equal rows 0..99 except one coordinate moved by one ulp: distinct points at distance
        // ~1e-16, recomputed directly (the GEMM expansion would cancel to 0 or noise); log T₂/T₁ ≈ 35, finite
        DMatrixRMaj base = SyntheticManifolds.sample(SyntheticSpec.parse("sphere:d=3,ambient=10"), 500, 10).points();
        DMatrixRMaj x = new DMatrixRMaj(600, 10);
        System.arraycopy(base.data, 0, x.data, 0, base.data.length);
        for (int i = 0; i < 100; i++) {
            System.arraycopy(base.data, i * 10, x.data, (500 + i) * 10, 10);
            x.set(500 + i, 3, Math.nextUp(x.get(500 + i, 3)));
        }
        NeighborTable t = NearestNeighbors.search(x, 16, DuplicatePolicy.DROP);
        assertEquals(0, t.duplicateRows());
        assertEquals(0, t.zeroDistances());
        for (IdEstimate e : new IdEstimate[] {TwoNn.estimate(t), LevinaBickel.estimate(t), Gride.estimate(t, 4, 8),
            CorrelationDimension.estimate(x)}) {
            assertTrue(Double.isFinite(e.dimension().value()) && Double.isFinite(e.dimension().standardError())
                    && e.dimension().value() > 0, e.toString());
        }
    }

    @Test
    void tooFewNeighboursOrPointsGetClearMessages() {
        NeighborTable t = CUBE_6.truncate(3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LevinaBickel.estimate(t, LevinaBickel.Options.levinaBickel()))
                .getMessage().contains("k >= 20"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gride.estimate(t, 2, 4))
                .getMessage().contains("k >= 4"));
        assertThrows(IllegalArgumentException.class, () -> new LevinaBickel.Options(1, 4));
        assertThrows(IllegalArgumentException.class, () -> TwoNn.estimate(CUBE_6.truncate(1)));
    }
}
