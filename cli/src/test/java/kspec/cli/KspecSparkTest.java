package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark MASTER}: the interface contract (the Spark run of {@code kspec spectrum --top K
 * --json} writes the single-box run's JSON, eigenvalues under {@code eigenvalues}), the distributed
 * neighbour search behind {@code kspec dimension}, and the one-line refusals.
 */
class KspecSparkTest {

    @TempDir
    Path dir;

    /**
     * 800 points on S³ in R¹⁰, depth-2 ReLU NTK, top 12 of K/n: local[2] Spark against the single-box
     * matrix-free run. Both are block Krylov solves to the same tolerance on operators whose products
     * agree to round-off, so the eigenvalues agree to 1e-12·λ₁; every key of the single-box JSON is
     * present in the Spark JSON.
     */
    @Test
    void sparkSpectrumWritesTheSingleBoxJson() throws IOException {
        String[] common = {"spectrum", "--data", "sphere:d=3,ambient=10", "--n", "800", "--seed", "2", "--depth", "2",
                "--top", "12"};
        Path local = dir.resolve("local.json");
        Path spark = dir.resolve("spark.json");
        CliRun a = CliRun.of(concat(common, "--matrix-free", "--json", local.toString()));
        CliRun b = CliRun.of(concat(common, "--spark", "local[2]", "--json", spark.toString()));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("path        spark (local[2])"), b.out());
        JsonNode l = new ObjectMapper().readTree(local.toFile());
        JsonNode s = new ObjectMapper().readTree(spark.toFile());
        for (Iterator<String> keys = l.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertTrue(key.equals("matrixFree") || s.has(key), "Spark JSON lacks " + key);
        }
        assertEquals("spark", s.get("path").asText());
        assertEquals(12, s.get("eigenvalues").size());
        double top = l.get("eigenvalues").get(0).asDouble();
        for (int i = 0; i < 12; i++) {
            assertEquals(l.get("eigenvalues").get(i).asDouble(), s.get("eigenvalues").get(i).asDouble(), 1e-12 * top);
        }
        assertTrue(s.get("spark").get("converged").asBoolean());
    }

    /** The distributed search gives the in-process search's table, hence the same estimates to the printed digit. */
    @Test
    void sparkDimensionEqualsTheLocalRun() {
        String[] common = {"dimension", "--data", "sphere:d=4,ambient=12", "--n", "1500", "--seed", "3",
                "--estimator", "twonn,mle,gride"};
        CliRun a = CliRun.of(common);
        CliRun b = CliRun.of(concat(common, "--spark", "local[2]"));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(a.out(), b.out());
    }

    @Test
    void sparkNeedsTopAndDataAndSaysSo() {
        CliRun noTop = CliRun.of("spectrum", "--data", "sphere:d=2", "--n", "100", "--spark", "local[2]");
        assertEquals(2, noTop.code(), "a usage error");
        assertTrue(noTop.err().contains("add --top K"), noTop.err());
        CliRun gram = CliRun.of("spectrum", "--gram", dir.resolve("K.npy").toString(), "--top", "5", "--spark", "local[2]");
        assertEquals(2, gram.code(), "a usage error");
        assertTrue(gram.err().contains("--spark does not apply with --gram"), gram.err());
    }

    @Test
    void missingSparkIsOneLineNamingBothWaysToGetIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkSupport.requireAvailable("org.apache.spark.NoSuchClassAnywhere"));
        assertTrue(e.getMessage().contains("./kspec") && e.getMessage().contains("spark-submit"), e.getMessage());
        assertEquals(e.getMessage(), ErrorMessages.oneLine(e));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
