package kspec.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * Writes float64 arrays as NumPy {@code .npy} (format 1.0, dtype {@code <f8}, C order), byte for
 * byte as {@code numpy.save} does: the header dict, the spare spaces NumPy reserves so the first
 * axis can grow in place ({@code 21 − len(repr(shape[0]))}), and padding to a 64-byte boundary
 * ending in a newline. Writes are atomic through {@link AtomicFiles}.
 */
public final class NpyWriter {

    private static final int ALIGN = 64;
    /** NumPy's {@code GROWTH_AXIS_MAX_DIGITS}: room for a 21-digit first dimension. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int CHUNK_DOUBLES = 1 << 16;

    private NpyWriter() {
    }

    /**
     * Writes {@code m} as an array of shape (rows, cols).
     *
     * @param m Not modified.
     */
    public static void write(Path file, DMatrixRMaj m) {
        write(file, new long[] {m.numRows, m.numCols}, m.data, m.getNumElements());
    }

    /**
     * Writes {@code vector} as an array of shape (n,).
     *
     * @param vector Not modified.
     */
    public static void write(Path file, double[] vector) {
        write(file, new long[] {vector.length}, vector, vector.length);
    }

    private static void write(Path file, long[] shape, double[] data, int count) {
        byte[] header = header(shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            writeLittleEndian(out, data, count);
        });
    }

    /** @return magic, version 1.0, header length and the padded header dict */
    static byte[] header(long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': ")
                .append(Shapes.describe(shape)).append(", }");
        dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        int headerLength = dict.length() + 1; // + the closing newline
        int preamble = 10; // magic (6) + version (2) + uint16 length (2)
        int pad = ALIGN - (preamble + headerLength) % ALIGN;
        dict.append(" ".repeat(pad)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(preamble + text.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) text.length).put(text);
        return buf.array();
    }

    private static void writeLittleEndian(OutputStream out, double[] data, int count) throws IOException {
        byte[] bytes = new byte[CHUNK_DOUBLES * Double.BYTES];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < count; done += CHUNK_DOUBLES) {
            int k = Math.min(CHUNK_DOUBLES, count - done);
            buf.asDoubleBuffer().put(data, done, k);
            out.write(bytes, 0, k * Double.BYTES);
        }
    }
}
