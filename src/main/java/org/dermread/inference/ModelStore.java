package org.dermread.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The model store folder: each registered TorchScript file as {@code <sha256>.pt}. Uploads are first written to
 * {@code .staging/} and only moved into place once the model passed every check, so a rejected model leaves no
 * trace.
 */
@Component
class ModelStore {

    /** A file written to the staging folder, with its SHA-256 and size. */
    record Staged(Path file, String sha256, long sizeBytes) {
    }

    private final Path folder;

    ModelStore(InferenceProperties properties) {
        this.folder = properties.modelStore().toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    Path fileOf(String sha256) {
        return folder.resolve(sha256 + ".pt");
    }

    Staged stage(InputStream content) {
        try {
            Path staging = Files.createDirectories(folder.resolve(".staging"));
            Path file = staging.resolve("upload-" + UUID.randomUUID() + ".pt");
            MessageDigest digest = sha256Digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                size = content.transferTo(out);
            }
            return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the model store " + folder, e);
        }
    }

    /** Moves a staged file into place; returns whether this call created the stored file. */
    boolean commit(Staged staged) {
        Path target = fileOf(staged.sha256());
        try {
            if (Files.exists(target)) {
                discard(staged);
                return false;
            }
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move a model into the store " + folder, e);
        }
    }

    void discard(Staged staged) {
        delete(staged.file());
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of a file, hex. */
    static String sha256(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
