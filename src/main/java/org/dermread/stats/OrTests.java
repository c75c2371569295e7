package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The three Obuchowski-Rockette analyses of a set of reader figures of merit and their error covariances: readers and
 * cases random (Hillis 2007, Stat Med 26:596, "ddf_H"), readers fixed (chi-square; Hillis et al. 2005, Stat Med
 * 24:1579; Hillis 2007) and cases fixed (conventional treatment x reader ANOVA), each with the pairwise modality
 * differences and single-modality intervals printed by OR-DBM MRMC 2.51 and MRMCaov.
 */
final class OrTests {

    private OrTests() {
    }

    /**
     * Hillis (2007), "ddf_H": F = MS(T) / [MS(T*R) + r max(Cov2 - Cov3, 0)], ddf_H = [MS(T*R) + r max(Cov2 - Cov3,
     * 0)]^2 / {MS(T*R)^2 / ((t-1)(r-1))}; difference CI +- t(ddf_H) sqrt(2/r * denominator); single-modality
     * CI with MS(R)_i + r max(Cov2_i, 0) and df_i = (...)^2 / (MS(R)_i^2 / (r-1)) (Hillis 2007, section 5).
     */
    static OrResult.OrTest randomReadersRandomCases(List<String> modalities, int t, int r, double[] mean,
                                                   OrResult.Components k, double level) {
        if (r < 2) {
            return notEstimable("F");
        }
        double denominator = k.msTreatmentReader() + r * Math.max(k.cov2() - k.cov3(), 0);
        double f = k.msTreatment() / denominator;
        double msTR = k.msTreatmentReader();
        double ddf = denominator * denominator / (msTR * msTR / ((t - 1.0) * (r - 1)));
        double p = fUpper(f, t - 1, ddf);
        List<OrResult.Difference> differences = new ArrayList<>();
        double se = Math.sqrt(2.0 / r * denominator);
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                differences.add(tDifference(modalities.get(a), modalities.get(b), mean[a] - mean[b], se, ddf, level));
            }
        }
        List<OrResult.SingleModality> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            double term = k.modalityMsReader()[i] + r * Math.max(k.modalityCov2()[i], 0);
            double df = term * term / (k.modalityMsReader()[i] * k.modalityMsReader()[i] / (r - 1));
            single.add(tSingle(modalities.get(i), mean[i], Math.sqrt(term / r), df, level));
        }
        return new OrResult.OrTest(f, "F", t - 1, ddf, p, denominator, differences, single, List.of());
    }

    /**
     * Readers fixed, cases random (Hillis 2007, section 6; OR-DBM MRMC analysis 2): X2 = (t-1) MS(T) / [Var - Cov1
     * + (r-1) max(Cov2 - Cov3, 0)] ~ chi-square(t-1); z-based CIs; per-reader differences with
     * SE sqrt(Var_ij + Var_i'j - 2 Cov_ii'j).
     */
    static OrResult.OrTest fixedReadersRandomCases(List<String> modalities, List<String> readers, int t, int r,
                                                  double[][] theta, double[] mean, OrResult.Components k,
                                                  double[][][] sameReaderCov, double level) {
        double cov23 = r > 1 ? Math.max(k.cov2() - k.cov3(), 0) : 0;
        double denominator = k.errorVariance() - k.cov1() + (r - 1) * cov23;
        double x2 = (t - 1) * k.msTreatment() / denominator;
        double p = 1 - new ChiSquaredDistribution(null, t - 1).cumulativeProbability(x2);
        double se = Math.sqrt(2.0 / r * denominator);
        List<OrResult.Difference> differences = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                differences.add(zDifference(modalities.get(a), modalities.get(b), mean[a] - mean[b], se, level));
            }
        }
        List<OrResult.SingleModality> single = new ArrayList<>();
        double zq = DeLong.quantile(level);
        for (int i = 0; i < t; i++) {
            double cov2 = r > 1 ? Math.max(k.modalityCov2()[i], 0) : 0;
            double s = Math.sqrt((k.modalityErrorVariance()[i] + (r - 1) * cov2) / r);
            single.add(new OrResult.SingleModality(modalities.get(i), mean[i], s, Double.NaN,
                    clip(mean[i] - zq * s), clip(mean[i] + zq * s)));
        }
        List<OrResult.ReaderDifference> perReader = new ArrayList<>();
        for (int j = 0; j < r; j++) {
            for (int a = 0; a < t; a++) {
                for (int b = a + 1; b < t; b++) {
                    double v = sameReaderCov[j][a][a] + sameReaderCov[j][b][b] - 2 * sameReaderCov[j][a][b];
                    double s = Math.sqrt(Math.max(v, 0));
                    double d = theta[a][j] - theta[b][j];
                    double z = d / s;
                    perReader.add(new OrResult.ReaderDifference(readers.get(j), modalities.get(a), modalities.get(b),
                            d, s, z, 2 * DeLong.normalCdf(-Math.abs(z)), d - zq * s, d + zq * s));
                }
            }
        }
        return new OrResult.OrTest(x2, "chi-square", t - 1, Double.NaN, p, denominator, differences, single,
                perReader);
    }

    /**
     * Readers random, cases fixed: conventional treatment x reader ANOVA, F = MS(T)/MS(T*R) on (t-1, (t-1)(r-1)) df;
     * single-modality CI from MS(R)_i / r with r - 1 df (Hillis 2007; OR-DBM MRMC analysis 3).
     */
    static OrResult.OrTest randomReadersFixedCases(List<String> modalities, int t, int r, double[] mean,
                                                  OrResult.Components k, double level) {
        if (r < 2) {
            return notEstimable("F");
        }
        double df2 = (t - 1.0) * (r - 1);
        double f = k.msTreatment() / k.msTreatmentReader();
        double p = fUpper(f, t - 1, df2);
        double se = Math.sqrt(2.0 / r * k.msTreatmentReader());
        List<OrResult.Difference> differences = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                differences.add(tDifference(modalities.get(a), modalities.get(b), mean[a] - mean[b], se, df2, level));
            }
        }
        List<OrResult.SingleModality> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            single.add(tSingle(modalities.get(i), mean[i], Math.sqrt(k.modalityMsReader()[i] / r), r - 1, level));
        }
        return new OrResult.OrTest(f, "F", t - 1, df2, p, k.msTreatmentReader(), differences, single, List.of());
    }

    static OrResult.OrTest notEstimable(String distribution) {
        return new OrResult.OrTest(Double.NaN, distribution, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                List.of(), List.of(), List.of());
    }

    /** Upper tail of F(df1, df2); with infinite df2 the limit chi-square(df1)/df1. */
    static double fUpper(double f, double df1, double df2) {
        if (Double.isNaN(f) || Double.isNaN(df2)) {
            return Double.NaN;
        }
        if (Double.isInfinite(f)) {
            return 0;
        }
        if (Double.isInfinite(df2) || df2 > 1e7) {
            return 1 - new ChiSquaredDistribution(null, df1).cumulativeProbability(f * df1);
        }
        return 1 - new FDistribution(null, df1, df2).cumulativeProbability(f);
    }

    static double tQuantile(double df, double level) {
        if (Double.isInfinite(df) || df > 1e7) {
            return DeLong.quantile(level);
        }
        // DBM's per-reader tests ask for the same (df, level) once per reader; the inversion is iterative and costly.
        // Hillis df vary continuously, so the map is bounded (a long-running server analyses many studies).
        if (T_QUANTILES.size() > 4096) {
            T_QUANTILES.clear();
        }
        return T_QUANTILES.computeIfAbsent(new Quantile(df, level),
                q -> new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2));
    }

    private record Quantile(double df, double level) {
    }

    /** Inverted t quantiles already computed: the same value for the same arguments, whichever thread asks. */
    private static final Map<Quantile, Double> T_QUANTILES = new ConcurrentHashMap<>();

    static OrResult.Difference tDifference(String a, String b, double d, double se, double df,
                                                   double level) {
        double tq = Double.isNaN(df) || !(df > 0) ? Double.NaN : tQuantile(df, level);
        double stat = d / se;
        double p = Double.isNaN(tq) ? Double.NaN
                : (Double.isInfinite(df) || df > 1e7 ? 2 * DeLong.normalCdf(-Math.abs(stat))
                        : 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(stat)));
        return new OrResult.Difference(a, b, d, se, df, stat, p, d - tq * se, d + tq * se);
    }

    static OrResult.Difference zDifference(String a, String b, double d, double se, double level) {
        double zq = DeLong.quantile(level);
        double z = d / se;
        return new OrResult.Difference(a, b, d, se, Double.NaN, z, 2 * DeLong.normalCdf(-Math.abs(z)), d - zq * se,
                d + zq * se);
    }

    static OrResult.SingleModality tSingle(String modality, double estimate, double se, double df,
                                                   double level) {
        double tq = Double.isNaN(df) || !(df > 0) ? Double.NaN : tQuantile(df, level);
        return new OrResult.SingleModality(modality, estimate, se, df, clip(estimate - tq * se),
                clip(estimate + tq * se));
    }

    /** Single-modality bounds are kept inside [0, 1], the range of every figure of merit here (as MRMCaov). */
    static double clip(double bound) {
        return Double.isNaN(bound) ? bound : Math.max(0, Math.min(1, bound));
    }
}
