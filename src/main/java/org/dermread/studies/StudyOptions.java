package org.dermread.studies;

import java.util.Objects;

/**
 * How a study runs for its readers.
 *
 * @param shuffle             each reader sees the cases in their own random order (recorded seed per reader)
 * @param allowBack           readers may go back and change an answer
 * @param confidence          whether a confidence is asked with each answer
 * @param feedback            readers see their results after finishing every phase
 * @param aiAssisted          a second phase in which readers re-read the same cases seeing the AI's probabilities
 * @param showClinical        readers see age, sex and body site with the image
 * @param batchSize           cases per sitting, or null for all at once
 * @param washoutDays         the second phase opens this many days after the reader finished the first (0: at once)
 * @param randomisePhaseOrder each reader starts with the unaided or the AI-assisted phase, drawn per reader and
 *                            balanced within experience groups (a crossover design); otherwise unaided first
 * @param feedbackCases       the feedback also lists the cases the reader got wrong, with the true diagnosis
 */
public record StudyOptions(boolean shuffle, boolean allowBack, ConfidenceScale confidence, boolean feedback,
        boolean aiAssisted, boolean showClinical, Integer batchSize, int washoutDays, boolean randomisePhaseOrder,
        boolean feedbackCases) {

    /** The longest washout: washouts in reader studies last weeks; past a year it is a typing mistake. */
    public static final int MAX_WASHOUT_DAYS = 365;

    public static final StudyOptions DEFAULTS = new StudyOptions(true, false, ConfidenceScale.NONE, false, false,
            false, null);

    public StudyOptions {
        Objects.requireNonNull(confidence);
        if (batchSize != null && batchSize <= 0) {
            throw new StudyException("studies.error.batch-size");
        }
        if (washoutDays < 0 || washoutDays > MAX_WASHOUT_DAYS) {
            throw new StudyException("studies.error.washout-days", MAX_WASHOUT_DAYS);
        }
    }

    /** Options without washout, with the unaided phase first and feedback without the cases. */
    public StudyOptions(boolean shuffle, boolean allowBack, ConfidenceScale confidence, boolean feedback,
            boolean aiAssisted, boolean showClinical, Integer batchSize) {
        this(shuffle, allowBack, confidence, feedback, aiAssisted, showClinical, batchSize, 0, false, false);
    }
}
