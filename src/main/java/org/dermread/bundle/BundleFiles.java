package org.dermread.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of an export bundle in memory, by their path inside the bundle ({@code cases.csv},
 * {@code imrmc/MN.imrmc}, ...), sorted by path. The same bundle can come from a study's tables, from an unpacked
 * folder or from the ZIP, and can be written to either; paths never leave the bundle (no absolute paths, no
 * {@code ..}).
 */
public final class BundleFiles {

    /** A fixed entry date, independent of the time zone, so that unchanged files zip to identical bytes. */
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final SortedMap<String, byte[]> files;

    private BundleFiles(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    public static BundleFiles of(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, content) -> copy.put(checkedPath(path), content.clone()));
        return new BundleFiles(copy);
    }

    /** The named files of an unpacked bundle that exist; the others are simply absent. */
    public static BundleFiles readFolder(Path folder, Collection<String> paths) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        SortedMap<String, byte[]> read = new TreeMap<>();
        for (String path : paths) {
            Path file = folder.resolve(checkedPath(path));
            if (Files.isRegularFile(file)) {
                read.put(path, Files.readAllBytes(file));
            }
        }
        return new BundleFiles(read);
    }

    /** Every file of a bundle ZIP. */
    public static BundleFiles readZip(byte[] zip) throws IOException {
        SortedMap<String, byte[]> read = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    read.put(checkedPath(entry.getName()), in.readAllBytes());
                }
            }
        }
        return new BundleFiles(read);
    }

    /** A bundle with these files added (or replaced). */
    public BundleFiles with(Map<String, byte[]> more) {
        SortedMap<String, byte[]> all = new TreeMap<>(files);
        more.forEach((path, content) -> all.put(checkedPath(path), content.clone()));
        return new BundleFiles(all);
    }

    public BundleFiles with(String path, byte[] content) {
        return with(Map.of(path, content));
    }

    public Optional<byte[]> get(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    /** A file the bundle must have. */
    public byte[] require(String path) {
        return get(path).orElseThrow(() -> new IllegalArgumentException("the bundle has no " + path));
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    /** Every path, sorted. */
    public Collection<String> paths() {
        return Collections.unmodifiableSet(files.keySet());
    }

    public int size() {
        return files.size();
    }

    /** One SHA-256 over every path and content: equal for bundles with equal files. */
    public String contentSha256() {
        MessageDigest digest = sha256Digest();
        files.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hexadecimal SHA-256 of the bytes, as the manifest lists it. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bundle as a ZIP: entries sorted by path, each with a fixed date. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(ZIP_ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks the bundle into a folder (created if needed). */
    public void writeTo(Path folder) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static String checkedPath(String path) {
        boolean escapes = path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
                || path.endsWith("/") || path.contains("\0");
        for (String segment : path.split("/")) {
            escapes |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (escapes) {
            throw new IllegalArgumentException("not a file path inside a bundle: '" + path + "'");
        }
        return path;
    }
}
