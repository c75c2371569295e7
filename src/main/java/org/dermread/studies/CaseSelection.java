package org.dermread.studies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chosen cases and how many of each class, in label order: what the designer shows before saving. */
public record CaseSelection(List<Long> caseIds, Map<String, Integer> distribution) {

    public CaseSelection {
        caseIds = List.copyOf(caseIds);
        distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
    }
}
