package org.dermread.studies;

import java.util.List;

/** A case set to save: name, label set in order, the chosen cases and, when sampled, how. */
public record CaseSetDesign(String name, String description, List<String> labels, List<Long> caseIds,
        Long samplingSeed, Integer samplingPerClass) {

    public CaseSetDesign {
        name = name == null ? "" : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        labels = labels == null ? List.of() : List.copyOf(labels);
        caseIds = caseIds == null ? List.of() : caseIds.stream().distinct().sorted().toList();
    }
}
