package org.dermread.studies;

import java.util.List;

/** What a coordinator edits on a draft study. */
public record StudyForm(String name, String description, long caseSetId, List<String> labels,
        StudyOptions options) {

    public StudyForm {
        name = name == null ? "" : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        labels = labels == null ? List.of() : List.copyOf(labels);
        options = options == null ? StudyOptions.DEFAULTS : options;
    }
}
