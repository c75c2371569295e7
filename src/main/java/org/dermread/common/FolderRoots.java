package org.dermread.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Is this server folder under one of the folders the web pages may read?", with symbolic links resolved on both
 * sides first, so that a link inside an allowed folder cannot lead out of it (issue 12, finding 8).
 */
public final class FolderRoots {

    private FolderRoots() {
    }

    /**
     * The folder's real path (links resolved) when it lies under one of the roots, else empty. For a folder that does
     * not exist, the links of its nearest existing ancestor are resolved, so a missing folder behind a link that leads
     * outside is refused too (and the answer does not tell whether something exists out there).
     */
    public static Optional<Path> resolveWithin(Path folder, List<Path> roots) {
        Optional<Path> target = real(folder.toAbsolutePath().normalize());
        return target.filter(path -> roots.stream()
                .map(root -> real(root.toAbsolutePath().normalize()))
                .flatMap(Optional::stream)
                .anyMatch(path::startsWith));
    }

    /** The path with every link resolved; empty when that cannot be done (a dangling link), which is refused. */
    private static Optional<Path> real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of(path);
        }
        try {
            return Optional.of(existing.toRealPath().resolve(existing.relativize(path)).normalize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
