package org.dermread.cases.internal;

import java.nio.file.Path;
import java.util.List;
import org.dermread.cases.StudySetLayout;

/**
 * A study set that passed every check, ready to be stored in one transaction.
 *
 * @param taxonomy the taxonomy its diagnoses were checked against
 * @param layout   the layout it was read from
 * @param skipped  rows its layout's rules left out (not stored)
 */
public record ValidatedSet(String name, String source, String description, boolean synthetic, String contentSha256,
        List<ValidatedCase> cases, String taxonomy, StudySetLayout layout, int skipped) {

    /**
     * One case with its checked image; the image stays on disk ({@code file}) until it is stored, where its SHA-256 is
     * checked again so that a file changed since validation is never stored.
     *
     * @param lesionId the lesion the image shows (several images may share one), or null
     */
    public record ValidatedCase(String externalId, String diagnosis, Integer age, String sex, String bodySite,
            String confirmation, String imageSha256, String mediaType, int width, int height, Path file,
            long sizeBytes, String lesionId) {
    }
}
