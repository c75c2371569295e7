package org.dermread.studies;

import java.util.List;

/**
 * A case set to save: name, label set in order, the chosen cases and, when sampled, how.
 *
 * @param samplingImagesPerLesion images per lesion of the sampling, or null when picked by hand
 */
public record CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
        Long samplingSeed, Integer samplingPerClass, Integer samplingImagesPerLesion) {

    public CaseSetDesign {
        name = name == null ? "" : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        labels = labels == null ? List.of() : List.copyOf(labels);
        caseIds = caseIds == null ? List.of() : caseIds.stream().distinct().sorted().toList();
    }

    /** Picked by hand, or sampled with one image per lesion. */
    public CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
            Long samplingSeed, Integer samplingPerClass) {
        this(name, description, labels, caseIds, samplingSeed, samplingPerClass, samplingSeed == null ? null : 1);
    }
}
