package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link IdxReader} against fixtures written with Python's struct/gzip and numpy 2.4.6
 * ({@code io/idx/make_fixtures.py}); expected values are the script's decimal dump of the arrays.
 */
class IdxReaderTest {

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({
        "ubyte-3x4-idx2, '', 8, ubyte", "ubyte-3x4-idx2, .gz, 8, ubyte",
        "byte-3x4-idx2, '', 9, byte", "byte-3x4-idx2, .gz, 9, byte",
        "short-3x4-idx2, '', 11, short", "short-3x4-idx2, .gz, 11, short",
        "int-3x4-idx2, '', 12, int", "int-3x4-idx2, .gz, 12, int",
        "float-3x4-idx2, '', 13, float", "float-3x4-idx2, .gz, 13, float",
        "double-3x4-idx2, '', 14, double", "double-3x4-idx2, .gz, 14, double",
        "images-idx3-ubyte, '', 8, ubyte", "images-idx3-ubyte, .gz, 8, ubyte",
        "labels-idx1-ubyte, '', 8, ubyte", "labels-idx1-ubyte, .gz, 8, ubyte",
    })
    void readsEveryTypeCodePlainAndGzip(String name, String suffix, int typeCode, String dtype) {
        Fixtures.Expected expected = Fixtures.expected("idx/" + name);
        IdxArray array = IdxReader.read(Fixtures.resource("idx/" + name + suffix));
        assertArrayEquals(expected.shape(), array.shape());
        assertEquals(typeCode, array.typeCode());
        assertEquals(dtype, array.dtype());
        assertArrayEquals(expected.values(), array.data(), 0.0);
    }

    @Test
    void rank3ImagesFlattenToRowsOfPixels() {
        // 5 images of 4 × 3 pixels -> 5 × 12, image i = row i in row-major pixel order
        Fixtures.Expected expected = Fixtures.expected("idx/images-idx3-ubyte");
        DMatrixRMaj m = IdxReader.read(Fixtures.resource("idx/images-idx3-ubyte.gz")).asMatrix();
        assertEquals(5, m.numRows);
        assertEquals(12, m.numCols);
        assertEquals(expected.values()[2 * 12 + 7], m.get(2, 7), 0.0);
    }

    @Test
    void labelFileGivesIntegerLabels() {
        int[] labels = IdxReader.read(Fixtures.resource("idx/labels-idx1-ubyte.gz")).asLabels();
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, labels); // the script's np.array([3, 1, 4, 1, 5])
    }

    @Test
    void floatArraysAreNotLabels() {
        IdxArray floats = IdxReader.read(Fixtures.resource("idx/float-3x4-idx2"));
        assertThrows(DataException.class, floats::asLabels);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-truncated-idx3-ubyte    | truncated data: the header promises shape (5, 4, 3) of ubyte = 60 bytes but only 25 bytes follow",
        "bad-truncated-idx3-ubyte.gz | truncated gzip stream",
        "bad-long-idx3-ubyte         | the header promises shape (4, 4, 3) of ubyte = 48 bytes but 60 bytes follow",
        "bad-magic-idx3-ubyte        | is not an IDX file (magic bytes 01 02 08 03",
        "bad-typecode-idx2           | unknown IDX type code 0x0A",
    })
    void badFilesFailWithOneLineNamingFileAndProblem(String file, String expectedPhrase) {
        Path path = Fixtures.resource("idx/" + file);
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(path));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPhrase), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
