package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Sizes;
import kspec.dynamics.theory.FinalLosses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kspec dynamics} end to end: the JSON contract (exponents.* with value and ci95, finalLoss
 * over the --widths × --sizes grid), the closed-form exponents of synthetic power laws, the outputs,
 * and one-line errors with exit 2 (usage) or 1 (a model that cannot be trained).
 */
class KspecDynamicsTest {

    @TempDir
    Path dir;

    @Test
    void syntheticRunWritesTheJsonContract() throws IOException {
        Path json = dir.resolve("d.json");
        Path csv = dir.resolve("d.csv");
        CliRun run = CliRun.of("dynamics", "--a", "2", "--b", "1.5", "--modes", "1500", "--widths", "16,64", "--sizes", "32:128",
                "--times", "1:64", "--budget", "100:800", "--json", json.toString(), "--csv", csv.toString(), "--plots", dir.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // (a, b) = (2, 1.5): time (a-1)/b, width = data = min(a-1, 2b) = 1, compute (a-1)m/(a-1+bm) = 0.4, P* 1/(1+b) = 0.4
        double[][] expected = {{2 / 3.0}, {1}, {1}, {0.4}, {0.4}};
        String[] names = {"time", "width", "data", "computeLoss", "computeWidth"};
        for (int i = 0; i < names.length; i++) {
            JsonNode e = root.path("exponents").path(names[i]);
            assertEquals(expected[i][0], e.path("value").asDouble(), 1e-12, names[i]);
            assertEquals(expected[i][0], e.path("ci95").get(0).asDouble(), 1e-12, names[i]);
            assertEquals(expected[i][0], e.path("ci95").get(1).asDouble(), 1e-12, names[i]);
        }
        JsonNode finals = root.path("finalLoss");
        assertEquals(2 * 3, finals.size());
        ModeSpectrum spectrum = ModeSpectrum.powerLaw(2, 1.5, 1500);
        for (JsonNode f : finals) {
            double p = f.path("width").asDouble();
            double d = f.path("data").asDouble();
            var losses = FinalLosses.of(spectrum, Sizes.of(p, d));
            assertEquals(losses.test(), f.path("test").asDouble(), 1e-12 * losses.test(), "P=" + p + " D=" + d);
            assertEquals(losses.train(), f.path("train").asDouble(), 1e-12 * losses.test(), "P=" + p + " D=" + d);
        }
        assertEquals(2, root.path("curves").size());
        assertEquals(7, root.path("curves").get(0).path("test").size());
        assertTrue(Files.readAllLines(csv).size() == 1 + 2 * 7);
        for (String png : new String[] {"loss_vs_time.png", "final_loss.png", "compute_frontier.png"}) {
            assertTrue(Files.size(dir.resolve(png)) > 1000, png);
        }
        assertTrue(run.out().contains("computeLoss"), run.out());
    }

    /** A run that fails after its outputs were declared leaves none of them. */
    @Test
    void aFailedRunLeavesNoOutput() throws IOException {
        Path json = dir.resolve("failed.json");
        CliRun run = CliRun.of("dynamics", "--a", "2", "--b", "1", "--modes", "500", "--widths", "16,32", "--sizes", "16",
                "--optimizer", "gd", "--lr", "5", "--times", "10", "--json", json.toString(), "--plots", dir.toString());
        assertEquals(1, run.code(), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no output or temporary file may be left");
        }
    }

    @Test
    void interpolationPeakIsNullWithANote() throws IOException {
        Path json = dir.resolve("peak.json");
        CliRun run = CliRun.of("dynamics", "--a", "1.5", "--b", "1.25", "--modes", "1000", "--widths", "32,64", "--sizes", "32",
                "--times", "4", "--budget", "100:200", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode first = new ObjectMapper().readTree(json.toFile()).path("finalLoss").get(0);
        assertTrue(first.path("test").isNull());
        assertTrue(first.path("note").asText().contains("peak"));
    }

    /** A data set's spectrum: the exponents carry non-degenerate intervals propagated from the fits. */
    @Test
    void dataRunPropagatesTheFitIntervals() throws IOException {
        Path json = dir.resolve("data.json");
        CliRun run = CliRun.of("dynamics", "--data", "sphere:d=3,ambient=8", "--n", "400", "--widths", "8,16,32", "--sizes", "8,16",
                "--times", "1:16", "--budget", "50:200", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("data", root.path("input").path("kind").asText());
        JsonNode time = root.path("exponents").path("time");
        assertTrue(time.path("ci95").get(0).asDouble() < time.path("ci95").get(1).asDouble(), time.toString());
        assertEquals(3 * 2, root.path("finalLoss").size());
    }

    @Test
    void badInputIsOneLineWithTheRightExitCode() {
        CliRun missing = CliRun.of("dynamics", "--a", "2");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--b"), missing.err());
        CliRun both = CliRun.of("dynamics", "--a", "2", "--b", "1", "--data", "sphere:d=2");
        assertEquals(2, both.code());
        CliRun tooWide = CliRun.of("dynamics", "--a", "2", "--b", "1", "--modes", "100", "--widths", "16:256");
        assertEquals(2, tooWide.code());
        assertTrue(tooWide.err().contains("raise --modes"), tooWide.err());
        assertEquals(2, CliRun.of("dynamics", "--a", "2", "--b", "1", "--optimizer", "adam").code());
        assertEquals(2, CliRun.of("dynamics", "--a", "0.5", "--b", "1").code());
        assertEquals(2, CliRun.of("dynamics", "--a", "2", "--b", "1", "--lr", "0.1").code());
        // options the run would ignore are refused
        CliRun kind = CliRun.of("dynamics", "--a", "2", "--b", "1", "--kind", "nngp");
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("--kind does not apply"), kind.err());
        assertEquals(2, CliRun.of("dynamics", "--a", "2", "--b", "1", "--optimizer", "gd", "--momentum", "0.5").code());
        assertEquals(2, CliRun.of("dynamics", "--data", "sphere:d=2", "--modes", "100").code());
        assertEquals(2, CliRun.of("dynamics", "--a", "2", "--b", "1", "--simulate", "-1").code());
        CliRun unstable = CliRun.of("dynamics", "--a", "2", "--b", "1", "--modes", "500", "--widths", "16,32", "--sizes", "16",
                "--optimizer", "gd", "--lr", "5", "--times", "10");
        assertEquals(1, unstable.code(), unstable.out());
        assertTrue(unstable.err().contains("learning rate"), unstable.err());
        assertFalse(unstable.err().strip().contains("\n"), unstable.err());
        assertFalse(unstable.err().contains("Exception"), unstable.err());
    }
}
