package org.dermread.reading;

import java.util.List;

/**
 * A reader's own results after finishing, when the study allows feedback: overall accuracy and, per true class,
 * how many of its cases the reader diagnosed correctly (sensitivity).
 */
public record Feedback(Phase phase, int total, int correct, List<ClassResult> perClass) {

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public record ClassResult(AnswerOption option, int cases, int correct) {
        public double sensitivity() {
            return cases == 0 ? Double.NaN : (double) correct / cases;
        }
    }
}
