package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import kspec.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void failingWriterLeavesNoTempFileAndKeepsTheOldContent() throws IOException {
        Path target = Fixtures.write(dir, "out.csv", "old\n");
        assertThrows(DataException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: part of it reaches the temp file
            throw new IOException("disk full (simulated)");
        }));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug in a writer (simulated)");
        }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("old\n", Files.readString(target));
    }

    @Test
    void successfulWriteReplacesTheTargetAndLeavesNothingElse() throws IOException {
        Path target = Fixtures.write(dir, "out.csv", "old\n");
        AtomicFiles.write(target, out -> out.write("new\n".getBytes()));
        assertEquals("new\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void newFilesGetRwRR_AndReplacedFilesKeepTheirPermissions() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        AtomicFiles.write(fresh, out -> out.write('x'));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path shared = Fixtures.write(dir, "shared.csv", "old\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(shared, out -> out.write('y'));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    @Test
    void missingOutputDirectoryIsNamed() {
        Path target = dir.resolve("no/such/dir/out.npy");
        DataException e = assertThrows(DataException.class, () -> NpyWriter.write(target, new double[] {1}));
        assertEquals("output directory " + target.getParent() + " does not exist; create it or choose another output path",
                e.getMessage());
    }
}
