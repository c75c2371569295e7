package org.dermread.cases.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Reads a study set from a folder or a ZIP stream, within the import limits. A ZIP's entries are streamed to a
 * private spool folder on disk, never held in memory (a 966 KB ZIP of 15 entries of 63 MB each cost 640 MB of heap
 * when they were; issue 12, finding 1). Sizes are measured while inflating, never taken from the archive's declared
 * sizes, so a ZIP bomb stops at a limit: the total unpacked size, the number of entries, each file's size (nothing of
 * a valid set is larger than an image or the manifest), and the compression ratio of the archive so far. Entries
 * whose names would leave the set folder (zip-slip) are refused and never written anywhere. Problems name files by
 * their path inside the set, never by a path on the server.
 */
public final class StudySetReader {

    /**
     * Inflating more than this many bytes per compressed byte, once past {@link #RATIO_FLOOR} unpacked, is a ZIP bomb:
     * JPEG and PNG images do not compress, and a manifest compresses perhaps tenfold.
     */
    static final int MAX_RATIO = 100;
    static final long RATIO_FLOOR = 64L * 1024 * 1024;

    /** Files the importer accepts and skips: human notes and what some archivers add. */
    static boolean ignored(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.equals("README.md") || path.startsWith("__MACOSX/") || name.equals(".DS_Store");
    }

    private final ImportProperties limits;

    public StudySetReader(ImportProperties limits) {
        this.limits = limits;
    }

    /** Unpacks a ZIP stream into a spool folder; the caller closes the result, which deletes the folder. */
    public StudySetFiles readZip(InputStream in) {
        StudySetFiles set = StudySetFiles.spooled();
        try {
            return unpack(in, set);
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
    }

    private StudySetFiles unpack(InputStream in, StudySetFiles set) {
        CountingInputStream compressed = new CountingInputStream(in);
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
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
                boolean keep = path != null && !entry.isDirectory() && !ignored(path);
                Path file = keep ? set.newSpoolFile() : null;
                long entrySize = 0;
                boolean tooLarge = false;
                // Inflate every entry (also refused ones) so the total counts what the archive really holds.
                try (OutputStream out = file == null ? OutputStream.nullOutputStream() : Files.newOutputStream(file)) {
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
                        if (total > RATIO_FLOOR && total > MAX_RATIO * Math.max(1, compressed.count())) {
                            set.problem(ImportProblem.of("", 0, "cases.problem.zip-ratio", MAX_RATIO));
                            set.markIncomplete();
                            return set;
                        }
                        if (entrySize > limits.maxFileBytes()) {
                            tooLarge = true;
                        } else {
                            out.write(buffer, 0, read);
                        }
                    }
                }
                if (!keep) {
                    continue;
                }
                if (tooLarge) {
                    Files.deleteIfExists(file);
                    set.problem(ImportProblem.of(path, 0, "cases.problem.file-too-large",
                            limits.maxFileBytes() / 1_000_000));
                    continue;
                }
                set.put(path, file);
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8 (found by ImportFuzzTest)
            set.problem(ImportProblem.of("", 0, "cases.problem.zip-unreadable", e.getMessage()));
            set.markIncomplete();
            return set;
        } catch (IOException e) {
            // the message may name a spool file on the server; say only what the ZIP library said, if anything
            set.problem(ImportProblem.of("", 0, "cases.problem.zip-unreadable",
                    e instanceof EOFException ? e.getMessage() : "the archive could not be unpacked"));
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

    /** Indexes a server folder's files in place (links and special files are refused). */
    public StudySetFiles readFolder(Path folder) {
        StudySetFiles set = StudySetFiles.inPlace();
        if (!Files.isDirectory(folder)) {
            set.problem(ImportProblem.of("", 0, "cases.problem.folder-missing"));
            set.markIncomplete();
            return set;
        }
        Path root = folder.toAbsolutePath().normalize();
        long[] total = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
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
                    if (size > limits.maxFileBytes()) {
                        set.problem(ImportProblem.of(path, 0, "cases.problem.file-too-large",
                                limits.maxFileBytes() / 1_000_000));
                        return FileVisitResult.CONTINUE;
                    }
                    total[0] += size;
                    if (total[0] > limits.maxTotalBytes()) {
                        set.problem(ImportProblem.of("", 0, "cases.problem.zip-too-large",
                                limits.maxTotalBytes() / 1_000_000));
                        set.markIncomplete();
                        return FileVisitResult.TERMINATE;
                    }
                    set.put(path, file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    set.problem(ImportProblem.of(root.relativize(file).toString().replace('\\', '/'), 0,
                            "cases.problem.file-unreadable"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            set.problem(ImportProblem.of("", 0, "cases.problem.folder-unreadable", e.getClass().getSimpleName()));
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

    /** Counts the compressed bytes the ZIP reader has taken, for the compression-ratio limit. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
