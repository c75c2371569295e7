package org.dermread.stats;

/**
 * Cohen's kappa for two ratings of the same cases (Cohen 1960, Educ Psychol Meas 20:37-46).
 *
 * @param kappa            (p_o - p_e) / (1 - p_e); NaN when p_e = 1
 * @param observedAgreement p_o
 * @param expectedAgreement p_e = sum_k p_k. p_.k
 * @param standardError    Cohen's (1960) large-sample SE sqrt(p_o (1 - p_o) / (N (1 - p_e)^2))
 * @param cases            N
 */
public record CohenKappa(double kappa, double observedAgreement, double expectedAgreement, double standardError,
                         int cases) {

    /** Cohen (1960): kappa and its large-sample SE on two label-index vectors over K categories. */
    public static CohenKappa of(int[] a, int[] b, int categories) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("ratings differ in length");
        }
        int n = a.length;
        if (n == 0) {
            return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] rowCounts = new double[categories];
        double[] columnCounts = new double[categories];
        double agree = 0;
        for (int i = 0; i < n; i++) {
            rowCounts[a[i]]++;
            columnCounts[b[i]]++;
            if (a[i] == b[i]) {
                agree++;
            }
        }
        return fromCounts(agree, rowCounts, columnCounts, n);
    }

    /** Cohen (1960): kappa and its large-sample SE from the agreement count and both raters' marginal counts. */
    static CohenKappa fromCounts(double agree, double[] rowCounts, double[] columnCounts, int n) {
        if (n == 0) {
            return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double po = agree / n;
        double pe = 0;
        for (int k = 0; k < rowCounts.length; k++) {
            pe += (rowCounts[k] / n) * (columnCounts[k] / n);
        }
        double kappa = pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
        double se = pe == 1 ? Double.NaN : Math.sqrt(po * (1 - po) / (n * (1 - pe) * (1 - pe)));
        return new CohenKappa(kappa, po, pe, se, n);
    }
}
