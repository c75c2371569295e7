package org.dermread.studies;

import java.time.Instant;
import java.util.List;

/**
 * A set of library cases with its label set (diagnosis codes in display order). Locked once a study using it is
 * opened; a locked set can be cloned, never changed.
 *
 * @param samplingSeed     the seed of the stratified sampling that chose the cases, or null when chosen by hand
 * @param samplingPerClass lesions per class of that sampling, or null
 * @param samplingImagesPerLesion images per lesion drawn by that sampling, or null
 * @param taxonomy         the taxonomy its labels come from (a study on it shows that taxonomy's names)
 */
public record CaseSet(long id, String name, String description, List<String> labels, Long samplingSeed,
        Integer samplingPerClass, boolean locked, long createdBy, String createdByName, Instant createdAt,
        int caseCount, Integer samplingImagesPerLesion, String taxonomy) {

    public CaseSet {
        labels = List.copyOf(labels);
    }
}
