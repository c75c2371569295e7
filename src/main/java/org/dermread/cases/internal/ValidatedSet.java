package org.dermread.cases.internal;

import java.nio.file.Path;
import java.util.List;

/** A study set that passed every check, ready to be stored in one transaction. */
public record ValidatedSet(String name, String source, String description, boolean synthetic, String contentSha256,
        List<ValidatedCase> cases) {

    /**
     * One manifest row with its checked image; the image stays on disk ({@code file}) until it is stored, where its
     * SHA-256 is checked again so that a file changed since validation is never stored.
     */
    public record ValidatedCase(String externalId, String diagnosis, Integer age, String sex, String bodySite,
            String confirmation, String imageSha256, String mediaType, int width, int height, Path file,
            long sizeBytes) {
    }
}
