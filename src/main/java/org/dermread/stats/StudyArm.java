package org.dermread.stats;

/**
 * One arm of a collaboration study: the form of AI help its readers had in the aided phase (the export bundle's
 * {@code arms.csv}). The forms are those compared by Tschandl et al. (Nat Med 2020;26:1229): the AI's top-1
 * diagnosis, its probabilities over the label set, its malignancy score, similar library cases (content-based image
 * retrieval, {@code similarK} of them) and, in any arm, a saliency map.
 *
 * @param code      the arm's code, as readers.csv names it
 * @param name      the arm's name for people (the code when none was given)
 * @param similarK  how many similar cases were shown; 0 without similar cases
 */
public record StudyArm(String code, String name, boolean top1, boolean probabilities, boolean malignancy,
                       boolean similarCases, int similarK, boolean saliency) {

    public StudyArm {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an arm needs a code");
        }
        name = name == null || name.isBlank() ? code : name;
        if (similarK < 0) {
            throw new IllegalArgumentException("arm " + code + ": the number of similar cases cannot be negative");
        }
    }
}
