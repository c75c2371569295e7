package org.dermread.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A study set shipped inside the application (the build copies {@code study-sets/demo} into the jar; the repository
 * keeps the one copy), unpacked on demand into a private temporary folder so that it imports like any folder, with
 * every check. The caller deletes the folder with {@link #delete(Path)}.
 */
public final class BundledStudySet {

    private static final Logger log = LoggerFactory.getLogger(BundledStudySet.class);

    private BundledStudySet() {
    }

    /**
     * Unpacks the set under {@code classpathFolder} (e.g. {@code study-sets/demo}); empty when the application holds
     * no such set.
     */
    public static Optional<Path> unpack(String classpathFolder) {
        String prefix = classpathFolder.endsWith("/") ? classpathFolder : classpathFolder + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + prefix
                    + "**");
            Path folder = null;
            Set<String> copied = new LinkedHashSet<>();
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(prefix);
                String path = at < 0 ? "" : url.substring(at + prefix.length());
                if (path.isEmpty() || path.endsWith("/") || !resource.isReadable() || copied.contains(path)
                        || StudySetReader.safePath(path) == null) {
                    continue;
                }
                if (folder == null) {
                    folder = privateFolder();
                }
                Path target = folder.resolve(StudySetReader.safePath(path));
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                copied.add(path);
            }
            return Optional.ofNullable(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the study set " + classpathFolder
                    + " held by the application", e);
        }
    }

    private static Path privateFolder() throws IOException {
        try {
            return Files.createTempDirectory("dermread-bundled-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory("dermread-bundled-");
        }
    }

    /** Deletes an unpacked folder; a failure is logged, not thrown (the import's outcome stands). */
    public static void delete(Path folder) {
        try {
            StudySetFiles.deleteTree(folder);
        } catch (IOException e) {
            log.warn("Could not delete the unpacked study set {}: {}", folder, e.toString());
        }
    }
}
