package org.dermread.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral F distribution, as a Poisson mixture of central ones (Johnson, Kotz &amp; Balakrishnan 1995,
 * Continuous Univariate Distributions vol. 2, ch. 30, eq. 30.5): P(F' &lt;= f) = sum_j Pois(j; lambda/2)
 * I_x(df1/2 + j, df2/2) with x = df1 f/(df1 f + df2). commons-math3 has no noncentral F.
 */
final class NoncentralF {

    private NoncentralF() {
    }

    /** P(F'(df1, df2, lambda) &gt; f); df2 above 1e7 is treated as infinite (noncentral chi-square / df1). */
    static double upperTail(double f, double df1, double df2, double lambda) {
        if (!(f > 0)) {
            return 1;
        }
        boolean chiSquare = Double.isInfinite(df2) || df2 > 1e7;
        double x = chiSquare ? 0 : df1 * f / (df1 * f + df2);
        double half = lambda / 2;
        // Sum outward from the Poisson mode so that large noncentralities stay accurate.
        int mode = (int) Math.floor(half);
        double below = 0;
        double total = 0;
        double weightAtMode = Math.exp(-half + mode * Math.log(Math.max(half, Double.MIN_VALUE))
                - Gamma.logGamma(mode + 1.0));
        if (half == 0) {
            weightAtMode = 1;
        }
        double w = weightAtMode;
        for (int j = mode; j >= 0 && w > 1e-17; j--) {
            below += w * lowerCentral(j, df1, df2, x, f, chiSquare);
            total += w;
            w *= half == 0 ? 0 : j / half;
        }
        w = half == 0 ? 0 : weightAtMode * half / (mode + 1);
        for (int j = mode + 1; w > 1e-17 || j < mode + 10; j++) {
            below += w * lowerCentral(j, df1, df2, x, f, chiSquare);
            total += w;
            w *= half / (j + 1);
            if (j > mode + 100000) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 1 - below / total));
    }

    /** The upper (1 - alpha) quantile of the central F(df1, df2). */
    static double criticalValue(double alpha, double df1, double df2) {
        if (Double.isInfinite(df2) || df2 > 1e7) {
            return new ChiSquaredDistribution(null, df1).inverseCumulativeProbability(1 - alpha) / df1;
        }
        return new FDistribution(null, df1, df2).inverseCumulativeProbability(1 - alpha);
    }

    private static double lowerCentral(int j, double df1, double df2, double x, double f, boolean chiSquare) {
        if (chiSquare) {
            return Gamma.regularizedGammaP((df1 + 2 * j) / 2, df1 * f / 2);
        }
        return Beta.regularizedBeta(x, df1 / 2 + j, df2 / 2);
    }
}
