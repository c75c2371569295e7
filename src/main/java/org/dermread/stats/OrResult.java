package org.dermread.stats;

import java.util.List;

/**
 * Obuchowski-Rockette (1995) analysis of one figure of merit with Hillis (2007) denominator degrees of freedom.
 *
 * @param figureOfMerit      what was compared
 * @param covarianceMethod   how the error covariances were estimated
 * @param modalities         modality names
 * @param readers            reader ids
 * @param cases              number of cases in the analysis
 * @param readerFom          theta[modality][reader]
 * @param modalityFom        reader-averaged figure of merit per modality
 * @param components         variance components and mean squares
 * @param randomReadersRandomCases Hillis (2007) test, readers and cases random
 * @param fixedReadersRandomCases  chi-square test, readers fixed (Hillis 2005, 2007)
 * @param randomReadersFixedCases  conventional treatment x reader ANOVA, cases fixed
 */
public record OrResult(FigureOfMerit figureOfMerit, CovarianceMethod covarianceMethod, List<String> modalities,
                       List<String> readers, int cases, double[][] readerFom, double[] modalityFom,
                       Components components, OrTest randomReadersRandomCases, OrTest fixedReadersRandomCases,
                       OrTest randomReadersFixedCases) {

    public OrResult {
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
    }

    /**
     * OR variance components (Obuchowski &amp; Rockette 1995; notation of Hillis 2007, section 2).
     *
     * @param errorVariance  Var: mean of Var(theta_ij)
     * @param cov1           mean Cov(theta_ij, theta_i'j), same reader, different modalities
     * @param cov2           mean Cov(theta_ij, theta_ij'), same modality, different readers
     * @param cov3           mean Cov(theta_ij, theta_i'j'), different modality and reader
     * @param msTreatment    MS(T) = r/(t-1) sum_i (theta_i. - theta_..)^2
     * @param msReader       MS(R) = t/(r-1) sum_j (theta_.j - theta_..)^2
     * @param msTreatmentReader MS(T*R) = 1/((t-1)(r-1)) sum_ij (theta_ij - theta_i. - theta_.j + theta_..)^2
     * @param varReader           sigma^2_R = (MS(R) - MS(T*R))/t - Cov1 + Cov3 (Hillis et al. 2005, Stat Med 24:1579,
     *                       ANOVA estimate; may be negative)
     * @param varTreatmentReader sigma^2_TR = MS(T*R) - Var + Cov1 + Cov2 - Cov3 (Hillis 2005)
     * @param modalityErrorVariance per modality mean Var(theta_ij)
     * @param modalityCov2   per modality Cov2
     * @param modalityMsReader    per modality MS(R) = sum_j (theta_ij - theta_i.)^2 / (r-1)
     */
    public record Components(double errorVariance, double cov1, double cov2, double cov3, double msTreatment,
                             double msReader, double msTreatmentReader, double varReader, double varTreatmentReader,
                             double[] modalityErrorVariance,
                             double[] modalityCov2, double[] modalityMsReader) {
    }

    /**
     * One of the three OR analyses.
     *
     * @param statistic    F (random readers) or chi-square (fixed readers)
     * @param distribution "F" or "chi-square"
     * @param df1          numerator degrees of freedom t - 1
     * @param df2          denominator degrees of freedom (NaN for chi-square)
     * @param p            upper-tail p-value
     * @param errorTerm    the denominator mean square (for chi-square: Var - Cov1 + (r-1) max(Cov2 - Cov3, 0))
     * @param differences  every pairwise modality difference with its CI
     * @param singleModality each modality's figure of merit with its CI
     * @param perReader    per-reader modality differences (fixed readers only; empty otherwise)
     */
    public record OrTest(double statistic, String distribution, double df1, double df2, double p, double errorTerm,
                         List<Difference> differences, List<SingleModality> singleModality,
                         List<ReaderDifference> perReader) {

        public OrTest {
            differences = List.copyOf(differences);
            singleModality = List.copyOf(singleModality);
            perReader = List.copyOf(perReader);
        }
    }

    /** theta_a - theta_b with its standard error, degrees of freedom (NaN for z), test and confidence interval. */
    public record Difference(String modalityA, String modalityB, double estimate, double standardError, double df,
                             double statistic, double p, double lower, double upper) {
    }

    /** A modality's reader-averaged figure of merit with standard error, df (NaN for z) and CI clipped to [0, 1]. */
    public record SingleModality(String modality, double estimate, double standardError, double df, double lower,
                                 double upper) {
    }

    /** One reader's modality difference, z-based (fixed readers, Hillis 2007 / OR-DBM MRMC part d). */
    public record ReaderDifference(String reader, String modalityA, String modalityB, double estimate,
                                   double standardError, double z, double p, double lower, double upper) {
    }
}
