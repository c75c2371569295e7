package org.dermread.stats;

/**
 * An area under the ROC curve with its DeLong variance and a Wald confidence interval.
 *
 * @param auc                 Mann-Whitney estimate, ties counted 1/2 (DeLong et al. 1988)
 * @param variance            DeLong variance S10/m + S01/n (DeLong et al. 1988)
 * @param lower               lower confidence bound, clipped to [0, 1] as pROC's ci.auc does
 * @param upper               upper confidence bound, clipped to [0, 1]
 * @param confidenceLevel     e.g. 0.95
 * @param positives           number of positive (diseased) cases m
 * @param negatives           number of negative cases n
 */
public record AucEstimate(double auc, double variance, double standardError, double lower, double upper,
                          double confidenceLevel, int positives, int negatives) {

    public AucEstimate {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("case counts must not be negative");
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidenceLevel);
        }
    }
}
