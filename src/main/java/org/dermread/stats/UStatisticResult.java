package org.dermread.stats;

import java.util.List;

/**
 * The U-statistic MRMC analysis of empirical AUCs as iMRMC reports it (Gallas 2006; Gallas, Bandos, Samuelson &amp;
 * Wagner 2009): each reader's AUC with its unbiased variance, each modality's reader-averaged AUC and each difference
 * of two modalities (A - B) with unbiased and biased variances, the BDG moments, and tests. See {@link UStatisticMrmc}.
 *
 * @param fullyCrossed     whether every reader read every case in every modality (the Hillis test needs it)
 * @param readerAuc        every reader in every modality
 * @param readerDifferences every reader's difference between every pair of modalities (A - B)
 * @param modalityAuc      every modality, tested against AUC = 0.5
 * @param differences      every pair of modalities (A - B), tested against 0
 */
public record UStatisticResult(List<String> modalities, List<String> readers, int positives, int negatives,
                               boolean fullyCrossed, double confidenceLevel, List<ReaderAuc> readerAuc,
                               List<ReaderDifference> readerDifferences, List<ModalityAuc> modalityAuc,
                               List<AucDifference> differences) {

    public UStatisticResult {
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
        readerAuc = List.copyOf(readerAuc);
        readerDifferences = List.copyOf(readerDifferences);
        modalityAuc = List.copyOf(modalityAuc);
        differences = List.copyOf(differences);
    }

    /** One reader in one modality: AUC over the pairs read and its unbiased (U-statistic) variance. */
    public record ReaderAuc(String modality, String reader, int positives, int negatives, double auc,
                            double variance) {
    }

    /** One reader's AUC difference between two modalities, A - B, with its unbiased variance. */
    public record ReaderDifference(String reader, String modalityA, String modalityB, double estimate,
                                   double variance) {
    }

    /**
     * A modality's reader-averaged AUC (sum of every reader's success counts over the sum of its pairs, the plain mean
     * in a fully crossed design).
     *
     * @param variance       the unbiased (U-statistic) variance, readers and cases random
     * @param varianceBiased the same with biased moments (iMRMC's "MLE" estimate, the ideal bootstrap variance)
     * @param tests          H0: AUC = 0.5
     */
    public record ModalityAuc(String modality, double auc, double variance, double varianceBiased,
                              double standardError, Moments moments, Tests tests) {
    }

    /**
     * Modality A minus modality B.
     *
     * @param moments the BDG moments of the A-B pair (the covariance of the two reader-averaged AUCs)
     * @param tests   H0: difference = 0
     */
    public record AucDifference(String modalityA, String modalityB, double estimate, double variance,
                                double varianceBiased, double standardError, Moments moments, Tests tests) {
    }

    /**
     * The eight BDG moments (Gallas et al. 2009, eqs 10-12): M1-M4 from the same reader, M5-M8 from different readers;
     * within each four, same positive and same negative case, same positive only, same negative only, neither. The
     * variance (or covariance) is the sum of coefficient x moment.
     */
    public record Moments(double[] unbiased, double[] biased, double[] coefficients) {
    }

    /**
     * The three tests iMRMC prints: the normal approximation, Student's t with the BDG degrees of freedom (a
     * Satterthwaite estimate from the BCK components, Gallas et al. 2009) and with Hillis' degrees of freedom (Hillis
     * 2007; 2014, Stat Med 33:330, from the OR components the U-statistics give; fully crossed designs only, else
     * null).
     */
    public record Tests(Test normal, Test bdg, Test hillis) {
    }

    /**
     * One test: statistic (estimate - H0)/SE, two-sided p and interval estimate +- q SE. As iMRMC (StatTest.java,
     * R hypothesisTest_t), Student's t uses floor(df) degrees of freedom and the normal distribution when df &gt; 50.
     *
     * @param df degrees of freedom as estimated (infinite for the normal test; NaN when the variance is negative)
     */
    public record Test(double df, double statistic, double p, double lower, double upper) {
    }
}
