package kspec.manifold.dimension;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;
import org.junit.jupiter.api.Test;

/**
 * The reported 95% intervals cover the true dimension at about their nominal rate over seeds, on
 * flat tori (no boundary, no curvature at the neighbour scale, hence no finite-sample bias at
 * d = 2, 3 and n = 1000: measured means 2.00 and 3.01).
 *
 * <p>Tolerance: 80 trials (d = 2 and 3, 40 seeds each). At 95% coverage the covered count is
 * Binomial(80, 0.95): mean 76, sd 1.95; we require ≥ 68 (4 sd below). Without the neighbourhood
 * design-effect correction the coverage measured 78% (mean 62): that version would fail this test
 * with probability ≈ 0.93.
 */
class CoverageTest {

    @Test
    void intervalsCoverTheTruthAtAboutTheirNominalRate() {
        String[] names = {"twonn linear", "twonn ml", "mle k=2..4", "gride (4,8)"};
        int[] covered = new int[names.length];
        int trials = 0;
        for (int d = 2; d <= 3; d++) {
            for (int seed = 0; seed < 40; seed++) {
                NeighborTable t = NearestNeighbors.search(SyntheticManifolds.sample(
                        SyntheticSpec.parse("torus:d=" + d + ",ambient=10"), 1000, 500 + seed).points(), 8, DuplicatePolicy.DROP);
                IdEstimate[] e = {
                    TwoNn.estimate(t, new TwoNn.Options(TwoNn.Fit.LINEAR, 0.1, 100, seed)),
                    TwoNn.estimate(t, TwoNn.Options.defaults().withFit(TwoNn.Fit.MAXIMUM_LIKELIHOOD)),
                    LevinaBickel.estimate(t),
                    Gride.estimate(t, 4, 8)};
                for (int q = 0; q < e.length; q++) {
                    if (e[q].dimension().covers(d)) {
                        covered[q]++;
                    }
                }
                trials++;
            }
        }
        for (int q = 0; q < names.length; q++) {
            assertTrue(covered[q] >= 68, names[q] + " covered the truth in " + covered[q] + " of " + trials);
        }
    }
}
