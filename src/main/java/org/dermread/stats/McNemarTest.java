package org.dermread.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test for paired proportions (McNemar 1947, Psychometrika 12:153-157) on the discordant pairs.
 *
 * @param onlyFirstCorrect  b: cases the first rater got right and the second wrong
 * @param onlySecondCorrect c: cases the second rater got right and the first wrong
 * @param chiSquare         (|b - c| - 1)^2 / (b + c), with Edwards' (1948) continuity correction, as R's
 *                          {@code mcnemar.test} default (correct = TRUE); NaN when b + c = 0 (R gives NaN too)
 * @param p                 upper tail of chi-square(1) at chiSquare (R's p-value); NaN when b + c = 0
 * @param exactP            exact two-sided binomial p-value min(1, 2 P(X &lt;= min(b, c))), X ~ Bin(b + c, 1/2),
 *                          i.e. R's {@code binom.test(b, b + c)}; 1 when b + c = 0
 */
public record McNemarTest(int onlyFirstCorrect, int onlySecondCorrect, double chiSquare, double p, double exactP) {

    public McNemarTest {
        if (onlyFirstCorrect < 0 || onlySecondCorrect < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative");
        }
    }

    /** McNemar (1947) with continuity correction, plus the exact conditional binomial test. */
    public static McNemarTest of(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return new McNemarTest(b, c, Double.NaN, Double.NaN, 1);
        }
        double d = Math.abs(b - c) - 1.0;
        double chi = d * d / n;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi);
        BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
        double exact = Math.min(1, 2 * binomial.cumulativeProbability(Math.min(b, c)));
        return new McNemarTest(b, c, chi, p, exact);
    }
}
