package kspec.manifold.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import kspec.data.io.NamedDatasets;
import kspec.manifold.knn.NeighborTable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Integration: every estimator and both scale curves on Fashion-MNIST pixels scaled to [0, 1]
 * (the 10,000 test images, to keep the unit suite at n ≤ 10,000; the 60,000 training images are
 * timed in the KnnBenchmark notes). Skipped when the files are not installed, except on CI
 * (env CI=true), where their absence is a failure.
 *
 * <p>Measured with this code: TwoNN (linear) 15.7, TwoNN ML 14.9, harmonic MLE k = 2..4 14.7,
 * GRIDE (4, 8) 13.6, MLE k = 10..20 13.1, correlation dimension 7.2 (3000-point subsample, large
 * radii); GRIDE falls from 14.9 at ranks (1, 2) to 12.5 at (8, 16) and TwoNN from 15.7 to 13.2 under
 * 16-fold decimation: the estimate depends on scale. Pope et al. 2021 (arXiv 2104.08894) report
 * MLE IDs of 7–13 for MNIST at k = 3..20 (an unconfirmed recollection, docs/intrinsic-dimension.md §5).
 */
class FashionMnistDimensionTest {

    private static DMatrixRMaj pixelsInUnitInterval() {
        boolean installed = Files.isRegularFile(NamedDatasets.DEBIAN_DIR.resolve("t10k-images-idx3-ubyte.gz"))
                || System.getenv(NamedDatasets.DIR_VARIABLE) != null;
        Assumptions.assumeTrue(installed || "true".equals(System.getenv("CI")),
                "Fashion-MNIST not installed in " + NamedDatasets.DEBIAN_DIR);
        DMatrixRMaj x = NamedDatasets.load("fashion-mnist:test").points().copy();
        CommonOps_DDRM.scale(1 / 255.0, x);
        return x;
    }

    @Test
    void allEstimatorsReportAValueWithAnIntervalAndTwoNnAgreesWithTheHarmonicMle() {
        DMatrixRMaj x = pixelsInUnitInterval();
        IntrinsicDimension.Options options = IntrinsicDimension.Options.defaults();
        NeighborTable table = IntrinsicDimension.neighbours(x, options);
        List<IdEstimate> all = IntrinsicDimension.fromTable(x, table, options);
        assertEquals(4, all.size());
        for (IdEstimate e : all) {
            assertTrue(e.dimension().value() > 3 && e.dimension().value() < 60, e.toString());
            assertTrue(e.dimension().lo() < e.dimension().value() && e.dimension().value() < e.dimension().hi(),
                    e.toString());
        }
        IdEstimate twoNn = all.get(0);
        IdEstimate mle = all.get(1);
        // both are nearest-neighbour likelihoods at the smallest scales (ranks 1–4); measured 15.7 and 14.7
        assertEquals(mle.dimension().value(), twoNn.dimension().value(), 0.15 * mle.dimension().value(),
                twoNn + " vs " + mle);

        ScaleCurve gride = ScaleCurve.gride(table);
        ScaleCurve decimation = ScaleCurve.twoNnDecimation(x, table, 1000, TwoNn.Options.defaults(), 1);
        assertEquals(4, gride.estimates().size()); // ranks (1,2), (2,4), (4,8), (8,16) fit in k = 20
        assertEquals(4, decimation.estimates().size()); // 10,000, 5,000, 2,500, 1,250
        for (ScaleCurve c : List.of(gride, decimation)) {
            List<IdEstimate> e = c.estimates();
            for (int j = 1; j < e.size(); j++) {
                assertTrue(e.get(j).scale() > e.get(j - 1).scale(), c.method() + " scales ascend");
            }
            // on image data the estimate falls with scale (measured: 14.9 → 12.5 and 15.7 → 13.2)
            assertTrue(e.get(e.size() - 1).dimension().value() < e.get(0).dimension().value(), c.toString());
        }
    }
}
