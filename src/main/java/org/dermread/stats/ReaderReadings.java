package org.dermread.stats;

import java.util.BitSet;

/**
 * One reader's answers in one phase: parallel arrays of case index, chosen label index and confidence (1-5, or 0
 * when none was given). At most one answer per case.
 */
public record ReaderReadings(int reader, int[] cases, int[] labels, int[] confidences) {

    public ReaderReadings {
        if (cases.length != labels.length || cases.length != confidences.length) {
            throw new IllegalArgumentException("readings arrays differ in length");
        }
        cases = cases.clone();
        labels = labels.clone();
        confidences = confidences.clone();
        BitSet seen = new BitSet();
        for (int c : cases) {
            if (c < 0 || seen.get(c)) {
                throw new IllegalArgumentException(
                        "reader " + reader + ": case " + c + " is invalid or answered twice");
            }
            seen.set(c);
        }
    }

    /** Number of answers. */
    public int size() {
        return cases.length;
    }

    @Override
    public int[] cases() {
        return cases.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int[] confidences() {
        return confidences.clone();
    }

    int caseAt(int i) {
        return cases[i];
    }

    int labelAt(int i) {
        return labels[i];
    }

    int confidenceAt(int i) {
        return confidences[i];
    }
}
