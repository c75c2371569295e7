package org.dermread.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL, generated at its first start and kept beside its cluster in the data
 * folder ({@code ./data/postgres.credentials} by default), readable by the server's own account only (mode 0600).
 * Before these existed every local process could connect as superuser without a password (issue 12, finding 6).
 *
 * @param superuserPassword the password of {@code postgres}, which DermRead uses only to set up roles
 * @param ownerPassword     the password of {@link #OWNER}, the non-superuser role that owns the database and as which
 *                          the application connects
 */
record EmbeddedCredentials(String superuserPassword, String ownerPassword) {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "dermread";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the credentials of the cluster in {@code dataDir} are kept. */
    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".credentials");
    }

    /** The credentials in the file; empty when there is no file yet. */
    static Optional<EmbeddedCredentials> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String superuser = properties.getProperty("superuser.password");
        String owner = properties.getProperty("owner.password");
        if (superuser == null || superuser.isBlank() || owner == null || owner.isBlank()) {
            throw new IOException("The embedded database's credentials file " + file + " is incomplete");
        }
        restrict(file);
        return Optional.of(new EmbeddedCredentials(superuser, owner));
    }

    /** New random passwords (32 random bytes each), written to the file atomically with mode 0600. */
    static EmbeddedCredentials create(Path file) throws IOException {
        EmbeddedCredentials credentials = new EmbeddedCredentials(randomPassword(), randomPassword());
        Properties properties = new Properties();
        properties.setProperty("superuser.password", credentials.superuserPassword());
        properties.setProperty("owner.password", credentials.ownerPassword());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = privateFile(file.resolveSibling(file.getFileName() + ".new"));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Embedded PostgreSQL of DermRead: superuser " + SUPERUSER + ", database owner "
                    + OWNER + ". Keep this file private; without it the database cannot be opened.");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return credentials;
    }

    /** A file that only this account can read (created empty with mode 0600 where the file system has modes). */
    static Path privateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; its own access rules apply
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
