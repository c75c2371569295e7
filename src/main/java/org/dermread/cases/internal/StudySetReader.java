package org.dermread.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProperties;

/**
 * Reads a study set from a folder or a ZIP stream into memory, within the import limits. ZIP sizes are measured
 * while inflating, never taken from the archive's declared sizes, so a ZIP bomb stops at the limit; entries whose
 * names would leave the set folder (zip-slip) are refused and never written anywhere.
 */
public final class StudySetReader {

    /** Files the importer accepts and skips: human notes and what some archivers add. */
    static boolean ignored(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.equals("README.md") || path.startsWith("__MACOSX/") || name.equals(".DS_Store");
    }

    private final ImportProperties limits;

    public StudySetReader(ImportProperties limits) {
        this.limits = limits;
    }

    /** A file larger than this cannot be part of a valid set (images have their own, lower, limit). */
    private long maxFileBytes() {
        return Math.max(limits.maxImageBytes(), 64L * 1024 * 1024);
    }

    public StudySetFiles readZip(InputStream in) {
        StudySetFiles set = new StudySetFiles();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    set.problem(ImportProblem.of("", 0, "cases.problem.zip-too-many-entries", limits.maxEntries()));
                    set.markIncomplete();
                    return set;
                }
                String name = entry.getName();
                String path = safePath(name);
                if (path == null) {
                    set.problem(ImportProblem.of(name, 0, "cases.problem.zip-slip"));
                }
                // Inflate every entry (also refused ones) so the total counts what the archive really holds.
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long entrySize = 0;
                boolean tooLarge = false;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    entrySize += read;
                    if (total > limits.maxTotalBytes()) {
                        set.problem(ImportProblem.of("", 0, "cases.problem.zip-too-large",
                                limits.maxTotalBytes() / 1_000_000));
                        set.markIncomplete();
                        return set;
                    }
                    if (entrySize > maxFileBytes()) {
                        tooLarge = true;
                    } else if (!entry.isDirectory()) {
                        out.write(buffer, 0, read);
                    }
                }
                if (path == null || entry.isDirectory() || ignored(path)) {
                    continue;
                }
                if (tooLarge) {
                    set.problem(ImportProblem.of(path, 0, "cases.problem.file-too-large", maxFileBytes() / 1_000_000));
                    continue;
                }
                set.put(path, out.toByteArray());
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8 (found by ImportFuzzTest)
            set.problem(ImportProblem.of("", 0, "cases.problem.zip-unreadable", e.getMessage()));
            set.markIncomplete();
            return set;
        } catch (IOException e) {
            set.problem(ImportProblem.of("", 0, "cases.problem.zip-unreadable", e.getMessage()));
            set.markIncomplete();
            return set;
        }
        if (entries == 0) {
            set.problem(ImportProblem.of("", 0, "cases.problem.zip-empty"));
            set.markIncomplete();
        }
        set.stripCommonFolder();
        return set;
    }

    public StudySetFiles readFolder(Path folder) {
        StudySetFiles set = new StudySetFiles();
        if (!Files.isDirectory(folder)) {
            set.problem(ImportProblem.of(folder.toString(), 0, "cases.problem.folder-missing"));
            set.markIncomplete();
            return set;
        }
        Path root = folder.toAbsolutePath().normalize();
        long[] total = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (++entries[0] > limits.maxEntries()) {
                        set.problem(ImportProblem.of("", 0, "cases.problem.zip-too-many-entries", limits.maxEntries()));
                        set.markIncomplete();
                        return FileVisitResult.TERMINATE;
                    }
                    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        set.problem(ImportProblem.of(path, 0, "cases.problem.link"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (ignored(path)) {
                        return FileVisitResult.CONTINUE;
                    }
                    long size = attributes.size();
                    if (size > maxFileBytes()) {
                        set.problem(ImportProblem.of(path, 0, "cases.problem.file-too-large", maxFileBytes() / 1_000_000));
                        return FileVisitResult.CONTINUE;
                    }
                    total[0] += size;
                    if (total[0] > limits.maxTotalBytes()) {
                        set.problem(ImportProblem.of("", 0, "cases.problem.zip-too-large",
                                limits.maxTotalBytes() / 1_000_000));
                        set.markIncomplete();
                        return FileVisitResult.TERMINATE;
                    }
                    set.put(path, Files.readAllBytes(file));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    set.problem(ImportProblem.of(root.relativize(file).toString(), 0, "cases.problem.file-unreadable"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            set.problem(ImportProblem.of(folder.toString(), 0, "cases.problem.folder-unreadable", e.getMessage()));
            set.markIncomplete();
        }
        return set;
    }

    /**
     * The entry's path inside the set, or null when it is absolute, has a drive letter, or climbs out with
     * {@code ..}. Backslashes count as separators, as Windows archivers write them.
     */
    static String safePath(String name) {
        String path = name.replace('\\', '/');
        if (path.isEmpty() || path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!clean.isEmpty()) {
                clean.append('/');
            }
            clean.append(segment);
        }
        return clean.isEmpty() ? null : clean.toString() + (path.endsWith("/") ? "/" : "");
    }
}
