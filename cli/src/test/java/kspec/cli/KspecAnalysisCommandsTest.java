package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kspec.data.io.NpyWriter;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spectrum}, {@code dimension} and {@code duality} end to end: exit codes, JSON keys, known answers. */
class KspecAnalysisCommandsTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter sink = new StringWriter();
        return Kspec.execute(args, new PrintWriter(sink, true), new PrintWriter(sink, true));
    }

    private static JsonNode read(Path json) throws IOException {
        return new ObjectMapper().readTree(json.toFile());
    }

    /**
     * A Gram matrix with prescribed eigenvalues λ_i = n·i^−1.5 (so K/n has i^−1.5, αK = 0.5), built
     * as Q diag(λ) Qᵀ with Q a product of Householder reflections: --gram must recover the spectrum and
     * the exponent.
     */
    @Test
    void spectrumOfAPrecomputedGramRecoversItsPrescribedExponent() throws IOException {
        int n = 400;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            k.set(i, i, n * Math.pow(i + 1, -1.5));
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int r = 0; r < 3; r++) {
            double[] v = rng.doubles(n, -1, 1).toArray();
            double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            reflect(k, v, norm);
        }
        Path gram = dir.resolve("K.npy");
        NpyWriter.write(gram, k);
        Path json = dir.resolve("s.json");
        Path csv = dir.resolve("eig.csv");
        Path png = dir.resolve("s.png");
        assertEquals(0, run("spectrum", "--gram", gram.toString(), "--json", json.toString(), "--csv", csv.toString(),
                "--plot", png.toString()));
        JsonNode j = read(json);
        assertEquals(n, j.get("n").asInt());
        assertEquals("per_point", j.get("normalization").asText());
        assertEquals(1.0, j.get("eigenvalues").get(0).asDouble(), 1e-10);
        assertEquals(Math.pow(10, -1.5), j.get("eigenvalues").get(9).asDouble(), 1e-12);
        assertEquals(0.5, j.get("fit").get("alpha").asDouble(), 1e-6);
        assertTrue(j.get("fit").get("powerLaw").asBoolean());
        for (String key : List.of("slope", "ci95", "window", "r2", "method", "reason")) {
            assertTrue(j.get("fit").has(key), key);
        }
        assertTrue(j.has("mleFit") && j.has("backend") && j.has("negativeCount"));
        assertEquals(n + 1, Files.readAllLines(csv).size());
        assertTrue(Files.size(png) > 1000);
    }

    /** K ← H K H with the Householder reflection H = I − 2vvᵀ/‖v‖²: an orthogonal similarity. */
    private static void reflect(DMatrixRMaj k, double[] v, double norm) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, (i == j ? 1 : 0) - 2 * v[i] * v[j]);
            }
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(h, k, tmp);
        CommonOps_DDRM.mult(tmp, h, k);
    }

    /** Uniform points in a 3-cube embedded in R^30: every estimator near 3 (TwoNN bias at d = 3 is small, docs/intrinsic-dimension.md §4). */
    @Test
    void dimensionOfAnEmbeddedCube() throws IOException {
        Path json = dir.resolve("id.json");
        assertEquals(0, run("dimension", "--data", "cube:d=3,ambient=30", "--n", "3000", "--json", json.toString()));
        JsonNode j = read(json);
        assertEquals(3000, j.get("n").asInt());
        assertEquals(30, j.get("ambientDim").asInt());
        assertEquals(4, j.get("estimates").size());
        for (JsonNode e : j.get("estimates")) {
            assertEquals(3.0, e.get("dimension").asDouble(), 0.35, e.toString());
            assertTrue(e.has("stderr") && e.has("ci95") && e.has("scale") && e.has("params") && e.has("dropped"));
        }
        assertEquals(4.0 / j.get("estimates").get(0).get("dimension").asDouble(), j.get("predictedAlphaD").asDouble(), 1e-12);
    }

    @Test
    void dualityWritesTheReportKeys() throws IOException {
        Path json = dir.resolve("d.json");
        Path md = dir.resolve("d.md");
        Path plots = Files.createDirectory(dir.resolve("plots"));
        assertEquals(0, run("duality", "--data", "sphere:d=2", "--n", "900", "--test", "200", "--sizes", "16:256",
                "--widths", "4:64", "--seeds", "3", "--json", json.toString(), "--report", md.toString(), "--plots", plots.toString()));
        JsonNode j = read(json);
        for (String key : List.of("alphaK", "alphaD", "alphaP", "taskExponent", "predictedAlpha", "intrinsicDimension",
                "fourOverD", "verdicts", "assumptions")) {
            assertTrue(j.has(key), key);
        }
        for (String key : List.of("value", "ci95", "window")) {
            assertTrue(j.get("alphaD").has(key), key);
        }
        JsonNode verdict = j.get("verdicts").get(0);
        assertTrue(verdict.has("pair") && verdict.has("consistent") && verdict.has("difference") && verdict.has("ci95"));
        assertTrue(Files.readString(md).contains("| alphaD~alphaK |"));
        assertTrue(Files.exists(plots.resolve("duality.png")) && Files.exists(plots.resolve("spectrum.png")));
    }

    @Test
    void fewerThanFourSizesIsAUsageProblemWithTheFix() {
        StringWriter err = new StringWriter();
        int code = Kspec.execute(new String[] {"duality", "--sizes", "16:64"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().contains("at least 4 training-set sizes"), err.toString());
    }

    /** A GP teacher with the NNGP on S²: the data-axis exponent is near 3/(d_in − 1) = 1.5 (SphereSpectrumTest: 1.4–1.7 pre-asymptotically). */
    @Test
    void curveOnTheDataAxisFitsAnExponent() throws IOException {
        Path json = dir.resolve("c.json");
        assertEquals(0, run("curve", "--data", "sphere:d=2", "--n", "900", "--test", "300", "--sizes", "16:256", "--seeds", "3",
                "--json", json.toString()));
        JsonNode fit = read(json).get("fit");
        assertEquals(1.5, fit.get("value").asDouble(), 0.3);
        assertEquals(2, fit.get("ci95").size());
    }

    @Test
    void curveSizesBeyondThePoolAreRefused() {
        StringWriter err = new StringWriter();
        int code = Kspec.execute(new String[] {"curve", "--data", "sphere:d=2", "--n", "300", "--test", "100", "--sizes", "16:512"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().contains("exceeds the training pool of 200"), err.toString());
    }

    @Test
    void benchMeasuresEveryStageAndExtrapolates() throws IOException {
        Path json = dir.resolve("b.json");
        assertEquals(0, run("bench", "--sizes", "100:400", "--dim", "20", "--predict", "1000", "--json", json.toString()));
        JsonNode j = read(json);
        assertEquals(12, j.get("measurements").size());
        for (String stage : List.of("kernel", "eigen", "knn", "curve")) {
            assertTrue(j.get("fits").get(stage).has("timeExponent"), stage);
            assertTrue(j.get("fits").get(stage).get("predictedSeconds").asDouble() > 0, stage);
        }
    }
}
