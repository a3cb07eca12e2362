package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CsvReader} on small files written by the test; the file text is the expected source. */
class CsvReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "comma     | 'x,y,z\\n1,2.5,-3\\n4,5e-1,6\\n'         | ','",
        "semicolon | 'x;y;z\\n1;2.5;-3\\n4;5e-1;6\\n'         | ';'",
        "tab       | 'x\\ty\\tz\\n1\\t2.5\\t-3\\n4\\t5e-1\\t6\\n' | '\\t'",
        "spaces    | '  x   y z\\n 1  2.5   -3\\n4 5e-1 6  \\n'  | ' '",
    })
    void detectsDelimiterAndHeader(String name, String escaped, String delimiter) {
        Path file = Fixtures.write(dir, name + ".csv", unescape(escaped));
        CsvTable t = CsvReader.read(file, null);
        assertEquals(unescape(delimiter).charAt(0), t.delimiter());
        assertTrue(t.hasHeader());
        assertEquals(List.of("x", "y", "z"), t.columnNames());
        DMatrixRMaj m = t.matrixWithout();
        assertArrayEquals(new double[] {1, 2.5, -3, 4, 0.5, 6}, m.data, 0.0);
        assertEquals(2, m.numRows);
    }

    @Test
    void numericFirstLineIsDataNotHeader() {
        Path file = Fixtures.write(dir, "plain.csv", "1,2\n3,4\n\n5,6\n");
        CsvTable t = CsvReader.read(file, null);
        assertFalse(t.hasHeader());
        assertEquals(List.of("col0", "col1"), t.columnNames());
        assertEquals(3, t.rows());
        assertEquals(4, t.lineOf(2), "row 5,6 sits on line 4, after the skipped blank line 3");
        assertArrayEquals(new double[] {1, 3, 5}, t.column(0), 0.0);
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndQuotes() {
        Path file = Fixtures.write(dir, "q.csv", "\"a,b\",\"say \"\"hi\"\"\",v\n\"x, y\",\"1\",2\n\"p\"\"q\",3,4\n");
        CsvTable t = CsvReader.read(file, null);
        assertEquals(List.of("a,b", "say \"hi\"", "v"), t.columnNames());
        CsvTable.Labels labels = t.labels(0);
        assertEquals(List.of("x, y", "p\"q"), labels.classNames());
        assertArrayEquals(new double[] {1, 3}, t.column(1), 0.0);
    }

    @Test
    void explicitDelimiterOverridesDetection() {
        Path file = Fixtures.write(dir, "semi.txt", "1,5;2,5\n3,5;4,5\n");
        CsvTable t = CsvReader.read(file, ',');
        assertEquals(3, t.columns());
        assertArrayEquals(new double[] {5, 5}, t.column(2), 0.0);
    }

    @Test
    void labelsByNameAndIndexIntegerOrMappedText() {
        Path file = Fixtures.write(dir, "iris.csv", "a,species,b\n1,setosa,2\n3,virginica,4\n5,setosa,6\n");
        CsvTable t = CsvReader.read(file, null);
        assertEquals(1, t.columnIndex("species"));
        assertEquals(2, t.columnIndex("2"));
        CsvTable.Labels labels = t.labels(t.columnIndex("species"));
        assertArrayEquals(new int[] {0, 1, 0}, labels.values());
        assertEquals(List.of("setosa", "virginica"), labels.classNames());
        CsvTable.Labels ints = t.labels(0);
        assertFalse(ints.mapped());
        assertArrayEquals(new int[] {1, 3, 5}, ints.values());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.matrixWithout(1).data, 0.0);
    }

    @Test
    void unknownColumnListsTheColumns() {
        CsvTable t = CsvReader.read(Fixtures.write(dir, "c.csv", "a,b\n1,2\n"), null);
        DataException e = assertThrows(DataException.class, () -> t.columnIndex("label"));
        assertTrue(e.getMessage().contains("no column 'label'") && e.getMessage().contains("(columns: a, b)"),
                e.getMessage());
    }

    @Test
    void raggedRowNamesLineAndCounts() {
        Path file = Fixtures.write(dir, "ragged.csv", "a,b,c\n1,2,3\n\n4,5\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, null));
        assertEquals(file + " line 4: 2 fields, expected 3 (as on line 1); fix the row or pass the right "
                + "delimiter (using ',')", e.getMessage());
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        Path file = Fixtures.write(dir, "bad.csv", "a,b,c\n1,2,3\n4,oops,6\n");
        CsvTable t = CsvReader.read(file, null);
        DataException e = assertThrows(DataException.class, t::matrixWithout);
        assertTrue(e.getMessage().startsWith(file + " line 3, column 'b' (index 1, 0-based): 'oops' is not a number"),
                e.getMessage());
    }

    @Test
    void nanAndInfinityLiteralsAreNumbers() {
        CsvTable t = CsvReader.read(Fixtures.write(dir, "n.csv", "nan,inf,-Infinity\n1,2,3\n"), null);
        assertFalse(t.hasHeader());
        double[] row0 = {t.column(0)[0], t.column(1)[0], t.column(2)[0]};
        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, row0, 0.0);
    }

    @Test
    void fastDecimalPathAgreesWithDoubleParseDoubleBitForBit() {
        // 20,000 seeded random decimals of up to 18 digits (so both the fast path and the fallback run),
        // each checked against the JDK's correctly rounded parser
        SplittableRandom rng = new SplittableRandom(2026);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder(rng.nextBoolean() ? "-" : "");
            int intDigits = rng.nextInt(10);
            int fracDigits = rng.nextInt(10);
            for (int i = 0; i < intDigits; i++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            if (fracDigits > 0 || intDigits == 0) {
                sb.append('.');
                for (int i = 0; i < Math.max(1, fracDigits); i++) {
                    sb.append((char) ('0' + rng.nextInt(10)));
                }
            }
            String text = sb.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(CsvReader.parseNumber(text)), text);
        }
    }

    @Test
    void unterminatedQuoteNamesLine() {
        Path file = Fixtures.write(dir, "u.csv", "1,2\n\"3,4\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, null));
        assertTrue(e.getMessage().startsWith(file + " line 2: unterminated quoted field"), e.getMessage());
    }

    @Test
    void headerWithoutDataIsAnError() {
        Path file = Fixtures.write(dir, "h.csv", "a,b\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, null));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    @Test
    void nulByteInACellIsAnErrorNotDropped(@TempDir Path dir) {
        // Double.parseDouble trims characters <= ' ', so "\u00003" would otherwise read as 3
        Path file = Fixtures.write(dir, "nul.csv", "a,b\n1,2\n\u00003,4\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, null));
        assertEquals(file + " line 3 holds a NUL byte at character 1; the file is binary or corrupt, not delimited "
                + "text: check the path or pass the right format", e.getMessage());
    }
}
