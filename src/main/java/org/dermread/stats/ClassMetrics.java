package org.dermread.stats;

/**
 * One-vs-rest figures of one class (Altman &amp; Bland 1994, BMJ 308:1552, 309:102). NaN marks an undefined figure
 * (zero denominator).
 *
 * @param accuracy one-vs-rest accuracy (TP + TN)/N
 */
public record ClassMetrics(String code, double truePositives, double falsePositives, double falseNegatives,
                           double trueNegatives, double sensitivity, double specificity, double ppv, double npv,
                           double f1, double accuracy) {

    public ClassMetrics {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Without the one-vs-rest accuracy, which is then computed from the counts. */
    public ClassMetrics(String code, double truePositives, double falsePositives, double falseNegatives,
                        double trueNegatives, double sensitivity, double specificity, double ppv, double npv,
                        double f1) {
        this(code, truePositives, falsePositives, falseNegatives, trueNegatives, sensitivity, specificity, ppv, npv,
                f1, ConfusionMatrix.ratio(truePositives + trueNegatives,
                        truePositives + falsePositives + falseNegatives + trueNegatives));
    }

    /** Sensitivity TP/(TP+FN), specificity TN/(TN+FP), PPV, NPV, F1 = 2TP/(2TP+FP+FN), accuracy (TP+TN)/N. */
    public static ClassMetrics of(String code, double tp, double fp, double fn, double tn) {
        return new ClassMetrics(code, tp, fp, fn, tn,
                ConfusionMatrix.ratio(tp, tp + fn),
                ConfusionMatrix.ratio(tn, tn + fp),
                ConfusionMatrix.ratio(tp, tp + fp),
                ConfusionMatrix.ratio(tn, tn + fn),
                ConfusionMatrix.ratio(2 * tp, 2 * tp + fp + fn),
                ConfusionMatrix.ratio(tp + tn, tp + fp + fn + tn));
    }

    /** Cases of this class. */
    public double support() {
        return truePositives + falseNegatives;
    }
}
