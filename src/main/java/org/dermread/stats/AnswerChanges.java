package org.dermread.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * How one reader's answers changed from the unaided to the AI-assisted reading of the same cases, and how the reader
 * used the AI's top-1 diagnosis: the quantities by which Tschandl et al. ("Human-computer collaboration for skin
 * cancer recognition", Nat Med 2020;26:1229, doi 10.1038/s41591-020-0942-0) describe reliance on AI advice and being
 * misled by it.
 *
 * <p>Only cases the reader answered in both phases count ({@link #pairs}). Transitions: right-right, wrong-right,
 * right-wrong, wrong to the same wrong answer, wrong to another wrong answer. Switching: among the pairs whose
 * unaided answer differed from the AI's top-1, how often the aided answer became the AI's, split by whether the AI
 * was right ({@link #reliance()}) or wrong ({@link #overReliance()}). Accuracy on the cases the AI got wrong, unaided
 * and aided, shows whether wrong advice pulled the reader down.
 */
public record AnswerChanges(int pairs, int rightToRight, int wrongToRight, int rightToWrong, int wrongToSameWrong,
                            int wrongToOtherWrong, int aiRightDisagreed, int aiRightSwitched, int aiWrongDisagreed,
                            int aiWrongSwitched, int aiWrongCases, int aiWrongUnaidedRight,
                            int aiWrongAidedRight) {

    /**
     * @param truth  true label index per case
     * @param aiTop1 the AI's top-1 label index per case over the study's label set, -1 where the AI has none (such
     *               cases count in the transitions, not in the switching figures)
     */
    public static AnswerChanges of(int[] truth, int[] aiTop1, ReaderReadings unaided, ReaderReadings aided) {
        int[] first = answersByCase(truth.length, unaided);
        int[] second = answersByCase(truth.length, aided);
        int[] n = new int[13];
        for (int c = 0; c < truth.length; c++) {
            count(n, truth[c], aiTop1[c], first[c], second[c], 1);
        }
        return fromCounts(n);
    }

    /** The counts of several readers added up. */
    public static AnswerChanges sum(Collection<AnswerChanges> changes) {
        int[] n = new int[13];
        for (AnswerChanges c : changes) {
            int[] v = {c.pairs, c.rightToRight, c.wrongToRight, c.rightToWrong, c.wrongToSameWrong,
                c.wrongToOtherWrong, c.aiRightDisagreed, c.aiRightSwitched, c.aiWrongDisagreed, c.aiWrongSwitched,
                c.aiWrongCases, c.aiWrongUnaidedRight, c.aiWrongAidedRight};
            for (int i = 0; i < n.length; i++) {
                n[i] += v[i];
            }
        }
        return fromCounts(n);
    }

    /** The counts that {@link #count} fills, in the order of the record's components. */
    static AnswerChanges fromCounts(int[] n) {
        return new AnswerChanges(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12]);
    }

    /**
     * Adds a case {@code weight} times (its multiplicity in a bootstrap replicate) to the counts, in the order of the
     * record's components; a case not read twice adds nothing.
     */
    static void count(int[] n, int truth, int ai, int before, int after, int weight) {
        if (before < 0 || after < 0) {
            return;
        }
        n[0] += weight;
        boolean rightBefore = before == truth;
        boolean rightAfter = after == truth;
        if (rightBefore) {
            n[rightAfter ? 1 : 3] += weight;
        } else if (rightAfter) {
            n[2] += weight;
        } else {
            n[after == before ? 4 : 5] += weight;
        }
        if (ai < 0) {
            return;
        }
        boolean aiRight = ai == truth;
        if (before != ai) {
            n[aiRight ? 6 : 8] += weight;
            if (after == ai) {
                n[aiRight ? 7 : 9] += weight;
            }
        }
        if (!aiRight) {
            n[10] += weight;
            n[11] += rightBefore ? weight : 0;
            n[12] += rightAfter ? weight : 0;
        }
    }

    /** Label index per case, -1 where the reader gave no answer. */
    static int[] answersByCase(int cases, ReaderReadings readings) {
        int[] answer = new int[cases];
        Arrays.fill(answer, -1);
        for (int i = 0; i < readings.size(); i++) {
            answer[readings.caseAt(i)] = readings.labelAt(i);
        }
        return answer;
    }

    /** Accuracy on the paired cases, unaided. */
    public double unaidedAccuracy() {
        return ratio(rightToRight + rightToWrong, pairs);
    }

    /** Accuracy on the paired cases, aided. */
    public double aidedAccuracy() {
        return ratio(rightToRight + wrongToRight, pairs);
    }

    /** Aided minus unaided accuracy on the paired cases. */
    public double gain() {
        return ratio(wrongToRight - rightToWrong, pairs);
    }

    /** Rate of switching to the AI's answer when the AI was right and the reader had answered otherwise. */
    public double reliance() {
        return ratio(aiRightSwitched, aiRightDisagreed);
    }

    /** Rate of switching to the AI's answer when the AI was wrong and the reader had answered otherwise. */
    public double overReliance() {
        return ratio(aiWrongSwitched, aiWrongDisagreed);
    }

    /** Accuracy on the cases the AI got wrong, unaided. */
    public double accuracyOnAiWrongUnaided() {
        return ratio(aiWrongUnaidedRight, aiWrongCases);
    }

    /** Accuracy on the cases the AI got wrong, aided. */
    public double accuracyOnAiWrongAided() {
        return ratio(aiWrongAidedRight, aiWrongCases);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
