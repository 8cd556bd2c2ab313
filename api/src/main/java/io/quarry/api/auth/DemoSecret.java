package io.quarry.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo mode's token secret, kept inside the embedded database's own data directory
 * ({@code <data-dir>/quarry/jwt-secret}): each data directory has its own secret, a printed demo
 * token survives a restart, and deleting the data directory resets it. The directory is
 * PostgreSQL's, so the file is written only once the server has been initialised there (initdb
 * wants an empty directory); PostgreSQL ignores the extra folder.
 *
 * <p>The previous release kept the secret beside the data directory
 * ({@code <data-dir>/../jwt-secret}), shared by every data directory of that parent. The first
 * start of this release on a data directory without a secret moves that file in, so the demo
 * token printed before the upgrade still works; any other data directory of the same parent then
 * gets a new secret of its own.
 */
final class DemoSecret {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSecret.class);

    /** Where Quarry keeps its own files inside the embedded data directory. */
    static final String DIRECTORY = "quarry";
    static final String FILE = "jwt-secret";

    private DemoSecret() {
    }

    /** The secret file of the embedded database in {@code dataDir}. */
    static Path file(Path dataDir) {
        return dataDir.resolve(DIRECTORY).resolve(FILE);
    }

    /** The secret of {@code dataDir}: read, moved in from the previous release's place, or generated. */
    static String of(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (!Files.exists(file)) {
                createPrivateDirectory(file.getParent());
                Path previous = dataDir.resolveSibling(FILE);
                if (Files.isRegularFile(previous) && moved(previous, file)) {
                    LOG.info("Moved the demo token secret from {} into the data directory ({})", previous, file);
                } else {
                    write(file, generate());
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo token secret " + file, e);
        }
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrict(directory, "rwx------");
    }

    private static void write(Path file, String secret) throws IOException {
        Path temporary = file.resolveSibling(FILE + ".new");
        Files.writeString(temporary, secret, StandardCharsets.UTF_8);
        restrict(temporary, "rw-------");
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Moves the previous release's secret in; false if another data directory's server took it first. */
    private static boolean moved(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            write(to, Files.readString(from, StandardCharsets.UTF_8).strip());
            Files.deleteIfExists(from);
        } catch (NoSuchFileException e) {
            return false;
        }
        restrict(to, "rw-------");
        return true;
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions apply
        }
    }
}
