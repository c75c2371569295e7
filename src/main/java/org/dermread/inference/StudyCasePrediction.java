package org.dermread.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI's answer for one case of a study.
 *
 * @param labels        the study's label set, in its display order
 * @param probabilities the model's probabilities restricted to {@code labels} and renormalised to sum to 1, in the
 *                      order of {@code labels}
 * @param raw           all the model's probabilities (its 14 classes, model order); empty when shown to a reader
 */
public record StudyCasePrediction(long caseId, String modelSha256, List<String> labels, List<Double> probabilities,
        Map<String, Double> raw) {

    public StudyCasePrediction {
        labels = List.copyOf(labels);
        probabilities = List.copyOf(probabilities);
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        if (labels.size() != probabilities.size()) {
            throw new IllegalArgumentException("one probability per label");
        }
    }

    /** The renormalised probability of {@code code}, 0 when it is not in the label set. */
    public double probabilityOf(String code) {
        int index = labels.indexOf(code);
        return index < 0 ? 0 : probabilities.get(index);
    }

    /** The label with the largest renormalised probability (the AI's diagnosis within the study). */
    public String predictedLabel() {
        int best = 0;
        for (int i = 1; i < probabilities.size(); i++) {
            if (probabilities.get(i) > probabilities.get(best)) {
                best = i;
            }
        }
        return labels.get(best);
    }

    /** The same prediction without the model's probabilities outside the study's label set. */
    public StudyCasePrediction withoutRaw() {
        return new StudyCasePrediction(caseId, modelSha256, labels, probabilities, Map.of());
    }
}
