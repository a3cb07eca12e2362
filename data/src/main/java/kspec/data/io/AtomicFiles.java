package kspec.data.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import kspec.data.DataException;

/**
 * Safe output: every file is written to a temporary file in the target's directory and moved
 * into place atomically, so a reader never sees a half-written file and a failure leaves the old
 * file (if any) untouched and no partial output behind. Which paths a program may write (never
 * one of its inputs) is the program's decision: it knows its inputs and outputs.
 */
public final class AtomicFiles {

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes the content of one file to an output stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically: the body writes a temporary file next to it, which is then
     * moved over {@code target}. On any failure the temporary file is deleted and {@code target}
     * is left as it was.
     *
     * @throws DataException if the directory of {@code target} does not exist, or writing fails
     */
    public static void write(Path target, Body body) {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DataException("output directory " + dir + " does not exist; create it or choose another output path");
        }
        Path temp = null;
        boolean moved = false;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            setPermissions(temp, absolute);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER)) {
                body.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // some file systems (certain network mounts) cannot rename atomically; the temp file is
                // complete, so a plain replacing move still never exposes partial content under the target name
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new DataException("cannot write " + absolute + " (" + e + "); check the path, free space and permissions", e);
        } finally {
            if (temp != null && !moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the original failure is what the user needs to see
                }
            }
        }
    }

    /**
     * A temp file is created owner-only (rw-------); give the output the permissions of the file it
     * replaces, or rw-r--r-- (the usual umask 022 result) for a new file, where the file system is POSIX.
     */
    private static void setPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }
}
