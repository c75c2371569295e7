package org.dermread.studies;

import java.util.List;
import java.util.Map;

/** Chosen cases and how many of each class, in label order: what the designer shows before saving. */
public record CaseSelection(List<Long> caseIds, Map<String, Integer> distribution) {

    public CaseSelection {
        caseIds = List.copyOf(caseIds);
        distribution = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(distribution));
    }
}
