package org.dermread.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dermread.cases.Diagnosis;
import org.dermread.stats.Grouping;
import org.dermread.studies.MalignantLabels;

/**
 * The binary grouping of a study's labels that reader studies on skin cancer report beside the per-class figures:
 * malignant against the rest (sensitivity and specificity for malignancy, e.g. Haenssle et al., Ann. Oncol.
 * 29:1836-1842, 2018), with the AI's malignancy score the sum of its probabilities over the malignant labels
 * (renormalised over the label set; {@link Grouping}). It comes from the groups of the study's taxonomy:
 * {@code malignant} and {@code premalignant} labels form the group "malignant" (a documented choice, see
 * {@link org.dermread.cases.DiagnosisGroup#positiveForMalignancy}), every other group (benign, inflammatory,
 * infectious) the group "benign".
 */
public final class MalignancyGrouping {

    /** The grouping's name in analysis.json and metrics.json. */
    public static final String NAME = "malignancy";
    public static final String MALIGNANT = "malignant";
    public static final String BENIGN = "benign";

    private MalignancyGrouping() {
    }

    /**
     * The grouping of these labels, or empty when it cannot be formed: a label without a group in the taxonomy, or
     * no label (or only labels) on the malignant side.
     */
    public static Optional<Grouping> of(List<Diagnosis> labels) {
        // One rule for which labels are malignant: the reading page's malignancy score uses the same.
        return MalignantLabels.of(labels).map(malignant -> {
            Map<String, String> groupOf = new LinkedHashMap<>();
            for (Diagnosis label : labels) {
                groupOf.put(label.code(), malignant.contains(label.code()) ? MALIGNANT : BENIGN);
            }
            return new Grouping(NAME, List.of(MALIGNANT, BENIGN), groupOf);
        });
    }
}
