package org.dermread.studies;

import java.util.Objects;

/**
 * One arm of a human-AI collaboration study: the forms of AI help its readers see in the aided phase (after
 * Tschandl et al., "Human-computer collaboration for skin cancer recognition", Nat Med 2020;26:1229-1234, which
 * compared multiclass probabilities, a malignancy probability and content-based retrieval of similar images).
 * A study without arms shows every reader {@link #DEFAULT}, the AI's probabilities and its saliency map.
 *
 * @param code          A, B, ... (one upper-case letter), as exported in {@code readers.csv} and {@code arms.csv}
 * @param top1          the AI's diagnosis only (its top class), without probabilities
 * @param probabilities the AI's probabilities over the label set
 * @param malignancy    the AI's probability of the malignant group (the sum over the labels whose taxonomy group
 *                      counts as malignant)
 * @param similarCases  the {@code similarK} library cases nearest in the model's embedding space, with their
 *                      verified diagnoses
 * @param similarK      how many similar cases (1 to {@link #MAX_SIMILAR_K}), null without similar cases
 * @param saliency      the AI's saliency map
 */
public record StudyArm(String code, String name, boolean top1, boolean probabilities, boolean malignancy,
        boolean similarCases, Integer similarK, boolean saliency) {

    /** More similar cases than this do not fit beside the image, and a reader would not look at them. */
    public static final int MAX_SIMILAR_K = 20;

    /** Today's aided display, for a study without arms. */
    public static final StudyArm DEFAULT = new StudyArm("", "", false, true, false, false, null, true);

    /** Checks the arm on its own; the study checks codes and names across arms. Messages say which arm. */
    public StudyArm {
        code = code == null ? "" : code.strip();
        name = name == null ? "" : name.strip();
        if (!code.isEmpty() || !name.isEmpty()) {
            if (!code.matches("[A-Z]")) {
                throw new StudyException("studies.arms.error.code", code);
            }
            if (name.isEmpty()) {
                throw new StudyException("studies.arms.error.name", code);
            }
            if (name.length() > 100) {
                throw new StudyException("studies.arms.error.name-too-long", code, 100);
            }
        }
        if (top1 && probabilities) {
            throw new StudyException("studies.arms.error.top1-and-probabilities", code);
        }
        if (!top1 && !probabilities && !malignancy && !similarCases && !saliency) {
            throw new StudyException("studies.arms.error.no-help", code);
        }
        if (similarCases && (similarK == null || similarK < 1 || similarK > MAX_SIMILAR_K)) {
            throw new StudyException("studies.arms.error.similar-k", code, MAX_SIMILAR_K);
        }
        if (!similarCases) {
            similarK = null;
        }
    }

    /** Whether the arm shows anything derived from the AI's probabilities (top-1, probabilities, malignancy). */
    public boolean showsPrediction() {
        return top1 || probabilities || malignancy;
    }

    public boolean sameHelpAs(StudyArm other) {
        return top1 == other.top1 && probabilities == other.probabilities && malignancy == other.malignancy
                && similarCases == other.similarCases && Objects.equals(similarK, other.similarK)
                && saliency == other.saliency;
    }
}
