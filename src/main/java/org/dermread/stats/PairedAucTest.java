package org.dermread.stats;

/**
 * DeLong's test for two correlated AUCs measured on the same cases (DeLong et al. 1988), as pROC's
 * {@code roc.test(method = "delong", paired = TRUE)} reports it.
 *
 * @param aucA       AUC of the first score
 * @param aucB       AUC of the second score
 * @param difference aucA - aucB
 * @param standardError sqrt(Var A + Var B - 2 Cov(A, B))
 * @param z          difference / standardError (NaN when the standard error is 0)
 * @param p          two-sided p = 2 Phi(-|z|)
 * @param lower      difference - z(1-alpha/2) * standardError (not clipped)
 * @param upper      difference + z(1-alpha/2) * standardError
 * @param covariance DeLong's Cov(A, B) = S10(A,B)/m + S01(A,B)/n (pROC's {@code cov(roc1, roc2, method =
 *                   "delong")})
 * @param varianceA  DeLong's Var(A)
 * @param varianceB  DeLong's Var(B)
 */
public record PairedAucTest(double aucA, double aucB, double difference, double standardError, double z, double p,
                            double lower, double upper, double confidenceLevel, int positives, int negatives,
                            double covariance, double varianceA, double varianceB) {

    /** Without the variance terms (they are then NaN). */
    public PairedAucTest(double aucA, double aucB, double difference, double standardError, double z, double p,
                         double lower, double upper, double confidenceLevel, int positives, int negatives) {
        this(aucA, aucB, difference, standardError, z, p, lower, upper, confidenceLevel, positives, negatives,
                Double.NaN, Double.NaN, Double.NaN);
    }
}
