package kspec.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import kspec.data.io.IdxReader;
import kspec.data.io.NpyReader;
import kspec.data.io.NpyWriter;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an n × 784 data set (Fashion-MNIST size at n = 60,000) into a float64 matrix:
 * NPY {@code <f8} (written by {@link NpyWriter}, 376 MB), NPY {@code <f4} (188 MB) and gzip IDX
 * ubyte (random pixels, so barely compressible: ~47 MB). Files sit in the page cache after the
 * first read, so this measures decoding, not the disk.
 *
 * <p>HOW TO RUN: {@code java -jar bench/target/benchmarks.jar ReaderBenchmark -f 1 -wi 1 -i 2}
 * (smaller: {@code -p n=10000}).
 *
 * <p>Measured 2026-11-22, 2-core AMD EPYC VM shared with other jobs (load average 7–12, so ±50 %):
 * readNpy 161–224 ms, readNpyFloat32 83–191 ms, readIdx 161–260 ms. Under the same load numpy
 * 2.4.6 took 212 ms for {@code np.load} of the {@code <f8} file, 230 ms for {@code <f4} +
 * {@code astype(float64)}, 584 ms for {@code gzip} + {@code frombuffer} + {@code astype} (best of 5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReaderBenchmark {

    private static final int DIM = 784;

    @Param({"60000"})
    public int n;

    private Path dir;
    private Path npyF8;
    private Path npyF4;
    private Path idxGz;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        dir = Files.createTempDirectory("kspec-reader-bench");
        SplittableRandom rng = new SplittableRandom(1234);
        DMatrixRMaj x = new DMatrixRMaj(n, DIM);
        byte[] pixels = new byte[n * DIM];
        for (int i = 0; i < x.data.length; i++) {
            int p = rng.nextInt(256);
            pixels[i] = (byte) p;
            x.data[i] = p / 255.0 + rng.nextDouble() * 1e-3;
        }
        npyF8 = dir.resolve("x-f8.npy");
        NpyWriter.write(npyF8, x);
        npyF4 = dir.resolve("x-f4.npy");
        writeNpyFloat32(npyF4, x);
        idxGz = dir.resolve("x-idx3-ubyte.gz");
        writeIdxUbyteGz(idxGz, pixels, n);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public DMatrixRMaj readNpy() {
        return NpyReader.read(npyF8).asMatrix();
    }

    @Benchmark
    public DMatrixRMaj readNpyFloat32() {
        return NpyReader.read(npyF4).asMatrix();
    }

    @Benchmark
    public DMatrixRMaj readIdx() {
        return IdxReader.read(idxGz).asMatrix();
    }

    /** NPY 1.0, {@code <f4}, C order; header padded to 64 bytes as numpy does ({@link NpyWriter} writes {@code <f8} only). */
    private static void writeNpyFloat32(Path file, DMatrixRMaj x) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + x.numRows + ", " + x.numCols + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer data = ByteBuffer.allocate(x.data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x.data) {
            data.putFloat((float) v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                (byte) header.length, (byte) (header.length >>> 8)});
            out.write(header);
            out.write(data.array());
        }
    }

    /** IDX: 00 00 08 03, big-endian n, 28, 28, then the pixels; gzip-compressed. */
    private static void writeIdxUbyteGz(Path file, byte[] pixels, int n) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        header.put(new byte[] {0, 0, 0x08, 3}).putInt(n).putInt(28).putInt(28);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.array());
            out.write(pixels);
        }
    }
}
