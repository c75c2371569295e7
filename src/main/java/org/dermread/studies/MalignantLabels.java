package org.dermread.studies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dermread.cases.Diagnosis;

/**
 * The labels whose probabilities make the "malignancy score" form of AI help: the AI's probability of the malignant
 * group is the sum of its (label-set renormalised) probabilities over the labels whose taxonomy group counts as
 * malignant ({@link org.dermread.cases.DiagnosisGroup#positiveForMalignancy}: malignant and premalignant), the same
 * grouping as the analysis' malignant-vs-benign section (analysis.MalignancyGrouping).
 */
public final class MalignantLabels {

    private MalignantLabels() {
    }

    /**
     * The malignant codes among the labels, or empty when the score means nothing: a label without a group, or no
     * label (or every label) malignant.
     */
    public static Optional<Set<String>> of(List<Diagnosis> labels) {
        Set<String> malignant = new LinkedHashSet<>();
        for (Diagnosis label : labels) {
            if (label.group() == null) {
                return Optional.empty();
            }
            if (label.group().positiveForMalignancy()) {
                malignant.add(label.code());
            }
        }
        return malignant.isEmpty() || malignant.size() == labels.size() ? Optional.empty() : Optional.of(malignant);
    }

    /** The sum of the probabilities of the malignant codes ({@code codes} and {@code probabilities} align). */
    public static double score(Set<String> malignant, List<String> codes, List<Double> probabilities) {
        double sum = 0;
        for (int i = 0; i < codes.size(); i++) {
            if (malignant.contains(codes.get(i))) {
                sum += probabilities.get(i);
            }
        }
        return Math.min(1.0, sum);
    }
}
