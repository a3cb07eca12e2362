package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NpyReader} against fixtures written by numpy 2.4.6 ({@code io/npy/make_fixtures.py});
 * the expected values are the numpy arrays themselves, dumped as decimal text by the same script.
 */
class NpyReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "f8_le, <f8, false", "f8_be, >f8, false", "f4_le, <f4, false", "f4_be, >f4, false",
        "i2_le, <i2, false", "i2_be, >i2, false", "u2_le, <u2, false", "u2_be, >u2, false",
        "i4_le, <i4, false", "i4_be, >i4, false", "u4_le, <u4, false", "u4_be, >u4, false",
        "i8_le, <i8, false", "i8_be, >i8, false", "u8_le, <u8, false", "u8_be, >u8, false",
        "u1, |u1, false", "i1, |i1, false", "b1, |b1, false",
        "f8_le_fortran, <f8, true", "i4_be_fortran_rank3, >i4, true", "f4_le_fortran_rank4, <f4, true",
        "f8_rank1, <f8, false", "u1_rank3, |u1, false", "f8_rank4, <f8, false",
        "f8_v2, <f8, false", "i2_be_v3, >i2, false",
    })
    void readsValuesShapeAndDtypeExactlyAsNumpyWroteThem(String name, String dtype, boolean fortran) {
        Fixtures.Expected expected = Fixtures.expected("npy/" + name);
        NpyArray array = NpyReader.read(Fixtures.resource("npy/" + name + ".npy"));

        assertArrayEquals(expected.shape(), array.shape());
        assertEquals(dtype, array.dtype());
        assertEquals(fortran, array.fortranOrder());
        assertArrayEquals(expected.values(), array.data(), 0.0, "C-order values");

        DMatrixRMaj m = array.asMatrix();
        assertEquals(expected.rows(), m.numRows);
        assertEquals(expected.cols(), m.numCols);
        assertArrayEquals(expected.values(), m.data, 0.0);
    }

    @Test
    void integerArraysBecomeLabelsAndFloatArraysDoNot() {
        NpyArray labels = NpyReader.read(Fixtures.resource("npy/labels3_i8.npy"));
        double[] expected = Fixtures.expected("npy/labels3_i8").values();
        int[] asInts = labels.asLabels();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], asInts[i], 0.0);
        }
        NpyArray floats = NpyReader.read(Fixtures.resource("npy/labels3_f8.npy"));
        DataException e = assertThrows(DataException.class, floats::asLabels);
        assertTrue(e.getMessage().contains("<f8"), e.getMessage());
    }

    @Test
    void gzipCompressedNpyIsInflatedTransparently(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("f4_be.npy.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.resource("npy/f4_be.npy"), out);
        }
        assertArrayEquals(Fixtures.expected("npy/f4_be").values(), NpyReader.read(gz).data(), 0.0);
    }

    @Test
    void largeArraysSpanManyReadChunks(@TempDir Path dir) throws IOException {
        // 700 × 800 doubles = 4.48 MB: many 256 KiB positioned reads and four 1 MiB gzip chunks
        SplittableRandom rng = new SplittableRandom(11);
        DMatrixRMaj m = new DMatrixRMaj(700, 800);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        Path plain = dir.resolve("big.npy");
        NpyWriter.write(plain, m);
        assertArrayEquals(m.data, NpyReader.read(plain).data(), 0.0);
        Path gz = dir.resolve("big.npy.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertArrayEquals(m.data, NpyReader.read(gz).data(), 0.0);
    }

    @Test
    void bigEndianFloat32BeyondOneScratchPassWidensExactly(@TempDir Path dir) throws IOException {
        // 300 × 300 = 90,000 floats: several 16,384-element widening passes; float -> double is exact
        SplittableRandom rng = new SplittableRandom(12);
        String dict = "{'descr': '>f4', 'fortran_order': False, 'shape': (300, 300), }";
        String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 90_000 * 4).order(ByteOrder.BIG_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).order(ByteOrder.BIG_ENDIAN);
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        double[] expected = new double[90_000];
        for (int i = 0; i < expected.length; i++) {
            float f = (float) rng.nextGaussian();
            buf.putFloat(f);
            expected[i] = f;
        }
        Path file = Files.write(dir.resolve("f4.npy"), buf.array());
        NpyArray a = NpyReader.read(file);
        assertEquals(">f4", a.dtype());
        assertArrayEquals(expected, a.data(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad_truncated.npy     | truncated data: the header promises shape (3, 4) of <f8 = 96 bytes but only 50 bytes follow",
        "bad_lying_short.npy   | truncated data: the header promises shape (5, 4) of <f8 = 160 bytes but only 96 bytes follow",
        "bad_lying_long.npy    | the header promises shape (2, 4) of <f8 = 64 bytes but 96 bytes follow",
        "bad_complex.npy       | unsupported NPY dtype '<c16' (supported: <f8 <f4 |u1",
        "bad_unicode.npy       | unsupported NPY dtype '<U3'",
        "bad_object.npy        | object array (dtype |O)",
        "bad_structured.npy    | structured dtype",
        "bad_empty.npy         | is empty (0 bytes)",
        "bad_magic.npy         | is not an NPY file",
        "bad_header_cut.npy    | file ends inside the NPY header",
    })
    void badFilesFailWithOneLineNamingFileAndProblem(String file, String expectedPhrase) {
        Path path = Fixtures.resource("npy/" + file);
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(path));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPhrase), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.npy");
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(missing));
        assertEquals("no such file: " + missing + "; check the path", e.getMessage());
    }

    @Test
    void unsupportedVersionIsNamed(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.resource("npy/f8_le.npy"));
        bytes[6] = 4; // major version 4 does not exist
        Path file = Files.write(dir.resolve("v4.npy"), bytes);
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("NPY format version 4.0 is not supported"), e.getMessage());
    }

    @Test
    void headerDeclaringBillionsOfRowsIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        // 800 data bytes under a header promising 10^9 float64 rows (8 GB): the size check comes first
        Path plain = Files.write(dir.resolve("lying.npy"), npy(1, "(1000000000, 1)", 800));
        long plainBytes = AllocationMeter.allocatedBy(() -> {
            DataException e = assertThrows(DataException.class, () -> NpyReader.read(plain));
            assertTrue(e.getMessage().contains("= 8000000000 bytes but only 800 bytes follow"), e.getMessage());
        });
        assertTrue(plainBytes < 1 << 20, "allocated " + plainBytes + " bytes");

        // inside gzip the length is known only once inflated: allocation follows the bytes that arrive
        Path gz = dir.resolve("lying.npy.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(npy(1, "(200000000, 1)", 800));
        }
        long gzipBytes = AllocationMeter.allocatedBy(() -> {
            DataException e = assertThrows(DataException.class, () -> NpyReader.read(gz));
            assertTrue(e.getMessage().contains("= 1600000000 bytes but only 800 bytes follow (after gunzip)"), e.getMessage());
        });
        assertTrue(gzipBytes < 16 << 20, "allocated " + gzipBytes + " bytes");
    }

    @Test
    void deeplyNestedHeaderIsAnErrorNotAStackOverflow(@TempDir Path dir) throws IOException {
        String nested = "(".repeat(4000) + ")".repeat(4000);
        Path file = Files.write(dir.resolve("nested.npy"), npy(2, nested, 0));
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("nested deeper than " + NpyReader.MAX_NESTING + " levels"), e.getMessage());

        byte[] huge = npy(2, "(".repeat(200_000) + ")".repeat(200_000), 0);
        Path hugeFile = Files.write(dir.resolve("huge.npy"), huge);
        DataException tooLong = assertThrows(DataException.class, () -> NpyReader.read(hugeFile));
        assertTrue(tooLong.getMessage().contains("exceeds 10000 bytes, numpy.load's own limit"), tooLong.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } x  | unexpected text after the dict",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)        | unexpected end",
        "{'descr': '<f8' 'fortran_order': False, 'shape': (2,), }      | expected '}'",
        "{'descr': , 'fortran_order': False, 'shape': (2,), }          | unexpected ','",
        "{3: '<f8', 'fortran_order': False, 'shape': (2,), }           | dict key is not a string",
    })
    void malformedHeaderLiteralsNameTheProblem(String dict, String expected, @TempDir Path dir) throws IOException {
        byte[] bytes = npyWithDict(1, dict, 16);
        Path file = Files.write(dir.resolve("bad.npy"), bytes);
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("malformed NPY header (" + expected), e.getMessage());
    }

    @Test
    void zeroRowsWithHugeRowsIsRefusedNotOverflowed(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("zero.npy"), npy(1, "(0, 4294967296, 4294967296)", 0));
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("spans more than"), e.getMessage());
    }

    /** A float64 NPY file of the given version, shape literal and number of data bytes. */
    private static byte[] npy(int major, String shape, int dataBytes) {
        return npyWithDict(major, "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }", dataBytes);
    }

    private static byte[] npyWithDict(int major, String dict, int dataBytes) {
        int lengthBytes = major == 1 ? 2 : 4;
        String header = dict + " ".repeat(63 - (8 + lengthBytes + dict.length()) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(8 + lengthBytes + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            buf.putShort((short) header.length());
        } else {
            buf.putInt(header.length());
        }
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return buf.array();
    }
}
