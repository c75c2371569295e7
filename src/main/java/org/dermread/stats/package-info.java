/**
 * Statistics for reader studies, dermatologists against an AI: per-reader figures, Cohen's and Fleiss' kappa, the
 * reader-and-case bootstrap, ROC curves and AUCs with DeLong and bootstrap intervals (Sun &amp; Xu's O(N log N)
 * algorithm), operating points, McNemar and Wilcoxon tests, MRMC analysis (Obuchowski-Rockette with Hillis degrees of
 * freedom and DeLong, jackknife or U-statistic covariances; Dorfman-Berbaum-Metz; iMRMC's U-statistics) and study
 * sizing.
 *
 * <p>Plain Java with commons-math3 for distribution functions only; an ArchUnit rule keeps Spring, Vaadin, DJL,
 * JDBC and Jackson out. Entry points: {@link org.dermread.stats.StudyAnalyzer} (also under a
 * {@link org.dermread.stats.Grouping}), {@link org.dermread.stats.ObuchowskiRockette},
 * {@link org.dermread.stats.DorfmanBerbaumMetz}, {@link org.dermread.stats.UStatisticMrmc},
 * {@link org.dermread.stats.StudySizing}, {@link org.dermread.stats.DeLong}, {@link org.dermread.stats.AucBootstrap},
 * {@link org.dermread.stats.RocCurve}, {@link org.dermread.stats.RocTableReport} and
 * {@link org.dermread.stats.ImrmcReport}. Definitions are in the README's statistics section.
 */
package org.dermread.stats;
