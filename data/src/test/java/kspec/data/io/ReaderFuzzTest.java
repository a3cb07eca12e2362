package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import kspec.data.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz tests of the readers (Jazzer): any byte sequence read as NPY, IDX (plain, and gzip-compressed
 * by the test so the fuzzer reaches the inflated path) or CSV gives a dataset or a
 * {@link DataException}, never another throwable, and the read allocates at most
 * {@value #BYTES_PER_INPUT_BYTE} heap bytes per (inflated) input byte plus {@value #FIXED_BYTES}.
 *
 * <p>In {@code mvn verify} each test runs once per input committed under
 * {@code src/test/resources/kspec/data/io/ReaderFuzzTestInputs/<test>/} (the corpus the fuzzer built
 * and any crash reproducers); {@code JAZZER_FUZZ=1 mvn test -pl data -Dtest='ReaderFuzzTest#npy'}
 * fuzzes one test (one per JVM) and adds what it finds there.
 */
class ReaderFuzzTest {

    /**
     * Widening to float64 is 8 bytes per input byte (a {@code |u1} array); a Fortran-order array is
     * reordered into a second copy; the gzip path's array may be twice the elements read; text cells
     * cost a few more. 64 leaves room for all of it and still catches any allocation that follows a
     * header's declared size instead of the bytes present.
     */
    static final long BYTES_PER_INPUT_BYTE = 64;
    /** The readers' fixed buffers (1 MiB inflate chunk, 64 KiB gzip buffers, 64 KiB text buffer) and slack. */
    static final long FIXED_BYTES = 8L << 20;

    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("kspec-fuzz", ".bin");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "11m")
    void npy(byte[] input) {
        readWithinBound(input, inflatedLength(input), only(DataFormat.NPY));
    }

    @FuzzTest(maxDuration = "11m")
    void idx(byte[] input) {
        readWithinBound(input, inflatedLength(input), only(DataFormat.IDX));
    }

    @FuzzTest(maxDuration = "11m")
    void idxGzip(byte[] input) {
        readWithinBound(gzip(input), input.length, only(DataFormat.IDX));
    }

    @FuzzTest(maxDuration = "11m")
    void csv(byte[] input) {
        readWithinBound(input, inflatedLength(input), only(DataFormat.CSV));
    }

    private static ReadOptions only(DataFormat format) {
        return new ReadOptions(format, null, null, null, null);
    }

    private static void readWithinBound(byte[] bytes, long contentLength, ReadOptions options) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bound = BYTES_PER_INPUT_BYTE * Math.max(bytes.length, contentLength) + FIXED_BYTES;
        long allocated = allocatedByRead(options);
        if (allocated > bound) {
            // the first run of a code path loads (and instruments) classes and links call sites on this
            // thread; a read that allocates too much a second time allocates it itself
            allocated = allocatedByRead(options);
        }
        assertTrue(allocated <= bound, "reading " + bytes.length + " bytes (" + contentLength
                + " inflated) allocated " + allocated + " bytes, more than the bound " + bound);
    }

    private static long allocatedByRead(ReadOptions options) {
        return AllocationMeter.allocatedBy(() -> {
            try {
                DatasetReader.read(file, options);
            } catch (DataException expected) {
                // bad input: the one acceptable failure
            }
        });
    }

    /** @return the inflated length of a gzip input (what the reader may widen), or its own length */
    private static long inflatedLength(byte[] input) {
        if (input.length < 2 || (input[0] & 0xFF) != 0x1F || (input[1] & 0xFF) != 0x8B) {
            return input.length;
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
            for (int got; (got = in.read(buffer)) >= 0; ) {
                total += got;
            }
        } catch (IOException corrupt) {
            // the reader sees the same bytes up to the same failure
        }
        return Math.max(total, input.length);
    }

    private static byte[] gzip(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
