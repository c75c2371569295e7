package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Fleiss' kappa for many raters (Fleiss 1971, Psychol Bull 76:378-382), overall and per category, with the
 * standard errors under H0 of Fleiss, Nee &amp; Landis (1979, Psychol Bull 86:974-977).
 *
 * @param kappa            overall kappa (P_bar - P_e) / (1 - P_e), Fleiss (1971)
 * @param meanAgreement    P_bar
 * @param chanceAgreement  P_e = sum p_j^2
 * @param standardError    SE under H0 (Fleiss, Nee &amp; Landis 1979); NaN unless every case has the same
 *                         number of ratings
 * @param z                kappa / SE
 * @param p                two-sided normal p-value
 * @param categories       per-category kappa
 * @param subjects         cases used (those with at least two ratings)
 * @param ratersPerSubject the common number of ratings per case, or 0 when it varies
 */
public record FleissKappa(double kappa, double meanAgreement, double chanceAgreement, double standardError, double z,
                          double p, List<Category> categories, int subjects, int ratersPerSubject) {

    public FleissKappa {
        categories = List.copyOf(categories);
    }

    /**
     * One category's kappa kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n (n - 1) p_j q_j) (Fleiss 1971) with
     * SE sqrt(2 / (N n (n - 1))) (Fleiss, Nee &amp; Landis 1979).
     */
    public record Category(String code, double proportion, double kappa, double standardError, double z, double p) {
    }

    /**
     * Computes Fleiss' kappa from a cases x categories count table {@code counts[i][j]} = raters who put case i in
     * category j. Cases with fewer than two ratings are skipped. When cases have different numbers of ratings n_i,
     * P_i uses each case's own n_i and p_j = sum_i n_ij / sum_i n_i (the usual generalisation, Fleiss, Levin &amp; Paik
     * 2003, ch. 18); it equals Fleiss (1971) when every n_i is the same.
     */
    public static FleissKappa of(List<String> codes, int[][] counts) {
        int k = codes.size();
        double[] categoryTotals = new double[k];
        double totalRatings = 0;
        double sumPi = 0;
        int subjects = 0;
        int commonN = -1;
        boolean constant = true;
        double[] disagreement = new double[k];
        for (int[] row : counts) {
            if (row.length != k) {
                throw new IllegalArgumentException("count table must have one column per category");
            }
            int ni = 0;
            for (int v : row) {
                ni += v;
            }
            if (ni < 2) {
                continue;
            }
            subjects++;
            if (commonN < 0) {
                commonN = ni;
            } else if (commonN != ni) {
                constant = false;
            }
            double agreePairs = 0;
            for (int j = 0; j < k; j++) {
                agreePairs += (double) row[j] * (row[j] - 1);
                categoryTotals[j] += row[j];
                disagreement[j] += (double) row[j] * (ni - row[j]) / (ni - 1);
            }
            sumPi += agreePairs / ((double) ni * (ni - 1));
            totalRatings += ni;
        }
        if (subjects == 0) {
            List<Category> none = new ArrayList<>();
            for (String code : codes) {
                none.add(new Category(code, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
            return new FleissKappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, none, 0, 0);
        }
        double pBar = sumPi / subjects;
        double pe = 0;
        double sumPq = 0;
        double sumPqQp = 0;
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = categoryTotals[j] / totalRatings;
            pe += p[j] * p[j];
            double q = 1 - p[j];
            sumPq += p[j] * q;
            sumPqQp += p[j] * q * (q - p[j]);
        }
        double kappa = pe == 1 ? Double.NaN : (pBar - pe) / (1 - pe);
        double nNm1 = constant ? (double) subjects * commonN * (commonN - 1) : Double.NaN;
        double se = constant && sumPq > 0
                ? Math.sqrt(2) / (sumPq * Math.sqrt(nNm1)) * Math.sqrt(sumPq * sumPq - sumPqQp)
                : Double.NaN;
        double z = kappa / se;
        double pValue = 2 * DeLong.normalCdf(-Math.abs(z));
        List<Category> categories = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double pq = p[j] * (1 - p[j]);
            double kj = pq == 0 ? Double.NaN : 1 - disagreement[j] / (totalRatings * pq);
            double sej = constant ? Math.sqrt(2 / nNm1) : Double.NaN;
            double zj = kj / sej;
            categories.add(new Category(codes.get(j), p[j], kj, sej, zj, 2 * DeLong.normalCdf(-Math.abs(zj))));
        }
        return new FleissKappa(kappa, pBar, pe, se, z, pValue, categories, subjects, constant ? commonN : 0);
    }
}
