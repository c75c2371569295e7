package org.dermread.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grouping of the label set into two or more groups (e.g. malignant and benign), under which every figure of a study
 * can be recomputed: the truth and each reader's answer become the group of the class (a reader who chose any
 * malignant class answered "malignant", with the confidence given), and the AI's score for a group is the sum of its
 * probabilities over the group's classes (summed in label order), so its top-1 group is the group with the highest
 * summed probability (the first on ties), not necessarily the group of its top-1 class.
 *
 * @param name    what the grouping is called (e.g. "malignancy")
 * @param groups  the group names, in order
 * @param groupOf every label code to its group (kept in the given order)
 */
public record Grouping(String name, List<String> groups, Map<String, String> groupOf) {

    public Grouping {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a grouping needs a name");
        }
        groups = List.copyOf(groups);
        if (groups.size() < 2 || new HashSet<>(groups).size() != groups.size()) {
            throw new IllegalArgumentException("a grouping needs at least two distinct groups, got " + groups);
        }
        // insertion order kept, so that the grouping is written the same way every time
        groupOf = Collections.unmodifiableMap(new LinkedHashMap<>(groupOf));
        for (Map.Entry<String, String> e : groupOf.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("a grouping maps label codes to group names, neither null");
            }
            if (!groups.contains(e.getValue())) {
                throw new IllegalArgumentException("label " + e.getKey() + " is put in group " + e.getValue()
                        + ", which is not one of " + groups);
            }
        }
    }

    /**
     * The study under this grouping: labels are the groups.
     *
     * @throws IllegalArgumentException when a label of the study has no group, or the grouping names a label the study
     *                                  lacks
     */
    public StudyData apply(StudyData study) {
        List<String> labels = study.labels();
        Set<String> unknown = new HashSet<>(groupOf.keySet());
        labels.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("grouping " + name + " names labels the study lacks: " + unknown);
        }
        int[] target = new int[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            String group = groupOf.get(labels.get(k));
            if (group == null) {
                throw new IllegalArgumentException("grouping " + name + " gives label " + labels.get(k) + " no group");
            }
            target[k] = groups.indexOf(group);
        }
        int[] truth = study.truth();
        for (int c = 0; c < truth.length; c++) {
            truth[c] = target[truth[c]];
        }
        List<PhaseReadings> phases = new ArrayList<>();
        for (PhaseReadings phase : study.phases()) {
            List<ReaderReadings> readers = new ArrayList<>();
            for (ReaderReadings rr : phase.readers()) {
                int[] answers = rr.labels();
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = target[answers[i]];
                }
                readers.add(new ReaderReadings(rr.reader(), rr.cases(), answers, rr.confidences()));
            }
            phases.add(new PhaseReadings(phase.phase(), readers));
        }
        double[][] ai = study.aiProbabilities();
        double[][] grouped = null;
        if (ai != null) {
            grouped = new double[ai.length][groups.size()];
            for (int c = 0; c < ai.length; c++) {
                for (int k = 0; k < labels.size(); k++) {
                    grouped[c][target[k]] += ai[c][k];
                }
            }
        }
        return new StudyData(groups, study.caseIds(), truth, study.readers(), phases, grouped, study.arms());
    }
}
