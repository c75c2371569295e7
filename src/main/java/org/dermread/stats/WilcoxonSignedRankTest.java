package org.dermread.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Wilcoxon signed-rank test of paired differences against 0 (Wilcoxon 1945, Biometrics Bulletin 1:80-83), with
 * R's {@code wilcox.test(x, y, paired = TRUE)} defaults: zero differences are dropped; the exact null distribution
 * is used when fewer than 50 non-zero differences remain and there are neither ties nor zeros; otherwise the normal
 * approximation with tie-corrected variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48 and a continuity correction of 1/2.
 *
 * @param n         number of non-zero differences
 * @param v         statistic V: sum of the ranks of the positive differences
 * @param exact     whether the exact distribution gave p
 * @param z         normal deviate (NaN when exact)
 * @param p         two-sided p-value
 * @param medianDifference median of all differences (zeros included)
 */
public record WilcoxonSignedRankTest(int n, double v, boolean exact, double z, double p, double medianDifference) {

    /**
     * Runs the test on differences d_i = x_i - y_i. Absolute differences are ranked after rounding to 12
     * significant digits so that differences equal as fractions are tied whatever their floating-point path.
     */
    public static WilcoxonSignedRankTest of(double[] differences) {
        double[] all = differences.clone();
        for (double d : all) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("differences must be finite");
            }
        }
        double median = Descriptives.median(all);
        boolean zeros = false;
        double[] nonZero = Arrays.stream(all).filter(d -> d != 0).toArray();
        zeros = nonZero.length != all.length;
        int n = nonZero.length;
        if (n == 0) {
            return new WilcoxonSignedRankTest(0, 0, false, Double.NaN, Double.NaN, median);
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = signif(Math.abs(nonZero[i]));
        }
        double[] ranks = Descriptives.midranks(abs);
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                v += ranks[i];
            }
        }
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            if (t > 1) {
                ties = true;
                tieTerm += t * t * t - t;
            }
            i = j;
        }
        if (n < 50 && !ties && !zeros) {
            double p;
            double half = n * (n + 1) / 4.0;
            if (v > half) {
                p = 1 - exactCdf((int) Math.round(v) - 1, n);
            } else {
                p = exactCdf((int) Math.round(v), n);
            }
            return new WilcoxonSignedRankTest(n, v, true, Double.NaN, Math.min(1, 2 * p), median);
        }
        double z = v - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieTerm / 48);
        double correction = Math.signum(z) * 0.5;
        z = (z - correction) / sigma;
        double p = 2 * Math.min(DeLong.normalCdf(z), DeLong.normalCdf(-z));
        return new WilcoxonSignedRankTest(n, v, false, z, p, median);
    }

    /** P(V &lt;= q) under H0 for n non-tied differences: counts of rank subsets by sum (R's psignrank). */
    static double exactCdf(int q, int n) {
        int max = n * (n + 1) / 2;
        if (q < 0) {
            return 0;
        }
        if (q >= max) {
            return 1;
        }
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        double below = 0;
        for (int s = 0; s <= q; s++) {
            below += ways[s];
        }
        return below / Math.pow(2, n);
    }

    private static double signif(double x) {
        if (x == 0) {
            return 0;
        }
        return new BigDecimal(x).round(new MathContext(12)).doubleValue();
    }
}
