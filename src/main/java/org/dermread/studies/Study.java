package org.dermread.studies;

import java.util.List;

/**
 * A study as other features read it: what readers are asked (labels, in display order), on which case set, under
 * which options. Carries no ground truth.
 *
 * @param labels      the label set, diagnosis codes in the order readers see them
 * @param modelSha256 the model the AI phase uses, or null when none is chosen yet
 * @param arms        the arms of a human-AI collaboration study (empty: every reader sees {@link StudyArm#DEFAULT})
 */
public record Study(long id, String name, String description, StudyStatus status, StudyOptions options,
        List<String> labels, long caseSetId, String modelSha256, List<StudyArm> arms) {

    public Study {
        labels = List.copyOf(labels);
        arms = List.copyOf(arms);
    }

    /** The study's definition as a form (to validate it again, or to clone it). */
    public StudyForm form() {
        return new StudyForm(name, description, caseSetId, labels, options, arms);
    }
}
