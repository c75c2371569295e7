package org.dermread.stats;

/**
 * What an MRMC analysis compares (Obuchowski &amp; Rockette 1995 allow any accuracy index).
 *
 * <ul>
 *   <li>{@code AUC}: empirical (trapezoidal / Wilcoxon) area under the ROC curve of the ratings, ties 1/2
 *       (Bamber 1975; DeLong et al. 1988); ratings may be ordinal or probabilities.</li>
 *   <li>{@code SENSITIVITY}: share of positive cases with rating 1 (ratings must be 0 or 1).</li>
 *   <li>{@code SPECIFICITY}: share of negative cases with rating 0.</li>
 *   <li>{@code PROPORTION}: mean rating over all read cases (ratings 0/1, e.g. "top-1 answer correct"); truth is
 *       not used.</li>
 * </ul>
 */
public enum FigureOfMerit {
    AUC, SENSITIVITY, SPECIFICITY, PROPORTION
}
