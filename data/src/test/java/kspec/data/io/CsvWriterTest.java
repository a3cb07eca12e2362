package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyFloat64SurvivesTheRoundTripExactly() {
        SplittableRandom rng = new SplittableRandom(42);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 50; r++) {
            rows.add(new double[] {rng.nextDouble(), Math.scalb(rng.nextDouble(), -60), -rng.nextDouble() * 1e300});
        }
        Path file = dir.resolve("out.csv");
        CsvWriter.write(file, List.of("u", "tiny", "huge"), rows);
        CsvTable t = CsvReader.read(file, null);
        assertEquals(List.of("u", "tiny", "huge"), t.columnNames());
        for (int c = 0; c < 3; c++) {
            final int col = c;
            assertArrayEquals(rows.stream().mapToDouble(row -> row[col]).toArray(), t.column(c), 0.0);
        }
    }

    @Test
    void textCellsAreQuotedPerRfc4180() throws IOException {
        Path file = dir.resolve("cells.csv");
        CsvWriter.writeCells(file, List.of("name", "value"), List.of(List.of("a,b", "1"), List.of("say \"x\"", "2")));
        assertEquals("name,value\n\"a,b\",1\n\"say \"\"x\"\"\",2\n", Files.readString(file));
    }

    @Test
    void raggedRowsAreRejectedBeforeAnythingIsWritten() {
        Path file = dir.resolve("r.csv");
        assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.write(file, List.of("a", "b"), List.of(new double[] {1, 2}, new double[] {3})));
        assertEquals(false, Files.exists(file));
    }
}
