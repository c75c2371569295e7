package org.dermread.studies;

import java.util.List;
import java.util.Set;
import org.dermread.cases.Taxonomy;

/**
 * Stratified random sampling of lesions: {@code perClass} lesions of each label, drawn with {@code seed}, and up to
 * {@code imagesPerLesion} images of each lesion drawn. A case without a lesion id is a lesion of its own. The same
 * plan on the same library always draws the same cases.
 *
 * @param sourceIds       library sources to draw from; empty for all sources of the taxonomy
 * @param imagesPerLesion images taken of each lesion drawn (1: a lesion never appears twice in the case set)
 * @param taxonomy        the taxonomy of the labels; only cases of case sources of this taxonomy are drawn
 */
public record SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds, int imagesPerLesion,
        String taxonomy) {

    public SamplingPlan {
        taxonomy = taxonomy == null || taxonomy.isBlank() ? Taxonomy.DEFAULT_TAXONOMY : taxonomy;
        labels = labels == null ? List.of() : List.copyOf(labels);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
        if (perClass < 1) {
            throw new StudyException("studies.caseset.error.per-class");
        }
        if (imagesPerLesion < 1) {
            throw new StudyException("studies.caseset.error.images-per-lesion");
        }
    }

    /** One image per lesion, on the default taxonomy (Zhu et al. 2021). */
    public SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds) {
        this(labels, perClass, seed, sourceIds, 1, Taxonomy.DEFAULT_TAXONOMY);
    }

    /** On the default taxonomy (Zhu et al. 2021). */
    public SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds, int imagesPerLesion) {
        this(labels, perClass, seed, sourceIds, imagesPerLesion, Taxonomy.DEFAULT_TAXONOMY);
    }

    /** One image per lesion. */
    public SamplingPlan(List<String> labels, int perClass, long seed, Set<Long> sourceIds, String taxonomy) {
        this(labels, perClass, seed, sourceIds, 1, taxonomy);
    }
}
