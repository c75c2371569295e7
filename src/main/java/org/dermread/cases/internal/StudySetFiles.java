package org.dermread.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a study set, keyed by their {@code /}-separated path inside the set, each a file on disk: a ZIP's
 * entries are unpacked into a private spool folder (deleted by {@link #close()}), a server folder's files are read
 * where they are. Nothing is held in memory but the index, so a set's size does not weigh on the heap; the
 * validator reads one file at a time, within the import limits. Also collects the problems met while reading.
 */
public final class StudySetFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StudySetFiles.class);

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final ImportProblems problems = new ImportProblems();
    /** The folder this object owns and deletes, or null when the files are a server folder's own. */
    private final Path spool;
    /** True when reading stopped early (a limit was hit), so "missing file" problems would only be noise. */
    private boolean incomplete;

    private StudySetFiles(Path spool) {
        this.spool = spool;
    }

    /** For a ZIP: a new private spool folder (mode 0700 where the file system allows). */
    static StudySetFiles spooled() {
        try {
            Path folder;
            try {
                folder = Files.createTempDirectory("dermread-import-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                folder = Files.createTempDirectory("dermread-import-");
            }
            return new StudySetFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spool folder for an import", e);
        }
    }

    /** For a server folder: its files are read in place. */
    static StudySetFiles inPlace() {
        return new StudySetFiles(null);
    }

    Path newSpoolFile() throws IOException {
        return Files.createTempFile(spool, "entry-", ".bin");
    }

    void put(String path, Path file) {
        files.put(path, file);
    }

    void problem(ImportProblem problem) {
        problems.add(problem);
    }

    void markIncomplete() {
        incomplete = true;
    }

    /** The paths of the set's files, in the order read. */
    public Set<String> paths() {
        return files.keySet();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    /** The file's size in bytes as it is now on disk. */
    public long size(String path) throws IOException {
        return Files.size(files.get(path));
    }

    /** The file's bytes; callers check {@link #size} against a limit first. */
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(files.get(path));
    }

    /** Where the file is on disk (the spool or the server folder). */
    public Path file(String path) {
        return files.get(path);
    }

    /** The problems kept so far (at most {@value ImportProblems#KEPT_PER_KIND} of each kind). */
    public List<ImportProblem> problems() {
        return problems.kept();
    }

    /** Every problem counted so far; the validator adds its own to the same log. */
    public ImportProblems problemLog() {
        return problems;
    }

    public boolean incomplete() {
        return incomplete;
    }

    /**
     * When every file sits in one top-level folder (a ZIP of the set folder itself, {@code demo/manifest.csv}),
     * drops that folder from the paths.
     */
    void stripCommonFolder() {
        if (files.isEmpty() || files.containsKey(StudySetValidator.MANIFEST)) {
            return;
        }
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return;
        }
        String prefix = first.substring(0, slash + 1);
        if (files.keySet().stream().allMatch(path -> path.startsWith(prefix))) {
            Map<String, Path> stripped = new LinkedHashMap<>();
            files.forEach((path, file) -> stripped.put(path.substring(prefix.length()), file));
            files.clear();
            files.putAll(stripped);
        }
    }

    /**
     * Deletes the spool folder and everything in it; a server folder is left alone. A folder that cannot be deleted
     * is logged, not thrown: the import's outcome stands, and the message would name a server path.
     */
    @Override
    public void close() {
        if (spool == null || !Files.exists(spool)) {
            return;
        }
        try {
            deleteTree(spool);
        } catch (IOException e) {
            log.warn("Could not delete the import spool {}: {}", spool, e.toString());
        }
    }

    /** Deletes a folder and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
