package org.dermread.studies;

import java.util.List;
import java.util.Set;

/**
 * Stratified random sampling of lesions: {@code perClass} lesions of each label, drawn with {@code seed}, and up to
 * {@code imagesPerLesion} images of each lesion drawn. A case without a lesion id is a lesion of its own. The same
 * plan on the same library always draws the same cases.
 *
 * @param sourceIds       library sources to draw from; empty for all
 * @param imagesPerLesion images taken of each lesion drawn (1: a lesion never appears twice in the case set)
 */
public record SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds, int imagesPerLesion) {

    public SamplingPlan {
        labels = labels == null ? List.of() : List.copyOf(labels);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
        if (perClass < 1) {
            throw new StudyException("studies.caseset.error.per-class");
        }
        if (imagesPerLesion < 1) {
            throw new StudyException("studies.caseset.error.images-per-lesion");
        }
    }

    /** One image per lesion. */
    public SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds) {
        this(labels, perClass, seed, sourceIds, 1);
    }
}
