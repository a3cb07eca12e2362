package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kspec.data.Datasets;
import kspec.data.io.NpyWriter;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kspec} front door: exit codes, one-line errors, and {@code info}'s figures. */
class KspecInfoTest {

    @TempDir
    Path dir;


    /** A 4 × 3 matrix whose figures are computed by hand below; row 3 repeats row 0. */
    private Path smallNpy() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {
                {3, 4, 0},
                {0, 0, 1},
                {-2, 0, 0},
                {3, 4, 0}});
        Path file = dir.resolve("small.npy");
        NpyWriter.write(file, m);
        return file;
    }

    @Test
    void infoReportsHandComputedFiguresAsTextAndJson() throws IOException {
        Path json = dir.resolve("info.json");
        CliRun r = CliRun.of("info", "--data", smallNpy().toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, j.get("n").asInt());
        assertEquals(3, j.get("dim").asInt());
        assertEquals("<f8", j.get("dtype").asText());
        assertEquals(-2.0, j.get("min").asDouble(), 0.0);
        assertEquals(4.0, j.get("max").asDouble(), 0.0);
        // norms 5, 1, 2, 5 -> mean 13/4
        assertEquals(3.25, j.get("meanNorm").asDouble(), 1e-15);
        assertEquals(0, j.get("nonFinite").asLong());
        assertEquals(1, j.get("duplicates").asLong());
        assertTrue(j.get("labels").isNull());
        assertTrue(r.out().contains("duplicates  1"), r.out());
    }

    @Test
    void infoCountsNonFiniteValuesWhileAnalysesRefuseThem() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, Double.NaN}, {Double.POSITIVE_INFINITY, 2}, {0, 1}});
        Path file = dir.resolve("nan.npy");
        NpyWriter.write(file, m);
        CliRun r = CliRun.of("info", "--data", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("non-finite  2"), r.out());

        CliRun refused = CliRun.of("info", "--data", file.toString(), "--center");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("non-finite"), refused.err());
        assertTrue(refused.err().contains("--allow-nonfinite"), refused.err());

        CliRun dropped = CliRun.of("info", "--data", file.toString(), "--center", "--allow-nonfinite", "drop");
        assertEquals(0, dropped.code(), dropped.err());
    }

    @Test
    void defaultDataIsTheBuiltInSphere() {
        CliRun r = CliRun.of("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("n           " + Datasets.DEFAULT_SYNTHETIC_POINTS), r.out());
        assertTrue(r.out().contains("dim         50"), r.out());
        // uniform on the unit sphere, isometrically embedded: every norm is 1
        assertTrue(r.out().contains("mean norm   1.00000"), r.out());
    }

    @Test
    void missingFileIsOneLineAndExitCodeOne() {
        CliRun r = CliRun.of("info", "--data", dir.resolve("nope.npy").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.npy"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("info", "--no-such-option").code());
        assertEquals(2, CliRun.of("info", "--sphere", "cube").code());
        assertEquals(2, CliRun.of("frobnicate").code());
    }

    @Test
    void usageErrorIsOneLineAndAPointerToHelpNotTheHelp() {
        CliRun unknown = CliRun.of("info", "--no-such-option");
        assertEquals(List.of("kspec: usage error: Unknown option: '--no-such-option'", "see 'kspec info --help'"),
                unknown.err().lines().toList());
        CliRun range = CliRun.of("info", "--n", "-5");
        assertEquals(2, range.code());
        assertEquals(List.of("kspec: usage error: --n must be at least 1 (the number of points), got -5",
                "see 'kspec info --help'"), range.err().lines().toList());
        CliRun ignored = CliRun.of("info", "--data", "sphere:d=2", "--labels", "y.npy");
        assertEquals(2, ignored.code());
        assertTrue(ignored.err().startsWith("kspec: usage error: --labels applies to a data file, but --data sphere:d=2 "
                + "is a synthetic manifold"), ignored.err());
    }

    @Test
    void errorsThatAreNotExceptionsAreStillOneLine() {
        assertEquals("the input nests or recurses too deeply for the thread's stack (StackOverflowError); check the "
                + "input, and report it if it is well-formed", ErrorMessages.oneLine(new StackOverflowError()));
        assertTrue(ErrorMessages.oneLine(new OutOfMemoryError("Java heap space")).startsWith("out of memory"));
    }

    @Test
    void jsonOutputNeverOverwritesTheInput() throws IOException {
        Path input = smallNpy();
        byte[] before = Files.readAllBytes(input);
        CliRun r = CliRun.of("info", "--data", input.toString(), "--json", input.toString());
        assertEquals(2, r.code(), "refused as a usage error, before reading");
        assertTrue(r.err().contains("is an input of this run"), r.err());
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), input);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        for (Path spelling : List.of(link, sub.resolve("../" + input.getFileName()))) {
            CliRun other = CliRun.of("info", "--data", input.toString(), "--json", spelling.toString());
            assertEquals(2, other.code(), spelling.toString());
        }
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(input)));
    }

    @Test
    void versionAndHelpSucceed() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("kspec "), v.out());
        CliRun h = CliRun.of("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("info"), h.out());
    }
}
