package kspec.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactness of the samplers (closed-form constraints), their moments (Monte-Carlo checks at
 * {@value #SE} standard errors, the standard error derived from the sample count in each test), and
 * the isometry of the embedding.
 */
class SyntheticManifoldsTest {

    /** Monte-Carlo tolerance in standard errors; a false alarm per check has probability ~6e-7. */
    private static final double SE = 5.0;
    /** Rounding of a handful of float64 operations on O(1) numbers. */
    private static final double EXACT_TOL = 1e-15;
    /** Relative error allowed on distances and orthonormality after a matrix product. */
    private static final double ISOMETRY_TOL = 1e-12;
    private static final int N_MC = 20_000;

    @Test
    void spherePointsHaveUnitNormAndUniformSecondMoments() {
        int d = 3;
        int m = d + 1;
        DMatrixRMaj y = SyntheticManifolds.sampleNative(SyntheticSpec.parse("sphere:d=3"), N_MC, 11);
        double[] second = new double[m];
        for (int i = 0; i < N_MC; i++) {
            double sumSq = 0;
            for (int j = 0; j < m; j++) {
                double v = y.get(i, j);
                sumSq += v * v;
                second[j] += v * v / N_MC;
            }
            assertEquals(1.0, Math.sqrt(sumSq), EXACT_TOL);
        }
        // uniform on S^(m-1): E[x_j^2] = 1/m, E[x_j^4] = 3/(m(m+2))
        double var = 3.0 / (m * (m + 2.0)) - 1.0 / (m * (double) m);
        for (int j = 0; j < m; j++) {
            assertEquals(1.0 / m, second[j], SE * Math.sqrt(var / N_MC));
        }
    }

    @Test
    void cubeIsUniformOnUnitInterval() {
        int d = 4;
        DMatrixRMaj y = SyntheticManifolds.sampleNative(SyntheticSpec.parse("cube:d=4"), N_MC, 12);
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < N_MC; i++) {
                double v = y.get(i, j);
                assertTrue(v >= 0 && v <= 1, "coordinate outside [0,1]: " + v);
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / N_MC;
            double variance = sumSq / N_MC - mean * mean;
            // U[0,1]: mean 1/2 (SE sqrt(1/12/N)), variance 1/12 (SE sqrt((mu4 - sigma^4)/N) = sqrt(1/(180 N)))
            assertEquals(0.5, mean, SE * Math.sqrt(1.0 / 12 / N_MC));
            assertEquals(1.0 / 12, variance, SE * Math.sqrt(1.0 / (180.0 * N_MC)));
        }
    }

    @Test
    void gaussianCovarianceIsIdentity() {
        int d = 3;
        DMatrixRMaj y = SyntheticManifolds.sampleNative(SyntheticSpec.parse("gaussian:d=3"), N_MC, 13);
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(1.0 / N_MC, y, y, cov);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                // second moments of N(0,1): Var(x^2) = 2, Var(x y) = 1
                double se = Math.sqrt((a == b ? 2.0 : 1.0) / N_MC);
                assertEquals(a == b ? 1.0 : 0.0, cov.get(a, b), SE * se, "cov(" + a + "," + b + ")");
            }
        }
    }

    @Test
    void torusCirclesHaveRadiusOneOverTwoPiAndDistancesWrapAround() {
        int d = 2;
        int n = 500;
        DMatrixRMaj y = SyntheticManifolds.sampleNative(SyntheticSpec.parse("torus:d=2"), n, 14);
        double r = 1.0 / (2 * Math.PI);
        double[][] u = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(r, Math.hypot(y.get(i, 2 * j), y.get(i, 2 * j + 1)), EXACT_TOL);
                u[i][j] = angle(y, i, j);
            }
        }
        // chord distance of the flat torus R^d/Z^d: |dx|^2 = sum_j (2r sin(pi delta_j))^2, delta_j the wrapped |du_j|
        for (int a = 0; a < n; a += 7) {
            for (int b = 0; b < n; b++) {
                double expected = 0;
                for (int j = 0; j < d; j++) {
                    double du = Math.abs(u[a][j] - u[b][j]);
                    double delta = Math.min(du, 1 - du);
                    expected += Math.pow(2 * r * Math.sin(Math.PI * delta), 2);
                }
                assertEquals(Math.sqrt(expected), distance(y, a, b), 1e-14);
            }
        }
        // the points with the smallest and largest first angle are neighbours across u = 0 ≡ 1
        DMatrixRMaj circle = SyntheticManifolds.sampleNative(SyntheticSpec.parse("torus:d=1"), n, 15);
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            double ui = angle(circle, i, 0);
            lo = ui < angle(circle, lo, 0) ? i : lo;
            hi = ui > angle(circle, hi, 0) ? i : hi;
        }
        double gap = 1 - angle(circle, hi, 0) + angle(circle, lo, 0);
        assertTrue(angle(circle, hi, 0) - angle(circle, lo, 0) > 0.9, "angles should span almost [0,1)");
        assertEquals(2 * r * Math.sin(Math.PI * gap), distance(circle, lo, hi), 1e-14);
        assertTrue(distance(circle, lo, hi) < 0.05, "wrap-around neighbours are close: " + distance(circle, lo, hi));
    }

    @Test
    void swissRollFollowsScikitLearnParametrisation() {
        DMatrixRMaj y = SyntheticManifolds.sampleNative(SyntheticSpec.parse("swissroll"), N_MC, 16);
        double sumT = 0;
        double sumT2 = 0;
        for (int i = 0; i < N_MC; i++) {
            double x = y.get(i, 0);
            double h = y.get(i, 1);
            double z = y.get(i, 2);
            double t = Math.hypot(x, z);
            assertTrue(t >= 1.5 * Math.PI - 1e-12 && t <= 4.5 * Math.PI + 1e-12, "t outside [1.5pi, 4.5pi]: " + t);
            assertTrue(h >= 0 && h <= 21, "height outside [0, 21]: " + h);
            // x = t cos t, z = t sin t
            assertEquals(Math.cos(t), x / t, 1e-12);
            assertEquals(Math.sin(t), z / t, 1e-12);
            sumT += t;
            sumT2 += t * t;
        }
        // t = 1.5 pi (1 + 2u): uniform on [1.5pi, 4.5pi], mean 3pi, variance (3pi)^2/12
        double varT = Math.pow(3 * Math.PI, 2) / 12;
        double mean = sumT / N_MC;
        assertEquals(3 * Math.PI, mean, SE * Math.sqrt(varT / N_MC));
        assertEquals(varT, sumT2 / N_MC - mean * mean, SE * Math.sqrt(varT * varT * 0.8 / N_MC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere:d=3,ambient=40", "cube:d=5,ambient=12", "torus:d=2,ambient=9",
        "swissroll:ambient=10", "gaussian:d=4,ambient=30"})
    void embeddingPreservesAllPairwiseDistances(String text) {
        SyntheticSpec spec = SyntheticSpec.parse(text);
        int n = 150;
        Dataset embedded = SyntheticManifolds.sample(spec, n, 17);
        DMatrixRMaj y = SyntheticManifolds.sampleNative(spec, n, 17);
        assertEquals(spec.ambient(), embedded.dim());
        assertEquals(spec.nativeDimension(), y.numCols);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double dn = distance(y, a, b);
                assertEquals(dn, distance(embedded.points(), a, b), ISOMETRY_TOL * dn, () -> text);
            }
        }
    }

    @Test
    void nativeAmbientMeansNativeCoordinates() {
        SyntheticSpec spec = SyntheticSpec.parse("cube:d=3");
        Dataset data = SyntheticManifolds.sample(spec, 50, 18);
        assertArrayEquals(SyntheticManifolds.sampleNative(spec, 50, 18).data, data.points().data);
        assertTrue(data.provenance().steps().get(0).contains("no embedding"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 7})
    void embeddingColumnsAreOrthonormal(int nativeDim) {
        DMatrixRMaj q = SyntheticManifolds.randomOrthonormalColumns(nativeDim, 7, new SplittableRandom(19));
        assertEquals(7, q.numRows);
        assertEquals(nativeDim, q.numCols);
        DMatrixRMaj qtq = new DMatrixRMaj(nativeDim, nativeDim);
        CommonOps_DDRM.multTransA(q, q, qtq);
        for (int a = 0; a < nativeDim; a++) {
            for (int b = 0; b < nativeDim; b++) {
                assertEquals(a == b ? 1.0 : 0.0, qtq.get(a, b), ISOMETRY_TOL);
            }
        }
    }

    /**
     * Haar measure is invariant under sign flips, so every entry has mean 0 and variance 1/ambient.
     * Without Mezzadri's sign fix Householder QR gives Q_11 of one sign only, mean ≈ ∓0.5.
     */
    @Test
    void orthonormalColumnsHaveHaarMoments() {
        int ambient = 3;
        int nativeDim = 2;
        int draws = 4000;
        SplittableRandom rng = new SplittableRandom(20);
        double[] mean = new double[ambient * nativeDim];
        double[] second = new double[ambient * nativeDim];
        for (int k = 0; k < draws; k++) {
            double[] q = SyntheticManifolds.randomOrthonormalColumns(nativeDim, ambient, rng).data;
            for (int e = 0; e < q.length; e++) {
                mean[e] += q[e] / draws;
                second[e] += q[e] * q[e] / draws;
            }
        }
        // entries of a uniform unit vector in R^3: E[q^2] = 1/3, E[q^4] = 3/15
        double se = Math.sqrt(1.0 / ambient / draws);
        double seSecond = Math.sqrt((3.0 / 15 - 1.0 / 9) / draws);
        for (int e = 0; e < mean.length; e++) {
            assertEquals(0.0, mean[e], SE * se, "mean of entry " + e);
            assertEquals(1.0 / ambient, second[e], SE * seSecond, "second moment of entry " + e);
        }
    }

    @Test
    void sameSeedIsBitIdenticalAndOtherSeedDiffers() {
        SyntheticSpec spec = SyntheticSpec.parse("sphere:d=4,ambient=20");
        Dataset a = SyntheticManifolds.sample(spec, 100, 21);
        Dataset b = SyntheticManifolds.sample(spec, 100, 21);
        Dataset c = SyntheticManifolds.sample(spec, 100, 22);
        assertArrayEquals(a.points().data, b.points().data);
        assertFalse(Arrays.equals(a.points().data, c.points().data));
    }

    @Test
    void datasetCarriesCanonicalNameAndProvenance() {
        Dataset data = SyntheticManifolds.sample(SyntheticSpec.parse("swiss-roll:ambient=10"), 40, 23);
        assertEquals("swissroll:d=2,ambient=10", data.name());
        assertEquals(40, data.n());
        assertEquals("swissroll:d=2,ambient=10", data.provenance().source());
        assertEquals("synthetic", data.provenance().format());
        assertEquals("float64", data.provenance().dtype());
        assertEquals(List.of("sampled n=40, seed=23, embedded in R^10 by a random orthogonal map"),
                data.provenance().steps());
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException n0 = assertThrows(IllegalArgumentException.class,
                () -> SyntheticManifolds.sample(SyntheticSpec.parse("cube"), 0, 1));
        assertTrue(n0.getMessage().contains("n=0"), n0.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> SyntheticManifolds.sample(SyntheticSpec.parse("cube:d=2,ambient=100000"), 100_000, 1));
        assertTrue(huge.getMessage().contains("lower n or ambient"), huge.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticManifolds.randomOrthonormalColumns(4, 3, new SplittableRandom(1)));
    }

    /** @return u in [0,1) of circle j of torus point i */
    private static double angle(DMatrixRMaj torus, int i, int j) {
        return (Math.atan2(torus.get(i, 2 * j + 1), torus.get(i, 2 * j)) / (2 * Math.PI) + 1.0) % 1.0;
    }

    private static double distance(DMatrixRMaj x, int a, int b) {
        double s = 0;
        for (int j = 0; j < x.numCols; j++) {
            double diff = x.get(a, j) - x.get(b, j);
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
