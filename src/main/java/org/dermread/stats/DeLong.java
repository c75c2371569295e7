package org.dermread.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * DeLong, DeLong &amp; Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver operating
 * characteristic curves: a nonparametric approach", Biometrics 44:837-845; placements computed with the
 * O(N log N) midrank algorithm of Sun &amp; Xu (2014), IEEE Signal Processing Letters 21(11):1389-1393.
 */
public final class DeLong {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private DeLong() {
    }

    /**
     * AUC with DeLong's variance S10/m + S01/n and the Wald interval AUC +- z(1-alpha/2) sqrt(Var), clipped to [0, 1]
     * exactly as pROC's {@code ci.auc(method = "delong")}.
     */
    public static AucEstimate estimate(double[] scores, boolean[] positive, double confidenceLevel) {
        return estimate(Placements.of(scores, positive), confidenceLevel);
    }

    /** {@link #estimate(double[], boolean[], double)} from precomputed placements. */
    public static AucEstimate estimate(Placements placements, double confidenceLevel) {
        double variance = placements.variance();
        double se = Math.sqrt(variance);
        double z = quantile(confidenceLevel);
        double lower = Math.max(0, placements.auc() - z * se);
        double upper = Math.min(1, placements.auc() + z * se);
        return new AucEstimate(placements.auc(), variance, se, lower, upper, confidenceLevel,
                placements.positives(), placements.negatives());
    }

    /**
     * Covariance of two AUCs from the same cases: S10(A,B)/m + S01(A,B)/n (DeLong et al. 1988, off-diagonal
     * element of S).
     */
    public static double covariance(Placements a, Placements b) {
        if (a.positives() != b.positives() || a.negatives() != b.negatives()) {
            throw new IllegalArgumentException("paired AUCs need the same cases");
        }
        double s10 = Placements.sampleCovariance(a.v10Raw(), b.v10Raw(), a.auc(), b.auc());
        double s01 = Placements.sampleCovariance(a.v01Raw(), b.v01Raw(), a.auc(), b.auc());
        return s10 / a.positives() + s01 / a.negatives();
    }

    /**
     * Paired test of H0: AUC_A = AUC_B with contrast L = (1, -1): z = L theta / sqrt(L S L') (DeLong et al. 1988,
     *), two-sided normal p-value and Wald CI of the difference, as pROC {@code roc.test(method = "delong")}.
     */
    public static PairedAucTest pairedTest(double[] scoresA, double[] scoresB, boolean[] positive,
                                           double confidenceLevel) {
        if (scoresA.length != scoresB.length) {
            throw new IllegalArgumentException("paired scores differ in length");
        }
        Placements a = Placements.of(scoresA, positive);
        Placements b = Placements.of(scoresB, positive);
        return pairedTest(a, b, confidenceLevel);
    }

    /** {@link #pairedTest(double[], double[], boolean[], double)} from precomputed placements. */
    public static PairedAucTest pairedTest(Placements a, Placements b, double confidenceLevel) {
        double covariance = covariance(a, b);
        double varianceA = a.variance();
        double varianceB = b.variance();
        double variance = varianceA + varianceB - 2 * covariance;
        double se = Math.sqrt(Math.max(variance, 0));
        double difference = a.auc() - b.auc();
        double z = se > 0 ? difference / se : Double.NaN;
        double p = se > 0 ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)) : Double.NaN;
        double q = quantile(confidenceLevel);
        return new PairedAucTest(a.auc(), b.auc(), difference, se, z, p, difference - q * se, difference + q * se,
                confidenceLevel, a.positives(), a.negatives(), covariance, varianceA, varianceB);
    }

    /** Two-sided standard normal quantile z(1 - alpha/2) for a confidence level 1 - alpha. */
    static double quantile(double confidenceLevel) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }

    /** Standard normal distribution function Phi. */
    static double normalCdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }
}
