package org.dermread.stats;

/**
 * One point of an empirical ROC curve: a case is called positive when its score is at least {@code threshold}.
 * The last point of every curve has threshold +Infinity (nothing called positive).
 */
public record RocPoint(double threshold, double sensitivity, double specificity) {

    public RocPoint {
        if (!(sensitivity >= 0 && sensitivity <= 1) || !(specificity >= 0 && specificity <= 1)) {
            throw new IllegalArgumentException("sensitivity and specificity must lie in [0, 1]");
        }
    }
}
