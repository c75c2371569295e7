package org.dermread.studies;

import java.util.List;
import java.util.Set;
import org.dermread.cases.Taxonomy;

/**
 * Stratified random sampling: {@code perClass} cases of each label, drawn with {@code seed}. The same plan on the
 * same library always draws the same cases.
 *
 * @param sourceIds library sources to draw from; empty for all sources of the taxonomy
 * @param taxonomy  the taxonomy of the labels; only cases of case sources of this taxonomy are drawn
 */
public record SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds, String taxonomy) {

    /** A plan on the default taxonomy (Zhu et al. 2021). */
    public SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds) {
        this(labels, perClass, seed, sourceIds, Taxonomy.DEFAULT_TAXONOMY);
    }

    public SamplingPlan {
        taxonomy = taxonomy == null || taxonomy.isBlank() ? Taxonomy.DEFAULT_TAXONOMY : taxonomy;
        labels = labels == null ? List.of() : List.copyOf(labels);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
        if (perClass < 1) {
            throw new StudyException("studies.caseset.error.per-class");
        }
    }
}
