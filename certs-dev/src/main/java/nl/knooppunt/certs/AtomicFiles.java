package nl.knooppunt.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file through a temporary sibling, so a reader never sees half a key store. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content, boolean ownerOnly) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                setPermissions(temporary, ownerOnly);
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Key stores owner-only; certificates and CRLs readable by all (temporary files start owner-only). */
    private static void setPermissions(Path file, boolean ownerOnly) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the store is still password protected.
        }
    }
}
