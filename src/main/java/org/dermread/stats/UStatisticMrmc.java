package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * MRMC analysis of empirical AUCs by U-statistics, as DIDSR/iMRMC computes it: Gallas (2006, Acad Radiol 13:353-362)
 * for the unbiased variance of the reader-averaged AUC with readers and cases random, and Gallas, Bandos, Samuelson
 * &amp; Wagner (2009, Commun Stat Theory Methods 38:2586-2603) for arbitrary study designs, the BDG moments and the
 * BCK components. Degrees of freedom: BDG (Satterthwaite from the BCK components, as iMRMC's R function
 * {@code doAUCmrmcCov}) and Hillis (Hillis 2007, Stat Med 26:596; Hillis 2014, Stat Med 33:330, pp. 332-333, from the
 * OR variance components the U-statistics give, iMRMC's {@code DBRecord.BDG2OR} and {@code StatTest.calcDF_Hillis}).
 *
 * <p>The same moments give the third covariance method of the OR analysis ({@link CovarianceMethod#UNBIASED}): for
 * reader j, Var and Cov1 from its own moments M1-M4, and Cov2, Cov3 from the different-reader moments M5-M8, each as
 * c1 M1 + c2 M2 + c3 M3 + c4 M4 with c1 = 1/(n0 n1), c2 = (n0 - 1)/(n0 n1), c3 = (n1 - 1)/(n0 n1), c4 = (n0 - 1)(n1 -
 * 1)/(n0 n1) - 1 (n0 negatives, n1 positives; fully crossed designs).
 */
public final class UStatisticMrmc {

    private UStatisticMrmc() {
    }

    /** The iMRMC analysis of every modality and every pair of modalities of AUC ratings (any design). */
    public static UStatisticResult analyze(MrmcData data, double confidenceLevel) {
        UStatistics u = UStatistics.of(data);
        int t = data.modalities().size();
        int r = data.readers().size();
        boolean crossed = u.fullyCrossed();
        List<UStatisticResult.ReaderAuc> readerAuc = new ArrayList<>();
        List<UStatisticResult.ReaderDifference> readerDiff = new ArrayList<>();
        double[][] theta = new double[t][r];
        double[][] readerVariance = new double[t][r];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                theta[i][j] = u.auc(i, j);
                readerVariance[i][j] = pairCovariance(u.sameReader(j, i, i));
                readerAuc.add(new UStatisticResult.ReaderAuc(data.modalities().get(i), data.readers().get(j),
                        u.readPositives(i, j), u.readNegatives(i, j), theta[i][j], readerVariance[i][j]));
            }
        }
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                for (int j = 0; j < r; j++) {
                    double cov = pairCovariance(u.sameReader(j, a, b));
                    readerDiff.add(new UStatisticResult.ReaderDifference(data.readers().get(j),
                            data.modalities().get(a), data.modalities().get(b), theta[a][j] - theta[b][j],
                            readerVariance[a][j] + readerVariance[b][j] - 2 * cov));
                }
            }
        }
        Bdg[][] bdg = new Bdg[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = a; b < t; b++) {
                bdg[a][b] = Bdg.of(u, a, b, r);
            }
        }
        TreatmentReaderAnova anova = TreatmentReaderAnova.of(theta);
        ErrorCovariances or = crossed ? covariances(u, t, r) : null;
        List<UStatisticResult.ModalityAuc> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            Bdg x = bdg[i][i];
            double se = Math.sqrt(x.covariance);
            double hillisDf = Double.NaN;
            if (or != null && r > 1) {
                double msR = anova.modalityMsReader()[i];
                double denominator = msR + Math.max(r * or.modalityCov2(i), 0);
                hillisDf = (r - 1.0) * denominator * denominator / (msR * msR);
            }
            single.add(new UStatisticResult.ModalityAuc(data.modalities().get(i), x.aucA, x.covariance,
                    x.covarianceBiased, se, x.moments(), tests(x.aucA, 0.5, x.covariance, x.dfBdg(), hillisDf,
                    or != null, confidenceLevel)));
        }
        List<UStatisticResult.AucDifference> differences = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                Bdg pa = bdg[a][a];
                Bdg pb = bdg[b][b];
                Bdg ab = bdg[a][b];
                double variance = pa.covariance + pb.covariance - 2 * ab.covariance;
                double biased = pa.covarianceBiased + pb.covarianceBiased - 2 * ab.covarianceBiased;
                double estimate = pa.aucA - pb.aucA;
                double hillisDf = Double.NaN;
                if (or != null && r > 1) {
                    double[][] pair = {theta[a], theta[b]};
                    double msTR = TreatmentReaderAnova.of(pair).msTreatmentReader();
                    double cov23 = or.differentReaders()[a][a] / 2 + or.differentReaders()[b][b] / 2
                            - or.differentReaders()[a][b];
                    double denominator = msTR + Math.max(r * cov23, 0);
                    hillisDf = (r - 1.0) * denominator * denominator / (msTR * msTR);
                }
                differences.add(new UStatisticResult.AucDifference(data.modalities().get(a), data.modalities().get(b),
                        estimate, variance, biased, Math.sqrt(variance), ab.moments(),
                        tests(estimate, 0, variance, Bdg.differenceDf(pa, pb, ab, variance), hillisDf, or != null,
                                confidenceLevel)));
            }
        }
        return new UStatisticResult(data.modalities(), data.readers(), u.positives(), u.negatives(), crossed,
                confidenceLevel, readerAuc, readerDiff, single, differences);
    }

    /**
     * OR error covariances from U-statistics (see the class comment).
     *
     * @throws IllegalArgumentException when a reader did not read every case in every modality
     */
    static ErrorCovariances covariances(MrmcData data) {
        UStatistics u = UStatistics.of(data);
        if (!u.fullyCrossed()) {
            throw new IllegalArgumentException("unbiased (U-statistic) covariances need every reader to read every"
                    + " case in every modality");
        }
        return covariances(u, data.modalities().size(), data.readers().size());
    }

    private static ErrorCovariances covariances(UStatistics u, int t, int r) {
        double[][][] same = new double[r][t][t];
        for (int j = 0; j < r; j++) {
            for (int a = 0; a < t; a++) {
                for (int b = a; b < t; b++) {
                    same[j][a][b] = pairCovariance(u.sameReader(j, a, b));
                    same[j][b][a] = same[j][a][b];
                }
            }
        }
        double n0 = u.negatives();
        double n1 = u.positives();
        double[] c = {1 / (n0 * n1), (n0 - 1) / (n0 * n1), (n1 - 1) / (n0 * n1), (n0 - 1) * (n1 - 1) / (n0 * n1) - 1};
        double[][] different = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = a; b < t; b++) {
                double[] moments = Bdg.of(u, a, b, r).unbiased;
                double cov = 0;
                for (int s = 0; s < 4; s++) {
                    cov += c[s] * moments[4 + s];
                }
                different[a][b] = r < 2 ? Double.NaN : cov;
                different[b][a] = different[a][b];
            }
        }
        return new ErrorCovariances(CovarianceMethod.UNBIASED, same, different);
    }

    /** Unbiased Cov of two AUCs from sums 1-4 (iMRMC doAUC): B maps biased sums to unbiased ones. */
    static double pairCovariance(double[][] sums) {
        double[] numer = Bdg.transform(sums[0], 4);
        double[] denom = Bdg.transform(sums[1], 4);
        double cov = 0;
        for (int s = 0; s < 4; s++) {
            double moment = denom[s] != 0 ? numer[s] / denom[s] : numer[s];
            double coefficient = denom[s] / sums[1][3] - (s == 3 ? 1 : 0);
            cov += coefficient * moment;
        }
        return cov;
    }

    private static UStatisticResult.Tests tests(double estimate, double null0, double variance, double dfBdg,
                                                double dfHillis, boolean hillis, double level) {
        return new UStatisticResult.Tests(test(estimate, null0, variance, Double.POSITIVE_INFINITY, level),
                test(estimate, null0, variance, dfBdg, level),
                hillis ? test(estimate, null0, variance, dfHillis, level) : null);
    }

    /** iMRMC's hypothesisTest_Normal / hypothesisTest_t: floor(df), normal above 50 df; NaN for a negative variance. */
    private static UStatisticResult.Test test(double estimate, double null0, double variance, double df,
                                              double level) {
        if (!(variance >= 0) || !(df >= 1)) {
            return new UStatisticResult.Test(df, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double se = Math.sqrt(variance);
        double statistic = (estimate - null0) / se;
        double quantile;
        double p;
        if (df > 50) {
            quantile = DeLong.quantile(level);
            p = 2 * DeLong.normalCdf(-Math.abs(statistic));
        } else {
            TDistribution dist = new TDistribution(null, Math.floor(df));
            quantile = dist.inverseCumulativeProbability(1 - (1 - level) / 2);
            p = 2 * dist.cumulativeProbability(-Math.abs(statistic));
        }
        return new UStatisticResult.Test(df, statistic, p, estimate - quantile * se, estimate + quantile * se);
    }
}
