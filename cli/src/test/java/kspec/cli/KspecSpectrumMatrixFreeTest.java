package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kspec spectrum --matrix-free}: the same top K as the dense path, the path report, and the refused combinations. */
class KspecSpectrumMatrixFreeTest {

    @TempDir
    Path dir;


    /**
     * 300 points in R³ with a real target y = sin(2x₁) + x₂² (CSV): the dense and matrix-free runs of
     * the depth-2 ReLU NTK must report the same top 12 eigenvalues of K/n and the same task-power
     * exponent. Tolerance per eigenvalue: the solver's reported RMS relative residual ρ bounds each
     * Ritz value's distance to an eigenvalue by √k·ρ·λ₁ (symmetric K), plus 1e-12·λ₁ for the dense solve.
     */
    @Test
    void matrixFreeTopKEqualsTheDenseTopKAndSaysSo() throws IOException {
        Path csv = dir.resolve("points.csv");
        SplittableRandom rng = new SplittableRandom(17);
        StringBuilder sb = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 300; i++) {
            double a = rng.nextDouble(-1, 1);
            double b = rng.nextDouble(-1, 1);
            double c = rng.nextDouble(-1, 1);
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", a, b, c, Math.sin(2 * a) + b * b));
        }
        Files.writeString(csv, sb);
        String[] common = {"spectrum", "--data", csv.toString(), "--target-column", "y", "--depth", "2", "--top", "12"};
        Path denseJson = dir.resolve("dense.json");
        Path freeJson = dir.resolve("free.json");
        CliRun dense = CliRun.of(concat(common, "--json", denseJson.toString()));
        CliRun free = CliRun.of(concat(common, "--matrix-free", "--json", freeJson.toString()));
        assertEquals(0, dense.code(), dense.err());
        assertEquals(0, free.code(), free.err());
        assertTrue(dense.out().contains("path        dense"), dense.out());
        assertTrue(free.out().contains("path        matrix-free"), free.out());
        JsonNode d = new ObjectMapper().readTree(denseJson.toFile());
        JsonNode f = new ObjectMapper().readTree(freeJson.toFile());
        assertEquals("dense", d.get("path").asText());
        assertEquals("matrix-free", f.get("path").asText());
        assertTrue(f.get("matrixFree").get("converged").asBoolean());
        // 64-row strips (n/16 rounded up to 64): 64·64 + 64·128 + 64·192 + 64·256 + 44·300 entries
        assertEquals(64, f.get("matrixFree").get("tileRows").asInt());
        assertEquals(54_160L, f.get("matrixFree").get("kernelEntriesPerProduct").asLong());
        double lambda1 = d.get("eigenvalues").get(0).asDouble();
        double tol = (Math.sqrt(12) * f.get("residual").asDouble() + 1e-12) * lambda1;
        assertEquals(12, f.get("eigenvalues").size());
        for (int i = 0; i < 12; i++) {
            assertEquals(d.get("eigenvalues").get(i).asDouble(), f.get("eigenvalues").get(i).asDouble(), tol, "λ" + (i + 1));
        }
        assertEquals(d.get("targetPower").get("a").asDouble(), f.get("targetPower").get("a").asDouble(), 1e-6,
                "task-power exponent from the top eigenvectors");
    }

    @Test
    void matrixFreeWithoutTopIsRefusedWithTheFix() {
        CliRun r = CliRun.of("spectrum", "--data", "sphere:d=2", "--n", "100", "--matrix-free");
        assertEquals(2, r.code(), "a usage error");
        assertTrue(r.err().contains("add --top K"), r.err());
    }

    @Test
    void matrixFreeWithAStoredGramIsRefused() {
        CliRun r = CliRun.of("spectrum", "--gram", dir.resolve("K.npy").toString(), "--top", "5", "--matrix-free");
        assertEquals(2, r.code(), "a usage error");
        assertTrue(r.err().contains("--matrix-free does not apply with --gram"), r.err());
    }

    @Test
    void matrixFreeCannotBootstrap() {
        CliRun r = CliRun.of("spectrum", "--data", "sphere:d=2", "--n", "100", "--top", "5", "--matrix-free", "--bootstrap", "50");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("drop --bootstrap"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
