package kspec.data.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.data.Provenance;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Each preprocessing step against hand-computed or closed-form results. */
class PreprocessingTest {

    /** Rounding of sums over a few hundred O(10) numbers. */
    private static final double TOL = 1e-12;
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** 4 × 3 with NaN at (1,2), +Inf at (1,0), −Inf at (3,1): 3 non-finite values in rows 1 and 3. */
    private static Dataset withNonFinite() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {INF, 5, NAN}, {7, 8, 9}, {10, -INF, 12}});
        return Dataset.of("fixture", x, Provenance.of("fixture.npy", "npy", "<f8"))
                .withLabels(new int[] {10, 11, 12, 13})
                .withTargets(new DMatrixRMaj(new double[][] {{0.5}, {1.5}, {2.5}, {3.5}}));
    }

    /** Rows whose column 0 is the row index, labels 0 (300 rows), 1 (200), 2 (100) interleaved. */
    private static Dataset labelled600() {
        int n = 600;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            x.set(i, 1, i % 7);
            labels[i] = i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2;
        }
        return Dataset.of("labelled", x, Provenance.of("labelled", "npy", "<f8")).withLabels(labels);
    }

    private static Dataset randomData(int n, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, dim);
        for (int e = 0; e < x.data.length; e++) {
            x.data[e] = 5 + 3 * rng.nextGaussian() + (e % dim);
        }
        return Dataset.of("random", x, Provenance.of("random", "synthetic", "float64"));
    }

    @Test
    void refuseCountsNonFiniteValuesAndRows() {
        DataException e = assertThrows(DataException.class, () -> Preprocessing.none().apply(withNonFinite(), 1));
        assertEquals("data has 3 non-finite values in 2 rows (first at row 1, column 0); "
                + "clean the data, or set Preprocessing.nonFinite to drop their rows or zero them", e.getMessage());
        assertEquals(List.of("Preprocessing.nonFinite"), e.advice().orElseThrow().parameters());
    }

    @Test
    void dropRowsRemovesExactlyTheBadRowsWithLabelsAndTargets() {
        Dataset out = Preprocessing.none().withNonFinite(NonFinitePolicy.DROP_ROWS).apply(withNonFinite(), 1);
        assertArrayEquals(new double[] {1, 2, 3, 7, 8, 9}, out.points().data);
        assertArrayEquals(new int[] {10, 12}, out.labels().orElseThrow());
        assertArrayEquals(new double[] {0.5, 2.5}, out.targets().orElseThrow().data);
        assertEquals(List.of("dropped 2 rows holding 3 non-finite values"), out.provenance().steps());
    }

    @Test
    void zeroReplacesOnlyNonFiniteValues() {
        Dataset in = withNonFinite();
        Dataset out = Preprocessing.none().withNonFinite(NonFinitePolicy.ZERO).apply(in, 1);
        assertArrayEquals(new double[] {1, 2, 3, 0, 5, 0, 7, 8, 9, 10, 0, 12}, out.points().data);
        assertTrue(Double.isNaN(in.points().get(1, 2)), "input must not be modified");
        assertEquals(List.of("set 3 non-finite values in 2 rows to 0"), out.provenance().steps());
    }

    @Test
    void stratifiedSubsetKeepsClassCountsExactlyWhenDivisible() {
        Dataset data = labelled600();
        Dataset out = Preprocessing.none().withStratifiedSubset(300).apply(data, 7);
        int[] counts = new int[3];
        int[] labels = out.labels().orElseThrow();
        int[] original = data.labels().orElseThrow();
        for (int i = 0; i < out.n(); i++) {
            counts[labels[i]]++;
            // the label still belongs to its row: column 0 holds the original row index
            assertEquals(original[(int) out.points().get(i, 0)], labels[i]);
            if (i > 0) {
                assertTrue(out.points().get(i, 0) > out.points().get(i - 1, 0), "rows keep original order, no repeats");
            }
        }
        // 300 of 600 with classes 300/200/100 -> exactly 150/100/50
        assertArrayEquals(new int[] {150, 100, 50}, counts);
        assertEquals(List.of("subset n=300 of 600, stratified, seed=7"), out.provenance().steps());
    }

    @Test
    void stratifiedSubsetUsesLargestRemainders() {
        // classes of 5, 4, 1 rows, keep 3: shares 1.5, 1.2, 0.3 -> floors 1, 1, 0; the spare row goes to
        // the largest remainder (class 0) -> 2, 1, 0
        int[] labels = {0, 1, 0, 1, 0, 2, 1, 0, 1, 0};
        int[] picked = RowSubsets.stratified(labels, 3, new SplittableRandom(3));
        int[] counts = new int[3];
        for (int row : picked) {
            counts[labels[row]]++;
        }
        assertArrayEquals(new int[] {2, 1, 0}, counts);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        Preprocessing p = Preprocessing.none().withSubset(50);
        Dataset data = labelled600();
        assertArrayEquals(p.apply(data, 3).points().data, p.apply(data, 3).points().data);
        assertFalse(Arrays.equals(p.apply(data, 3).points().data, p.apply(data, 4).points().data));
    }

    /** Each row is kept with probability m/N; frequencies over seeds within 5 binomial standard errors. */
    @Test
    void uniformSubsetIncludesEveryRowWithProbabilityMOverN() {
        int rows = 20;
        int m = 5;
        int draws = 4000;
        double[] freq = new double[rows];
        for (int s = 0; s < draws; s++) {
            for (int r : RowSubsets.uniform(rows, m, new SplittableRandom(s))) {
                freq[r] += 1.0 / draws;
            }
        }
        double p = (double) m / rows;
        for (int r = 0; r < rows; r++) {
            assertEquals(p, freq[r], 5 * Math.sqrt(p * (1 - p) / draws), "row " + r);
        }
    }

    @Test
    void centeringGivesZeroColumnMeans() {
        Dataset out = Preprocessing.none().withCenter(true).apply(randomData(300, 4, 5), 0);
        for (int j = 0; j < 4; j++) {
            assertEquals(0.0, columnMoment(out.points(), j, 1), TOL);
        }
        assertEquals(List.of("center: subtracted column means"), out.provenance().steps());
    }

    @Test
    void standardizeGivesUnitVarianceAndZerosConstantColumns() {
        Dataset data = randomData(300, 4, 6);
        DMatrixRMaj x = data.points().copy();
        for (int i = 0; i < x.numRows; i++) {
            x.set(i, 2, 3.25);
        }
        Dataset out = Preprocessing.none().withStandardize(true).apply(data.withPoints(x, "col 2 constant"), 0);
        for (int j = 0; j < 4; j++) {
            assertEquals(0.0, columnMoment(out.points(), j, 1), TOL);
            assertEquals(j == 2 ? 0.0 : 1.0, columnMoment(out.points(), j, 2), TOL);
        }
        assertEquals("standardize: subtracted column means, divided by population std, 1 constant column(s) set to 0",
                out.provenance().steps().get(1));
    }

    @Test
    void sphereProjectionsGiveTheStatedNorms() {
        Dataset data = randomData(50, 6, 8);
        Dataset unit = Preprocessing.none().withSphere(SphereProjection.UNIT).apply(data, 0);
        Dataset nt = Preprocessing.none().withSphere(SphereProjection.SQRT_DIM).apply(data, 0);
        for (int i = 0; i < 50; i++) {
            double[] x = data.row(i);
            double[] u = unit.row(i);
            double[] v = nt.row(i);
            assertEquals(1.0, dot(u, u), TOL);
            assertEquals(6.0, dot(v, v), TOL);
            // same direction: v = sqrt(6) u and u = x/|x|
            assertEquals(Math.sqrt(6), dot(u, v), TOL);
            assertEquals(Math.sqrt(dot(x, x)), dot(x, u), TOL * dot(x, x));
        }
    }

    @Test
    void zeroRowCannotBeProjected() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {0, 0}, {3, 4}});
        Dataset data = Dataset.of("z", x, Provenance.of("z", "csv", "float64"));
        DataException e = assertThrows(DataException.class,
                () -> Preprocessing.none().withSphere(SphereProjection.UNIT).apply(data, 0));
        assertTrue(e.getMessage().startsWith("row 1 of z has zero norm and cannot be projected"), e.getMessage());
    }

    @Test
    void subsetProblemsAreDataExceptions() {
        Dataset unlabelled = randomData(10, 2, 9);
        DataException noLabels = assertThrows(DataException.class,
                () -> Preprocessing.none().withStratifiedSubset(5).apply(unlabelled, 0));
        assertTrue(noLabels.getMessage().contains("needs labels"), noLabels.getMessage());
        DataException tooMany = assertThrows(DataException.class,
                () -> Preprocessing.none().withSubset(11).apply(unlabelled, 0));
        assertTrue(tooMany.getMessage().contains("subset n=11 exceeds the 10 rows"), tooMany.getMessage());
    }

    @Test
    void stepsAreAppliedAndRecordedInTheDocumentedOrder() {
        Dataset data = withNonFinite();
        Preprocessing p = Preprocessing.none().withNonFinite(NonFinitePolicy.DROP_ROWS).withSubset(1)
                .withScale(0.5).withCenter(true).withSphere(SphereProjection.NONE);
        Dataset out = p.apply(data, 11);
        assertEquals(List.of("dropped 2 rows holding 3 non-finite values", "subset n=1 of 2, uniform, seed=11",
                "scale by 0.5", "center: subtracted column means"), out.provenance().steps());
        // one row left, centered -> all zero; the scale acted on the kept row before centering
        assertArrayEquals(new double[] {0, 0, 0}, out.points().data);
        assertEquals(List.of("non-finite values: drop their rows", "subset n=1, uniform", "scale by 0.5",
                "center columns"), p.describe());
    }

    @Test
    void scaleMultipliesAndLeavesInputUntouched() {
        Dataset data = randomData(5, 3, 10);
        double[] before = data.points().data.clone();
        Dataset out = Preprocessing.none().withScale(1.0 / 255).apply(data, 0);
        for (int e = 0; e < before.length; e++) {
            assertEquals(before[e] / 255, out.points().data[e], TOL * Math.abs(before[e]));
        }
        assertArrayEquals(before, data.points().data);
    }

    @Test
    void noStepLeavesDataAsIsAndBadOptionsAreRejected() {
        Dataset data = randomData(5, 3, 11);
        assertSame(data, Preprocessing.none().apply(data, 0));
        assertEquals(List.of("non-finite values: refuse"), Preprocessing.none().describe());
        assertThrows(IllegalArgumentException.class,
                () -> new Preprocessing(null, true, null, false, false, SphereProjection.NONE, NonFinitePolicy.REFUSE));
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.none().withScale(0));
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.none().withSubset(0));
        assertEquals(NonFinitePolicy.DROP_ROWS, NonFinitePolicy.parse("drop"));
        assertEquals(SphereProjection.SQRT_DIM, SphereProjection.parse("sqrt-dim"));
        assertThrows(IllegalArgumentException.class, () -> NonFinitePolicy.parse("ignore"));
    }

    /** @return (1/n) Σ_i x_ij^power */
    private static double columnMoment(DMatrixRMaj x, int j, int power) {
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += Math.pow(x.get(i, j), power);
        }
        return s / x.numRows;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
