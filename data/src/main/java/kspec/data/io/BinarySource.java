package kspec.data.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import kspec.data.DataException;

/**
 * A binary data file opened for a header-then-elements read, plain or gzip-compressed (detected
 * by the magic bytes {@code 1f 8b}, not by the file name).
 *
 * <p>The header is read from {@link #stream()}. The elements of a plain file are then read with
 * positioned {@link FileChannel} reads into a reused 256 KiB direct buffer (small enough that the
 * second copy reads from cache) and decoded with bulk typed-buffer copies. No memory mapping: a
 * mapping outlives the read until garbage collection and, on Windows, blocks deleting the file.
 * The elements of a gzip file are inflated through a 64 KiB buffer in 1 MiB chunks. Either way a
 * data region shorter or longer than the header promises is a {@link DataException} stating
 * expected and actual byte counts, raised before the header's size is allocated.
 */
final class BinarySource implements Closeable {

    private static final int GZIP_BUFFER = 1 << 16;
    private static final int STREAM_CHUNK = 1 << 20;
    /** Bytes per positioned read of a plain file; a multiple of every element size. */
    private static final int DIRECT_CHUNK = 1 << 18;

    private final Path file;
    private final FileChannel channel;
    private final boolean gzip;
    private final InputStream stream;

    private BinarySource(Path file, FileChannel channel, boolean gzip, InputStream stream) {
        this.file = file;
        this.channel = channel;
        this.gzip = gzip;
        this.stream = stream;
    }

    /**
     * Opens {@code file}, failing with a one-line {@link DataException} if it is missing, a
     * directory, unreadable or empty.
     *
     * @param kind what the file should be, for messages ("NPY", "IDX")
     */
    static BinarySource open(Path file, String kind) {
        checkReadableNonEmpty(file, kind);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer magic = ByteBuffer.allocate(2);
            while (magic.hasRemaining() && channel.read(magic) >= 0) {
                // fill the two magic bytes
            }
            boolean gzip = magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
            channel.position(0);
            InputStream stream = gzip
                    ? new GZIPInputStream(new BufferedInputStream(Channels.newInputStream(channel), GZIP_BUFFER), GZIP_BUFFER)
                    : Channels.newInputStream(channel);
            return new BinarySource(file, channel, gzip, stream);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataException(file + ": cannot read " + kind + " file (" + e.getMessage() + "); check the path and its permissions", e);
        }
    }

    /** Fails with a one-line message unless {@code file} is an existing, readable, non-empty regular file. */
    static void checkReadableNonEmpty(Path file, String kind) {
        if (!Files.exists(file)) {
            throw new DataException("no such file: " + file + "; check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory; give the path of the " + kind + " file");
        }
        if (!Files.isReadable(file)) {
            throw new DataException(file + " is not readable; check its permissions");
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataException(file + " is empty (0 bytes); re-export the data");
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read " + kind + " file (" + e.getMessage() + ")", e);
        }
    }

    /** @return the stream positioned after whatever has been read so far (inflated if gzip) */
    InputStream stream() {
        return stream;
    }

    boolean isGzip() {
        return gzip;
    }

    /**
     * Reads exactly {@code n} header bytes.
     *
     * @throws DataException naming {@code what} if the file ends first
     */
    byte[] readHeaderBytes(int n, String what) {
        try {
            byte[] b = stream.readNBytes(n);
            if (b.length < n) {
                throw new DataException(file + ": file ends inside the " + what + " (" + b.length + " of " + n
                        + " bytes); the file is truncated or not in the expected format");
            }
            return b;
        } catch (EOFException e) {
            throw truncatedGzip(e);
        } catch (IOException e) {
            throw new DataException(file + ": read error in the " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes the {@code count} elements that start {@code dataOffset} bytes into the
     * (uncompressed) file and must reach exactly to its end.
     *
     * <p>Nothing is allocated on the header's word alone. A plain file's length is compared with
     * the header first, so a lying header costs nothing. A gzip stream's length is known only
     * once inflated: its array is allocated as the inflated bytes arrive, doubling (capped at
     * {@code count}), so at any moment it holds at most twice the elements actually read.
     *
     * @param description what the header promised, e.g. {@code "shape (3, 4) of <f8"}, for messages
     * @return the elements widened to float64, in file order
     */
    double[] readElements(long dataOffset, ElementType type, ByteOrder order, int count, String description) {
        long expected = (long) count * type.size();
        try {
            return gzip
                    ? readStreamed(type, order, count, expected, description)
                    : readPositioned(dataOffset, type, order, count, expected, description);
        } catch (EOFException e) {
            throw truncatedGzip(e);
        } catch (IOException e) {
            throw new DataException(file + ": read error (" + e.getMessage() + ")", e);
        }
    }

    private double[] readPositioned(long dataOffset, ElementType type, ByteOrder order, int count, long expected,
            String description) throws IOException {
        long actual = channel.size() - dataOffset;
        if (actual != expected) {
            throw sizeMismatch(expected, actual, description);
        }
        double[] dst = new double[count];
        ByteBuffer chunk = ByteBuffer.allocateDirect(DIRECT_CHUNK).order(order);
        int chunkElements = DIRECT_CHUNK / type.size();
        long position = dataOffset;
        for (int done = 0; done < count; done += chunkElements) {
            int k = Math.min(chunkElements, count - done);
            chunk.clear().limit(k * type.size());
            while (chunk.hasRemaining()) {
                int got = channel.read(chunk, position);
                if (got < 0) {
                    throw sizeMismatch(expected, position - dataOffset, description);
                }
                position += got;
            }
            chunk.flip();
            type.decode(chunk, dst, done, k);
        }
        return dst;
    }

    private double[] readStreamed(ElementType type, ByteOrder order, int count, long expected, String description)
            throws IOException {
        byte[] chunk = new byte[STREAM_CHUNK];
        int chunkElements = STREAM_CHUNK / type.size();
        ByteBuffer view = ByteBuffer.wrap(chunk).order(order);
        double[] dst = new double[0];
        for (int done = 0; done < count; done += chunkElements) {
            int k = Math.min(chunkElements, count - done);
            int bytes = k * type.size();
            int got = stream.readNBytes(chunk, 0, bytes);
            if (got < bytes) {
                throw sizeMismatch(expected, (long) done * type.size() + got, description);
            }
            if (done + k > dst.length) { // grown only once the elements have arrived
                dst = Arrays.copyOf(dst, (int) Math.min(count, Math.max(2L * dst.length, done + k)));
            }
            type.decode(view, dst, done, k);
        }
        long extra = stream.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw sizeMismatch(expected, expected + extra, description);
        }
        return dst;
    }

    private DataException sizeMismatch(long expected, long actual, String description) {
        String where = gzip ? " (after gunzip)" : "";
        if (actual < expected) {
            return new DataException(file + ": truncated data: the header promises " + description + " = " + expected
                    + " bytes but only " + actual + " bytes follow" + where
                    + "; the file is incomplete or its header shape is wrong, re-export it");
        }
        return new DataException(file + ": the header promises " + description + " = " + expected + " bytes but "
                + actual + " bytes follow" + where + "; the header shape is wrong, re-export the file");
    }

    private DataException truncatedGzip(EOFException e) {
        return new DataException(file + ": truncated gzip stream (" + e.getMessage()
                + "); the download is incomplete, fetch the file again", e);
    }

    @Override
    public void close() {
        closeQuietly(stream);
        closeQuietly(channel);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // read-only: nothing was written that a failed close could lose
        }
    }
}
