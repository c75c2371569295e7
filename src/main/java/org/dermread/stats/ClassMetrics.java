package org.dermread.stats;

/**
 * One-vs-rest figures of one class (Altman &amp; Bland 1994, BMJ 308:1552, 309:102). NaN marks an undefined figure
 * (zero denominator).
 */
public record ClassMetrics(String code, double truePositives, double falsePositives, double falseNegatives,
                           double trueNegatives, double sensitivity, double specificity, double ppv, double npv,
                           double f1) {

    public ClassMetrics {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Sensitivity TP/(TP+FN), specificity TN/(TN+FP), PPV, NPV and F1 = 2TP/(2TP+FP+FN). */
    public static ClassMetrics of(String code, double tp, double fp, double fn, double tn) {
        return new ClassMetrics(code, tp, fp, fn, tn,
                ConfusionMatrix.ratio(tp, tp + fn),
                ConfusionMatrix.ratio(tn, tn + fp),
                ConfusionMatrix.ratio(tp, tp + fp),
                ConfusionMatrix.ratio(tn, tn + fn),
                ConfusionMatrix.ratio(2 * tp, 2 * tp + fp + fn));
    }

    /** Cases of this class. */
    public double support() {
        return truePositives + falseNegatives;
    }
}
