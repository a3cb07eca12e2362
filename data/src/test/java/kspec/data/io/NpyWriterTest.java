package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NpyWriter} output compared byte for byte with {@code numpy.save} of the same arrays
 * (fixtures {@code io/npy/writer_*.npy}, numpy 2.4.6; the values come from the script's text dump).
 */
class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void matrixBytesEqualNumpySave() throws IOException {
        Fixtures.Expected expected = Fixtures.expected("npy/writer_5x3");
        DMatrixRMaj m = DMatrixRMaj.wrap(expected.rows(), expected.cols(), expected.values().clone());
        Path out = dir.resolve("m.npy");
        NpyWriter.write(out, m);
        assertArrayEquals(Files.readAllBytes(Fixtures.resource("npy/writer_5x3.npy")), Files.readAllBytes(out));
    }

    @Test
    void vectorBytesEqualNumpySave() throws IOException {
        double[] v = Fixtures.expected("npy/writer_vec11").values();
        Path out = dir.resolve("v.npy");
        NpyWriter.write(out, v);
        assertArrayEquals(Files.readAllBytes(Fixtures.resource("npy/writer_vec11.npy")), Files.readAllBytes(out));
    }

    @Test
    void fourDigitFirstAxisHeaderSpacingEqualsNumpySave() throws IOException {
        // numpy: arange(2000).reshape(1000, 2) * 0.5
        DMatrixRMaj m = new DMatrixRMaj(1000, 2);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = i * 0.5;
        }
        Path out = dir.resolve("a.npy");
        NpyWriter.write(out, m);
        assertArrayEquals(Files.readAllBytes(Fixtures.resource("npy/writer_arange_1000x2.npy")), Files.readAllBytes(out));
    }

    @Test
    void readerReturnsWhatWriterWroteAcrossChunkBoundaries() {
        // 300 × 301 = 90,300 doubles: more than one 65,536-double write chunk
        SplittableRandom rng = new SplittableRandom(7);
        DMatrixRMaj m = new DMatrixRMaj(300, 301);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1e6, 1e6);
        }
        Path out = dir.resolve("big.npy");
        NpyWriter.write(out, m);
        NpyArray back = NpyReader.read(out);
        assertEquals("<f8", back.dtype());
        assertArrayEquals(new long[] {300, 301}, back.shape());
        assertArrayEquals(m.data, back.data(), 0.0);
    }
}
