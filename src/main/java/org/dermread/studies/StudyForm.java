package org.dermread.studies;

import java.util.List;

/**
 * What a coordinator edits on a draft study.
 *
 * @param arms the arms of a human-AI collaboration study, in their order; empty for a study without arms
 */
public record StudyForm(String name, String description, long caseSetId, List<String> labels,
        StudyOptions options, List<StudyArm> arms) {

    public StudyForm {
        name = name == null ? "" : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        labels = labels == null ? List.of() : List.copyOf(labels);
        options = options == null ? StudyOptions.DEFAULTS : options;
        arms = arms == null ? List.of() : List.copyOf(arms);
    }

    /** A study without arms. */
    public StudyForm(String name, String description, long caseSetId, List<String> labels, StudyOptions options) {
        this(name, description, caseSetId, labels, options, List.of());
    }
}
