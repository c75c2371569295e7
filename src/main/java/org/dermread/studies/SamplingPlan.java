package org.dermread.studies;

import java.util.List;
import java.util.Set;

/**
 * Stratified random sampling: {@code perClass} cases of each label, drawn with {@code seed}. The same plan on the
 * same library always draws the same cases.
 *
 * @param sourceIds library sources to draw from; empty for all
 */
public record SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds) {

    public SamplingPlan {
        labels = labels == null ? List.of() : List.copyOf(labels);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
        if (perClass < 1) {
            throw new StudyException("studies.caseset.error.per-class");
        }
    }
}
