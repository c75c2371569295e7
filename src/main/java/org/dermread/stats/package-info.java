/**
 * Statistics for reader studies, dermatologists against an AI: per-reader figures, Cohen's and Fleiss' kappa, the
 * reader-and-case bootstrap, ROC curves and AUCs with DeLong intervals (Sun &amp; Xu's O(N log N) algorithm), McNemar
 * and Wilcoxon tests, and Obuchowski-Rockette MRMC analysis with Hillis degrees of freedom.
 *
 * <p>Plain Java with commons-math3 for distribution functions only; {@code StatsPurityTest} keeps Spring, Vaadin,
 * DJL, JDBC and Jackson out. Entry points: {@link org.dermread.stats.StudyAnalyzer},
 * {@link org.dermread.stats.ObuchowskiRockette}, {@link org.dermread.stats.DeLong},
 * {@link org.dermread.stats.RocTableReport} and {@link org.dermread.stats.ImrmcReport}. Definitions and the output
 * layout are in docs-stats.md.
 */
package org.dermread.stats;
