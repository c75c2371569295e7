package org.dermread.studies;

import java.util.Objects;

/**
 * How a study runs for its readers.
 *
 * @param shuffle        each reader sees the cases in their own random order (recorded seed per reader)
 * @param allowBack      readers may go back and change an answer
 * @param confidence     whether a confidence is asked with each answer
 * @param feedback       readers see their results after finishing
 * @param aiAssisted     a second phase in which readers re-read the same cases seeing the AI's probabilities
 * @param showClinical   readers see age, sex and body site with the image
 * @param batchSize      cases per sitting, or null for all at once
 */
public record StudyOptions(boolean shuffle, boolean allowBack, ConfidenceScale confidence, boolean feedback,
        boolean aiAssisted, boolean showClinical, Integer batchSize) {

    public static final StudyOptions DEFAULTS = new StudyOptions(true, false, ConfidenceScale.NONE, false, false,
            false, null);

    public StudyOptions {
        Objects.requireNonNull(confidence);
        if (batchSize != null && batchSize <= 0) {
            throw new StudyException("studies.error.batch-size");
        }
    }
}
