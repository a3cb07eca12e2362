package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kspec laws} end to end: the JSON contract, files, the theory comparison, exit codes. */
class KspecLawsTest {

    /** The law of the test table: L = 1.8 + 480/N^0.35 + 2100/D^0.37. */
    private static final double ALPHA = 0.35;
    private static final double BETA = 0.37;

    @TempDir
    Path dir;

    /** A noiseless 6 × 6 grid of runs (N over 10⁷..10¹⁰, D over 10⁹..10¹²), plus one run of {@code extraLoss}. */
    private Path table(String name, String extraRow) throws IOException {
        StringBuilder sb = new StringBuilder("model_size,tokens,loss\n");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double n = 1e7 * Math.pow(1e3, i / 5.0);
                double d = 1e9 * Math.pow(1e3, j / 5.0);
                double loss = 1.8 + 480 / Math.pow(n, ALPHA) + 2100 / Math.pow(d, BETA);
                sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", n, d, loss));
            }
        }
        sb.append(extraRow);
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void jsonContractPlotsCsvAndComparison() throws IOException {
        // one outlier run of high loss: --drop-top 1 removes it and the law is recovered exactly
        Path runs = table("runs.csv", "3e8,3e10,9.5\n");
        Path predicted = Files.writeString(dir.resolve("dynamics.json"), "{\"exponents\": {\"computeWidth\": "
                + "{\"value\": 0.5, \"ci95\": [0.45, 0.55]}, \"computeLoss\": {\"value\": -0.18, \"ci95\": [-0.2, -0.16]}}}");
        Path json = dir.resolve("laws.json");
        Path csv = dir.resolve("residuals.csv");
        Path plots = Files.createDirectory(dir.resolve("plots"));
        CliRun run = CliRun.of("laws", "--runs", runs.toString(), "--drop-top", "1", "--bootstrap", "20", "--seed", "3",
                "--predicted-exponents", predicted.toString(), "--json", json.toString(), "--csv", csv.toString(),
                "--plots", plots.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            assertTrue(r.path("fit").path(p).path("value").isNumber(), p);
            assertEquals(2, r.path("fit").path(p).path("ci95").size(), p);
        }
        assertEquals(ALPHA, r.path("fit").path("alpha").path("value").asDouble(), 1e-5);
        assertEquals(BETA, r.path("fit").path("beta").path("value").asDouble(), 1e-5);
        assertEquals(1.8, r.path("fit").path("E").path("value").asDouble(), 1e-4);
        assertEquals(BETA / (ALPHA + BETA), r.path("frontier").path("a").path("value").asDouble(), 1e-5);
        assertEquals(2, r.path("frontier").path("a").path("ci95").size());
        assertEquals(1, r.path("dropped").size());
        assertEquals(9.5, r.path("dropped").get(0).path("loss").asDouble());
        assertTrue(r.path("withoutDropping").path("fit").path("alpha").path("value").isNumber());
        assertEquals(4500, r.path("optimizer").path("starts").asInt());
        JsonNode verdicts = r.path("comparison").path("verdicts");
        assertEquals(2, verdicts.size());
        // fitted a = 0.5139 against 0.5 ± 0.05: consistent; fitted αβ/(α+β) = 0.1799 against |−0.18|: consistent
        assertEquals("consistent", verdicts.get(0).path("verdict").asText());
        assertEquals("consistent", verdicts.get(1).path("verdict").asText());
        assertTrue(r.path("comparison").path("caveat").asText().contains("width x training time"));
        assertTrue(Files.size(plots.resolve("surface.png")) > 0 && Files.size(plots.resolve("residuals.png")) > 0);
        assertEquals(37, Files.readAllLines(csv).size()); // header + 36 fitted runs
        assertTrue(run.out().contains("rounding") && run.out().contains("resample whole runs"), run.out());
    }

    @Test
    void badInputGetsOneLineAndTheRightExitCode() throws IOException {
        Path runs = table("runs.csv", "");
        CliRun form = CliRun.of("laws", "--runs", runs.toString(), "--form", "kaplan-x");
        assertEquals(2, form.code());
        assertTrue(form.err().contains("unknown law form 'kaplan-x'"), form.err());

        CliRun negative = CliRun.of("laws", "--runs", table("neg.csv", "3e8,3e10,-2\n").toString(), "--bootstrap", "0");
        assertEquals(1, negative.code());
        assertTrue(negative.err().contains("line 38") && negative.err().contains("not > 0"), negative.err());
        assertEquals(1, negative.err().strip().lines().count(), negative.err());

        Path oneSize = Files.writeString(dir.resolve("one.csv"), "params,tokens,loss\n1e8,1e9,4\n1e8,2e9,3.8\n1e8,4e9,3.6\n"
                + "1e8,8e9,3.5\n1e8,1.6e10,3.4\n1e8,3.2e10,3.35\n");
        CliRun single = CliRun.of("laws", "--runs", oneSize.toString(), "--bootstrap", "0");
        assertEquals(1, single.code());
        assertTrue(single.err().contains("every run has the same model size"), single.err());

        Path noTokens = Files.writeString(dir.resolve("n.csv"), "params,loss\n1e8,4\n2e8,3.8\n4e8,3.6\n8e8,3.5\n1.6e9,3.4\n3.2e9,3.3\n");
        CliRun missing = CliRun.of("laws", "--runs", noTokens.toString(), "--bootstrap", "0");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no training tokens column") && missing.err().contains("--token-column")
                && !missing.err().contains("RunColumns"), missing.err());

        CliRun approach = CliRun.of("laws", "--runs", runs.toString(), "--approach", "2", "--drop-top", "1");
        assertEquals(2, approach.code());
        CliRun noDir = CliRun.of("laws", "--runs", runs.toString(), "--plots", dir.resolve("absent").toString());
        assertEquals(2, noDir.code());
        assertTrue(noDir.err().contains("is not a directory"), noDir.err());
        CliRun overInput = CliRun.of("laws", "--runs", runs.toString(), "--json", runs.toString());
        assertEquals(2, overInput.code());
        assertTrue(overInput.err().contains("refusing to overwrite"), overInput.err());
    }
}
