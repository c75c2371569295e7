package org.dermread.studies;

import java.util.List;
import org.dermread.cases.Taxonomy;

/**
 * A case set to save: name, label set in order, the chosen cases and, when sampled, how.
 *
 * @param samplingImagesPerLesion images per lesion of the sampling, or null when picked by hand
 * @param taxonomy the taxonomy the labels come from; the cases come from case sources of the same taxonomy
 */
public record CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
        Long samplingSeed, Integer samplingPerClass, Integer samplingImagesPerLesion, String taxonomy) {

    public CaseSetDesign {
        taxonomy = taxonomy == null || taxonomy.isBlank() ? Taxonomy.DEFAULT_TAXONOMY : taxonomy;
        name = name == null ? "" : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        labels = labels == null ? List.of() : List.copyOf(labels);
        caseIds = caseIds == null ? List.of() : caseIds.stream().distinct().sorted().toList();
    }

    /** On the default taxonomy (Zhu et al. 2021), picked by hand or sampled with one image per lesion. */
    public CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
            Long samplingSeed, Integer samplingPerClass) {
        this(name, description, labels, caseIds, samplingSeed, samplingPerClass, samplingSeed == null ? null : 1,
                Taxonomy.DEFAULT_TAXONOMY);
    }

    /** On the default taxonomy (Zhu et al. 2021). */
    public CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
            Long samplingSeed, Integer samplingPerClass, Integer samplingImagesPerLesion) {
        this(name, description, labels, caseIds, samplingSeed, samplingPerClass, samplingImagesPerLesion,
                Taxonomy.DEFAULT_TAXONOMY);
    }

    /** Picked by hand, or sampled with one image per lesion. */
    public CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
            Long samplingSeed, Integer samplingPerClass, String taxonomy) {
        this(name, description, labels, caseIds, samplingSeed, samplingPerClass, samplingSeed == null ? null : 1,
                taxonomy);
    }
}
