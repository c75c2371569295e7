package org.dermread.cases;

import java.util.Collection;
import java.util.Set;

/** Which library cases to list: empty sets mean any diagnosis or any source. */
public record CaseFilter(Set<String> diagnoses, Set<Long> sourceIds) {

    public static final CaseFilter ALL = new CaseFilter(Set.of(), Set.of());

    public CaseFilter {
        diagnoses = diagnoses == null ? Set.of() : Set.copyOf(diagnoses);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
    }

    public static CaseFilter diagnoses(Collection<String> codes) {
        return new CaseFilter(Set.copyOf(codes), Set.of());
    }
}
