package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of {@code docs/bad-inputs.md} through the CLI in-process: the exit code of the
 * row; stderr exactly one line ({@code kspec: error: …}, or for exit 2 {@code kspec: usage error: …}
 * and the {@code see '… --help'} pointer) containing the row's text, without a stack trace; no file
 * left in the fixture directory beyond the fixtures (no output, no temporary file); no fixture
 * changed. The table is read from the docs file, so the documentation cannot drift from the CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputsTableTest {

    private static final Path TABLE = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("bad-inputs.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `(.+)` \\| `(.+)` \\| ([12]) \\|$");
    private static final Pattern FILE_TOKEN = Pattern.compile("[\\w./-]*\\.(npy|gz|idx|csv|json|png|md)|a-directory|no-such-dir/.*");

    /** One row of the table. */
    record Row(int number, String command, String says, int exit) {
        @Override
        public String toString() {
            return "#" + number + " kspec " + command;
        }
    }

    @TempDir
    static Path dir;

    private Map<String, String> fixtureHashes;

    @BeforeAll
    void buildFixtures() throws IOException {
        SplittableRandom rng = new SplittableRandom(13);
        write("lying-rows.npy", npy("<f8", "(1000000000, 1)", new byte[800], 1));
        write("lying-rows.npy.gz", gzip(npy("<f8", "(200000000, 1)", new byte[800], 1)));
        write("nested-header.npy", npy("<f8", "(".repeat(4000) + ")".repeat(4000), new byte[8], 2));
        write("huge-header.npy", ByteBuffer.allocate(12 + 1000).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0)
                .putInt(400_000).put("{".repeat(1000).getBytes(StandardCharsets.US_ASCII)).array());
        write("lying-rows.idx", idx(100_000_000, 10, 800));
        write("lying-rows.idx.gz", gzip(idx(20_000_000, 10, 800)));
        write("nul.csv", "a,b\n1,2\n\u00003,4\n".getBytes(StandardCharsets.UTF_8));
        write("empty.npy", new byte[0]);
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) rng.nextInt(256);
        }
        write("garbage.npy", garbage);
        write("zero-rows.npy", npy("<f8", "(0, 4)", new byte[0], 1));
        Files.createDirectory(dir.resolve("a-directory"));
        write("complex.npy", npy("<c16", "(3, 3)", new byte[9 * 16], 1));
        write("ragged.csv", "1,2\n3\n".getBytes(StandardCharsets.UTF_8));
        write("nan.npy", npy("<f8", "(3, 2)", float64(1, Double.NaN, 2, 3, 4, 5), 1));
        write("x50.npy", npy("<f8", "(50, 3)", float64(gaussian(rng, 150)), 1));
        write("x300.npy", npy("<f8", "(300, 5)", float64(gaussian(rng, 1500)), 1));
        double[] ones = new double[1500];
        java.util.Arrays.fill(ones, 1.0);
        write("identical.npy", npy("<f8", "(300, 5)", float64(ones), 1));
        double[] huge = new double[150];
        java.util.Arrays.fill(huge, 1e300);
        write("huge-values.npy", npy("<f8", "(50, 3)", float64(huge), 1));
        write("labels3.npy", npy("<i8", "(3,)", int64(0, 1, 2), 1));
        write("labels-float.npy", npy("<f8", "(300,)", float64(new double[300]), 1));
        long[] negative = new long[300];
        for (int i = 0; i < negative.length; i++) {
            negative[i] = i % 2 == 0 ? -1 : 1;
        }
        write("labels-negative.npy", npy("<i8", "(300,)", int64(negative), 1));
        fixtureHashes = hashes();
    }

    List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        assertTrue(rows.size() >= 40, "the table has " + rows.size() + " rows");
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowBehavesAsDocumented(Row row) throws IOException {
        CliRun r = CliRun.of(arguments(row.command()));
        List<String> lines = r.err().lines().toList();
        String expectedStart = row.exit() == 2 ? "kspec: usage error: " : "kspec: error: ";
        assertEquals(row.exit(), r.code(), r.err());
        assertEquals(row.exit() == 2 ? 2 : 1, lines.size(), "stderr lines: " + r.err());
        assertTrue(lines.get(0).startsWith(expectedStart), r.err());
        assertTrue(lines.get(0).contains(row.says()), "expected '" + row.says() + "' in: " + r.err());
        if (row.exit() == 2) {
            assertTrue(lines.get(1).matches("see 'kspec \\w+ --help'"), lines.get(1));
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.err());
        assertEquals(fixtureHashes, hashes(), "no file left behind, no fixture changed");
    }

    /** Splits the command at spaces (double quotes group) and points file names into the fixture directory. */
    private String[] arguments(String command) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            boolean file = m.group(2) != null && FILE_TOKEN.matcher(token).matches() && !token.startsWith("/");
            args.add(file ? dir.resolve(token).toString() : token);
        }
        return args.toArray(new String[0]);
    }

    private Map<String, String> hashes() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> !f.equals(dir)).toList()) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An NPY file: magic, version, header length, the dict padded to 64 bytes, the data. */
    private static byte[] npy(String descr, String shape, byte[] data, int major) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int lengthBytes = major == 1 ? 2 : 4;
        String header = dict + " ".repeat(63 - (8 + lengthBytes + dict.length()) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        return b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
    }

    /** An IDX double array header declaring rows × cols, followed by {@code dataBytes} zero bytes. */
    private static byte[] idx(int rows, int cols, int dataBytes) {
        return ByteBuffer.allocate(12 + dataBytes).order(ByteOrder.BIG_ENDIAN)
                .put(new byte[] {0, 0, 0x0E, 2}).putInt(rows).putInt(cols).array();
    }

    private static byte[] float64(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    private static byte[] int64(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static double[] gaussian(SplittableRandom rng, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
