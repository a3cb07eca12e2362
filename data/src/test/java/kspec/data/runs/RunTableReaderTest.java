package kspec.data.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kspec.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run tables from CSV and JSON: column lookup, the 6ND relations, and one clear error per defect. */
class RunTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void defaultNamesAreFoundAndFlopsDerivedAsSixNd() throws IOException {
        Path f = write("runs.csv", "Model Size,training_tokens,Loss,family\n1e8,2e9,3.5,a\n4e8,8e9,3.0,b\n");
        RunTable t = RunTableReader.read(f, RunColumns.defaults());
        assertEquals(2, t.size());
        assertArrayEquals(new double[] {6 * 1e8 * 2e9, 6 * 4e8 * 8e9}, t.values(RunRole.FLOPS, "test"), 1e-3);
        assertArrayEquals(new String[] {"a", "b"}, t.groups());
        assertEquals("Model Size", t.columns().get(RunRole.PARAMS));
        assertEquals(1, t.notes().size());
        assertTrue(t.notes().get(0).contains("6ND"), t.notes().get(0));
        assertFalse(t.has(RunRole.STEPS));
    }

    @Test
    void tokensDerivedFromFlopsAsTheEpochTableNeeds() throws IOException {
        Path f = write("epoch.csv", "x,Model Size,Training FLOP,loss\n1,1e9,6e19,2.5\n2,2e9,2.4e20,2.3\n");
        RunTable t = RunTableReader.read(f, RunColumns.defaults().with(RunRole.FLOPS, "Training FLOP"));
        assertArrayEquals(new double[] {1e10, 2e10}, t.values(RunRole.TOKENS, "test"), 1e-3);
        assertTrue(t.notes().get(0).contains("C/(6N)"));
    }

    @Test
    void explicitColumnsWinOverDefaultsAndMayBeIndices() throws IOException {
        Path f = write("runs.csv", "params,tokens,loss,val\n1e8,2e9,3.5,9.5\n4e8,8e9,3.0,9.0\n");
        RunTable t = RunTableReader.read(f, RunColumns.defaults().with(RunRole.LOSS, "3"));
        assertArrayEquals(new double[] {9.5, 9.0}, t.values(RunRole.LOSS, "test"));
    }

    @Test
    void jsonArrayOrRunsObject() throws IOException {
        Path a = write("a.json", "[{\"params\": 1e8, \"tokens\": 2e9, \"loss\": 3.5}, {\"params\": 4e8, \"tokens\": \"8e9\", \"loss\": 3.0}]");
        Path b = write("b.json", "{\"runs\": [{\"N\": 1e8, \"D\": 2e9, \"L\": 3.5}, {\"N\": 4e8, \"D\": 8e9, \"L\": 3.0}]}");
        for (Path f : new Path[] {a, b}) {
            RunTable t = RunTableReader.read(f, RunColumns.defaults());
            assertArrayEquals(new double[] {2e9, 8e9}, t.values(RunRole.TOKENS, "test"));
            assertArrayEquals(new double[] {3.5, 3.0}, t.values(RunRole.LOSS, "test"));
        }
    }

    @Test
    void nonPositiveLossNamesLineColumnAndValue() throws IOException {
        Path f = write("runs.csv", "params,tokens,loss\n1e8,2e9,3.5\n4e8,8e9,-1\n");
        DataException e = assertThrows(DataException.class, () -> RunTableReader.read(f, RunColumns.defaults()));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'loss'") && e.getMessage().contains("-1.0")
                && e.getMessage().contains("not > 0"), e.getMessage());
    }

    @Test
    void nanIsRefusedWithItsLine() throws IOException {
        Path f = write("runs.csv", "params,tokens,loss\n1e8,nan,3.5\n4e8,8e9,3.0\n");
        DataException e = assertThrows(DataException.class, () -> RunTableReader.read(f, RunColumns.defaults()));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'tokens'")
                && e.getMessage().contains("not a finite number"), e.getMessage());
    }

    @Test
    void missingLossColumnAndMissingNamedColumnAreOneLineErrors() throws IOException {
        Path f = write("runs.csv", "params,tokens,perplexity\n1e8,2e9,3.5\n");
        DataException noLoss = assertThrows(DataException.class, () -> RunTableReader.read(f, RunColumns.defaults()));
        assertTrue(noLoss.getMessage().contains("no final loss column"), noLoss.getMessage());
        DataException absent = assertThrows(DataException.class,
                () -> RunTableReader.read(f, RunColumns.defaults().with(RunRole.LOSS, "eval")));
        assertTrue(absent.getMessage().contains("no column 'eval'"), absent.getMessage());
        Path j = write("runs.json", "[{\"params\": 1e8, \"loss\": 3}]");
        DataException jsonAbsent = assertThrows(DataException.class,
                () -> RunTableReader.read(j, RunColumns.defaults().with(RunRole.LOSS, "eval")));
        assertTrue(jsonAbsent.getMessage().contains("no key 'eval'"), jsonAbsent.getMessage());
    }

    @Test
    void aLawAskingForAnAbsentColumnSaysWhichLaw() throws IOException {
        Path f = write("runs.csv", "params,loss\n1e8,3.5\n4e8,3.0\n");
        RunTable t = RunTableReader.read(f, RunColumns.defaults());
        DataException e = assertThrows(DataException.class, () -> t.values(RunRole.TOKENS, "the Chinchilla law"));
        assertTrue(e.getMessage().contains("no training tokens column, which the Chinchilla law needs"), e.getMessage());
    }

    @Test
    void jsonRunWithoutAKeyOrWithTextIsNamed() throws IOException {
        Path missing = write("m.json", "[{\"params\": 1e8, \"loss\": 3.5}, {\"params\": 4e8}]");
        DataException e = assertThrows(DataException.class, () -> RunTableReader.read(missing, RunColumns.defaults()));
        assertTrue(e.getMessage().contains("run 2") && e.getMessage().contains("'loss'"), e.getMessage());
        Path text = write("t.json", "[{\"params\": 1e8, \"loss\": \"low\"}]");
        DataException t = assertThrows(DataException.class, () -> RunTableReader.read(text, RunColumns.defaults()));
        assertTrue(t.getMessage().contains("run 1") && t.getMessage().contains("not a number"), t.getMessage());
        Path broken = write("b.json", "[{\"params\": 1e8,");
        assertThrows(DataException.class, () -> RunTableReader.read(broken, RunColumns.defaults()));
    }

    @Test
    void selectKeepsSourcePositions() throws IOException {
        Path f = write("runs.csv", "params,tokens,loss\n1e8,2e9,3.5\n4e8,8e9,3.0\n9e8,1e10,2.9\n");
        RunTable t = RunTableReader.read(f, RunColumns.defaults()).select(new int[] {2, 0});
        assertArrayEquals(new double[] {2.9, 3.5}, t.values(RunRole.LOSS, "test"));
        assertTrue(t.describeRow(0).endsWith("runs.csv line 4"), t.describeRow(0));
    }
}
