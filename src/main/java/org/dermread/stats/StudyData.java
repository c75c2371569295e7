package org.dermread.stats;

import java.util.List;

/**
 * Everything the statistics need about a reader study: the label set, the cases with their true label, the readers,
 * their answers per phase and, optionally, the AI's probabilities.
 *
 * @param labels    label-set codes in order (defines class indices)
 * @param caseIds   case ids
 * @param truth     true label index per case
 * @param readers   readers (index = reader number used in {@link ReaderReadings})
 * @param phases    readings per phase, in analysis order
 * @param aiProbabilities cases x labels probabilities, a row of NaN where the AI has no prediction; null if no AI
 * @param arms      the arms of a collaboration study (forms of AI help; {@link StudyReader#arm()} names one), empty
 *                  when the study has none
 */
public record StudyData(List<String> labels, List<String> caseIds, int[] truth, List<StudyReader> readers,
                    List<PhaseReadings> phases, double[][] aiProbabilities, List<StudyArm> arms) {

    /** A study without arms. */
    public StudyData(List<String> labels, List<String> caseIds, int[] truth, List<StudyReader> readers,
            List<PhaseReadings> phases, double[][] aiProbabilities) {
        this(labels, caseIds, truth, readers, phases, aiProbabilities, List.of());
    }

    public StudyData {
        arms = arms == null ? List.of() : List.copyOf(arms);
        labels = List.copyOf(labels);
        caseIds = List.copyOf(caseIds);
        readers = List.copyOf(readers);
        phases = List.copyOf(phases);
        truth = truth.clone();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a label set needs at least two labels");
        }
        if (truth.length != caseIds.size()) {
            throw new IllegalArgumentException("one true label per case is needed");
        }
        for (int t : truth) {
            if (t < 0 || t >= labels.size()) {
                throw new IllegalArgumentException("true label index out of range: " + t);
            }
        }
        for (PhaseReadings phase : phases) {
            for (ReaderReadings rr : phase.readers()) {
                if (rr.reader() < 0 || rr.reader() >= readers.size()) {
                    throw new IllegalArgumentException("unknown reader index " + rr.reader());
                }
                for (int i = 0; i < rr.size(); i++) {
                    if (rr.caseAt(i) < 0 || rr.caseAt(i) >= caseIds.size()) {
                        throw new IllegalArgumentException("case index out of range");
                    }
                    if (rr.labelAt(i) < 0 || rr.labelAt(i) >= labels.size()) {
                        throw new IllegalArgumentException("label index out of range");
                    }
                }
            }
        }
        if (aiProbabilities != null) {
            double[][] copy = new double[aiProbabilities.length][];
            if (aiProbabilities.length != caseIds.size()) {
                throw new IllegalArgumentException("one AI row per case is needed");
            }
            for (int c = 0; c < aiProbabilities.length; c++) {
                if (aiProbabilities[c].length != labels.size()) {
                    throw new IllegalArgumentException("one AI probability per label is needed");
                }
                copy[c] = aiProbabilities[c].clone();
            }
            aiProbabilities = copy;
        }
    }

    @Override
    /** A copy of the true label index of every case. */
    public int[] truth() {
        return truth.clone();
    }

    int truthOf(int c) {
        return truth[c];
    }

    boolean hasAi() {
        return aiProbabilities != null;
    }

    double ai(int c, int k) {
        return aiProbabilities[c][k];
    }

    boolean aiPredicted(int c) {
        return aiProbabilities != null && !Double.isNaN(aiProbabilities[c][0]);
    }

    /** The AI's top-1 label: the highest probability, the first in label-set order on ties. */
    int aiLabel(int c) {
        double[] row = aiProbabilities[c];
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    /** A copy of the AI probabilities (null without AI). */
    public double[][] aiProbabilities() {
        if (aiProbabilities == null) {
            return null;
        }
        double[][] copy = new double[aiProbabilities.length][];
        for (int c = 0; c < aiProbabilities.length; c++) {
            copy[c] = aiProbabilities[c].clone();
        }
        return copy;
    }
}
