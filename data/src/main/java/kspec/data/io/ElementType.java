package kspec.data.io;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * Fixed-size numeric element types found in NPY and IDX files, each with a bulk decoder that
 * widens a run of elements to float64.
 *
 * <p>Decoding goes through the typed views of {@link ByteBuffer} ({@code asDoubleBuffer().get(double[])},
 * {@code asFloatBuffer().get(float[])}, …): the JDK copies (and byte-swaps if the buffer's order is
 * not native) in bulk, then a plain counted loop widens to {@code double}. No per-element virtual
 * calls, no per-byte assembly.
 */
enum ElementType {
    FLOAT64(8, false),
    FLOAT32(4, false),
    INT8(1, true),
    UINT8(1, true),
    BOOL(1, true),
    INT16(2, true),
    UINT16(2, true),
    INT32(4, true),
    UINT32(4, true),
    INT64(8, true),
    UINT64(8, true);

    /** Elements widened per scratch-array pass; keeps the scratch arrays small and cache-resident. */
    private static final int SCRATCH = 1 << 14;

    private static final double TWO_POW_63 = 0x1p63;

    private final int size;
    private final boolean integer;

    ElementType(int size, boolean integer) {
        this.size = size;
        this.integer = integer;
    }

    /** @return bytes per element */
    int size() {
        return size;
    }

    /** @return true for integer and boolean types (usable as class labels) */
    boolean isInteger() {
        return integer;
    }

    /**
     * Decodes {@code count} elements starting at {@code src.position()} (in {@code src.order()})
     * into {@code dst[off .. off+count)}.
     *
     * @param src holds at least {@code count * size()} bytes from its position. Position not modified.
     * @param dst Modified.
     */
    void decode(ByteBuffer src, double[] dst, int off, int count) {
        switch (this) {
            case FLOAT64 -> {
                DoubleBuffer view = src.asDoubleBuffer();
                view.get(dst, off, count);
            }
            case FLOAT32 -> {
                FloatBuffer view = src.asFloatBuffer();
                float[] tmp = new float[Math.min(count, SCRATCH)];
                for (int done = 0; done < count; done += tmp.length) {
                    int k = Math.min(tmp.length, count - done);
                    view.get(tmp, 0, k);
                    for (int i = 0; i < k; i++) {
                        dst[off + done + i] = tmp[i];
                    }
                }
            }
            case INT8, UINT8, BOOL -> decodeBytes(src, dst, off, count);
            case INT16, UINT16 -> {
                ShortBuffer view = src.asShortBuffer();
                short[] tmp = new short[Math.min(count, SCRATCH)];
                boolean unsigned = this == UINT16;
                for (int done = 0; done < count; done += tmp.length) {
                    int k = Math.min(tmp.length, count - done);
                    view.get(tmp, 0, k);
                    for (int i = 0; i < k; i++) {
                        dst[off + done + i] = unsigned ? (tmp[i] & 0xFFFF) : tmp[i];
                    }
                }
            }
            case INT32, UINT32 -> {
                IntBuffer view = src.asIntBuffer();
                int[] tmp = new int[Math.min(count, SCRATCH)];
                boolean unsigned = this == UINT32;
                for (int done = 0; done < count; done += tmp.length) {
                    int k = Math.min(tmp.length, count - done);
                    view.get(tmp, 0, k);
                    for (int i = 0; i < k; i++) {
                        dst[off + done + i] = unsigned ? (tmp[i] & 0xFFFF_FFFFL) : tmp[i];
                    }
                }
            }
            case INT64, UINT64 -> {
                LongBuffer view = src.asLongBuffer();
                long[] tmp = new long[Math.min(count, SCRATCH)];
                boolean unsigned = this == UINT64;
                for (int done = 0; done < count; done += tmp.length) {
                    int k = Math.min(tmp.length, count - done);
                    view.get(tmp, 0, k);
                    for (int i = 0; i < k; i++) {
                        long v = tmp[i];
                        // an unsigned value ≥ 2^63 reads as negative: drop the sign bit, add 2^63 back
                        dst[off + done + i] = unsigned && v < 0 ? (v & Long.MAX_VALUE) + TWO_POW_63 : v;
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    private void decodeBytes(ByteBuffer src, double[] dst, int off, int count) {
        ByteBuffer view = src.duplicate();
        byte[] tmp = new byte[Math.min(count, SCRATCH)];
        for (int done = 0; done < count; done += tmp.length) {
            int k = Math.min(tmp.length, count - done);
            view.get(tmp, 0, k);
            int base = off + done;
            switch (this) {
                case UINT8 -> {
                    for (int i = 0; i < k; i++) {
                        dst[base + i] = tmp[i] & 0xFF;
                    }
                }
                case BOOL -> {
                    for (int i = 0; i < k; i++) {
                        dst[base + i] = tmp[i] != 0 ? 1.0 : 0.0;
                    }
                }
                default -> {
                    for (int i = 0; i < k; i++) {
                        dst[base + i] = tmp[i];
                    }
                }
            }
        }
    }
}
