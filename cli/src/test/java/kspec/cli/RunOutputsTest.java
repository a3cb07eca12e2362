package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kspec.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aRunWithOneOutputMissingSavesNoneAndLeavesNoTemporaryFile() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "old\n");
        try (RunOutputs outputs = new RunOutputs(new PrintWriter(new StringWriter()))) {
            Outputs.writeText(outputs.declare("--json", a, true), "{}\n");
            outputs.declare("--csv", b, true); // declared, never written: the run failed before it
            DataException e = assertThrows(DataException.class, outputs::commit);
            assertTrue(e.getMessage().startsWith("--csv " + b + " was not written"), e.getMessage());
        }
        assertEquals(List.of(b), files(), "the old file stays, the written one is not saved, no temporary file");
        assertEquals("old\n", Files.readString(b));
    }

    @Test
    void aCompleteRunMovesEveryOutputIntoPlace() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.csv");
        try (RunOutputs outputs = new RunOutputs(new PrintWriter(new StringWriter()))) {
            Outputs.writeText(outputs.declare("--json", a, true), "{}\n");
            Outputs.writeText(outputs.declare("--csv", b, true), "x\n");
            outputs.commit();
        }
        assertEquals(List.of(a, b), files());
        assertEquals("{}\n", Files.readString(a));
    }

    @Test
    void aDashSendsATextOutputToStandardOutput() throws IOException {
        StringWriter out = new StringWriter();
        try (RunOutputs outputs = new RunOutputs(new PrintWriter(out))) {
            Outputs.writeText(outputs.declare("--json", Path.of("-"), true), "{\"n\": 3}\n");
            outputs.commit();
        }
        assertEquals("{\"n\": 3}\n", out.toString());
        assertEquals(List.of(), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
