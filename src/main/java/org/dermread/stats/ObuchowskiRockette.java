package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Obuchowski &amp; Rockette (1995, Commun Stat Simul Comput 24:285-308) ANOVA of reader figures of merit with
 * correlated errors, with the denominator degrees of freedom of Hillis (2007, Stat Med 26:596-619, "ddf_H")
 * and the fixed-reader and fixed-case variants of Hillis et al. (2005, Stat Med 24:1579-1607) and Hillis (2007).
 *
 * <p>Case-sampling covariances Cov(theta_a, theta_b) are written as inner products sum_k u_ak u_bk of one vector
 * per reader-modality over cases, so Var, Cov1, Cov2 and Cov3 (averages over all pairs) cost O(t r c) instead of
 * O((t r)^2 c). For DeLong, u_ak = (V10_ak - theta_a)/sqrt(m_a (m_a - 1)) on positives and
 * (V01_ak - theta_a)/sqrt(n_a (n_a - 1)) on negatives (DeLong et al. 1988: S10/m + S01/n); for the
 * jackknife, u_ak = sqrt((c-1)/c) (theta_a(k) - mean_k theta_a(k)) over the c cases the figure of merit is computed
 * from (all read cases for AUC and proportions, the positive ones for sensitivity, the negative ones for
 * specificity, as MRMCaov does). When a reader did not read a case its DeLong
 * component is 0 and its leave-one-out value equals the full estimate; for fully crossed designs both reduce to
 * the published estimators.
 */
public final class ObuchowskiRockette {

    private ObuchowskiRockette() {
    }

    /**
     * Runs the three OR analyses (random readers and cases; fixed readers; fixed cases) for every modality pair.
     *
     * @throws IllegalArgumentException with fewer than 2 modalities, or a reader-modality whose figure of merit is
     *                                  undefined (e.g. AUC with fewer than 2 positive or 2 negative cases read)
     */
    public static OrResult analyze(MrmcData data, FigureOfMerit fom, CovarianceMethod method,
                                   double confidenceLevel) {
        return analyze(data, fom, List.of(method), confidenceLevel).get(0);
    }

    /**
     * {@link #analyze(MrmcData, FigureOfMerit, CovarianceMethod, double)} for several covariance methods at once,
     * sharing the per-reader figures of merit; results in the order of {@code methods}.
     */
    public static List<OrResult> analyze(MrmcData data, FigureOfMerit fom, List<CovarianceMethod> methods,
                                         double confidenceLevel) {
        int t = data.modalities().size();
        int r = data.readers().size();
        int c = data.caseIds().size();
        if (t < 2) {
            throw new IllegalArgumentException("an MRMC comparison needs at least two modalities");
        }
        if (r < 1) {
            throw new IllegalArgumentException("an MRMC comparison needs readers");
        }
        // The jackknife leaves out, one at a time, the cases the figure of merit is computed from: cases someone
        // read that are positive (sensitivity), negative (specificity), or either (AUC, proportion), as MRMCaov.
        boolean[] jackknifed = new boolean[c];
        for (int k = 0; k < c; k++) {
            boolean relevant = switch (fom) {
                case SENSITIVITY -> data.positive(k);
                case SPECIFICITY -> !data.positive(k);
                default -> true;
            };
            for (int i = 0; i < t && relevant && !jackknifed[k]; i++) {
                for (int j = 0; j < r && !jackknifed[k]; j++) {
                    jackknifed[k] = !Double.isNaN(data.rating(i, j, k));
                }
            }
        }
        double[][] theta = new double[t][r];
        double[][][][] u = new double[methods.size()][t][r][];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                ReaderFom unit = ReaderFom.of(data, i, j, fom);
                theta[i][j] = unit.theta;
                for (int a = 0; a < methods.size(); a++) {
                    u[a][i][j] = unit.covarianceVector(methods.get(a), jackknifed);
                }
            }
        }
        List<OrResult> results = new ArrayList<>();
        for (int a = 0; a < methods.size(); a++) {
            results.add(fromComponents(data.modalities(), data.readers(), c, theta, u[a], fom, methods.get(a),
                    confidenceLevel));
        }
        return results;
    }

    /** The OR-Hillis computation from reader figures of merit and covariance vectors (see class comment). */
    static OrResult fromComponents(List<String> modalities, List<String> readers, int cases, double[][] theta,
                                   double[][][] u, FigureOfMerit fom, CovarianceMethod method,
                                   double confidenceLevel) {
        int t = theta.length;
        int r = theta[0].length;
        int c = u[0][0].length;
        // Case-wise sums over readers, per modality, for the Cov2 / Cov3 pair sums.
        double[][] sumOverReaders = new double[t][c];
        double[][] varianceIJ = new double[t][r];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                double[] v = u[i][j];
                double s = 0;
                for (int k = 0; k < c; k++) {
                    s += v[k] * v[k];
                    sumOverReaders[i][k] += v[k];
                }
                varianceIJ[i][j] = s;
            }
        }
        double[][][] sameReaderCov = new double[r][t][t];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < t; i++) {
                for (int i2 = 0; i2 < t; i2++) {
                    sameReaderCov[j][i][i2] = i == i2 ? varianceIJ[i][j] : dot(u[i][j], u[i2][j]);
                }
            }
        }
        double var = 0;
        double[] modalityVar = new double[t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                modalityVar[i] += varianceIJ[i][j] / r;
            }
            var += modalityVar[i] / t;
        }
        double cov1 = 0;
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < t; i++) {
                for (int i2 = 0; i2 < t; i2++) {
                    if (i != i2) {
                        cov1 += sameReaderCov[j][i][i2];
                    }
                }
            }
        }
        cov1 /= (double) r * t * (t - 1);
        double[] modalityCov2 = new double[t];
        double cov2 = 0;
        double cov3 = 0;
        if (r > 1) {
            for (int i = 0; i < t; i++) {
                double all = dot(sumOverReaders[i], sumOverReaders[i]);
                double diagonal = 0;
                for (int j = 0; j < r; j++) {
                    diagonal += varianceIJ[i][j];
                }
                modalityCov2[i] = (all - diagonal) / ((double) r * (r - 1));
                cov2 += modalityCov2[i] / t;
            }
            for (int i = 0; i < t; i++) {
                for (int i2 = 0; i2 < t; i2++) {
                    if (i == i2) {
                        continue;
                    }
                    double all = dot(sumOverReaders[i], sumOverReaders[i2]);
                    double sameReader = 0;
                    for (int j = 0; j < r; j++) {
                        sameReader += sameReaderCov[j][i][i2];
                    }
                    cov3 += (all - sameReader) / ((double) r * (r - 1));
                }
            }
            cov3 /= (double) t * (t - 1);
        } else {
            java.util.Arrays.fill(modalityCov2, Double.NaN);
            cov2 = Double.NaN;
            cov3 = Double.NaN;
        }

        double[] modalityMean = new double[t];
        double[] readerMean = new double[r];
        double grand = 0;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                modalityMean[i] += theta[i][j] / r;
                readerMean[j] += theta[i][j] / t;
                grand += theta[i][j] / (t * r);
            }
        }
        double msT = 0;
        for (int i = 0; i < t; i++) {
            msT += (modalityMean[i] - grand) * (modalityMean[i] - grand);
        }
        msT *= (double) r / (t - 1);
        double msR = Double.NaN;
        double msTR = Double.NaN;
        double[] modalityMsReader = new double[t];
        if (r > 1) {
            msR = 0;
            for (int j = 0; j < r; j++) {
                msR += (readerMean[j] - grand) * (readerMean[j] - grand);
            }
            msR *= (double) t / (r - 1);
            msTR = 0;
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    double e = theta[i][j] - modalityMean[i] - readerMean[j] + grand;
                    msTR += e * e;
                    modalityMsReader[i] += (theta[i][j] - modalityMean[i]) * (theta[i][j] - modalityMean[i]) / (r - 1);
                }
            }
            msTR /= (double) (t - 1) * (r - 1);
        } else {
            java.util.Arrays.fill(modalityMsReader, Double.NaN);
        }
        double varR = (msR - msTR) / t - cov1 + cov3;
        double varTR = msTR - var + cov1 + cov2 - cov3;
        OrResult.Components components = new OrResult.Components(var, cov1, cov2, cov3, msT, msR, msTR, varR, varTR,
                modalityVar, modalityCov2, modalityMsReader);

        OrResult.OrTest rrrc = randomReadersRandomCases(modalities, t, r, modalityMean, components,
                confidenceLevel);
        OrResult.OrTest frrc = fixedReadersRandomCases(modalities, readers, t, r, theta, modalityMean, components,
                sameReaderCov, confidenceLevel);
        OrResult.OrTest rrfc = randomReadersFixedCases(modalities, t, r, modalityMean, components, confidenceLevel);
        return new OrResult(fom, method, modalities, readers, cases, copy(theta), modalityMean, components, rrrc,
                frrc, rrfc);
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

    private static OrResult.OrTest notEstimable(String distribution) {
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
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    private static OrResult.Difference tDifference(String a, String b, double d, double se, double df,
                                                   double level) {
        double tq = Double.isNaN(df) || !(df > 0) ? Double.NaN : tQuantile(df, level);
        double stat = d / se;
        double p = Double.isNaN(tq) ? Double.NaN
                : (Double.isInfinite(df) || df > 1e7 ? 2 * DeLong.normalCdf(-Math.abs(stat))
                        : 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(stat)));
        return new OrResult.Difference(a, b, d, se, df, stat, p, d - tq * se, d + tq * se);
    }

    private static OrResult.Difference zDifference(String a, String b, double d, double se, double level) {
        double zq = DeLong.quantile(level);
        double z = d / se;
        return new OrResult.Difference(a, b, d, se, Double.NaN, z, 2 * DeLong.normalCdf(-Math.abs(z)), d - zq * se,
                d + zq * se);
    }

    private static OrResult.SingleModality tSingle(String modality, double estimate, double se, double df,
                                                   double level) {
        double tq = Double.isNaN(df) || !(df > 0) ? Double.NaN : tQuantile(df, level);
        return new OrResult.SingleModality(modality, estimate, se, df, clip(estimate - tq * se),
                clip(estimate + tq * se));
    }

    /** Single-modality bounds are kept inside [0, 1], the range of every figure of merit here (as MRMCaov). */
    private static double clip(double bound) {
        return Double.isNaN(bound) ? bound : Math.max(0, Math.min(1, bound));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** One reader-modality: its figure of merit and its per-case components. */
    private static final class ReaderFom {
        final double theta;
        private final double[] component;
        private final boolean[] counted;
        private final boolean[] positive;
        private final FigureOfMerit fom;
        private final int m;
        private final int n;

        private ReaderFom(double theta, double[] component, boolean[] counted, boolean[] positive,
                          FigureOfMerit fom, int m, int n) {
            this.theta = theta;
            this.component = component;
            this.counted = counted;
            this.positive = positive;
            this.fom = fom;
            this.m = m;
            this.n = n;
        }

        /** Number of cases the component of case k is averaged over (m, n, or m + n). */
        private double size(int k) {
            return fom == FigureOfMerit.PROPORTION ? m + n : (positive[k] ? m : n);
        }

        /**
         * The vector u with Cov(theta_a, theta_b) = sum_k u_ak u_bk (see the class comment); the jackknife runs over
         * the cases flagged in {@code jackknifed} (c of them) and leaves the others at 0.
         */
        double[] covarianceVector(CovarianceMethod method, boolean[] jackknifed) {
            int c = component.length;
            double[] u = new double[c];
            if (method == CovarianceMethod.DELONG) {
                for (int k = 0; k < c; k++) {
                    if (counted[k]) {
                        double size = size(k);
                        u[k] = (component[k] - theta) / Math.sqrt(size * (size - 1));
                    }
                }
                return u;
            }
            double mean = 0;
            int cases = 0;
            for (int k = 0; k < c; k++) {
                if (!jackknifed[k]) {
                    continue;
                }
                if (counted[k]) {
                    double size = size(k);
                    u[k] = (size * theta - component[k]) / (size - 1);
                } else {
                    u[k] = theta;
                }
                mean += u[k];
                cases++;
            }
            mean /= cases;
            double scale = Math.sqrt((cases - 1.0) / cases);
            for (int k = 0; k < c; k++) {
                u[k] = jackknifed[k] ? scale * (u[k] - mean) : 0;
            }
            return u;
        }

        static ReaderFom of(MrmcData data, int i, int j, FigureOfMerit fom) {
            int c = data.caseIds().size();
            // Per-case component x_k: V10 (positives) / V01 (negatives) for AUC, the 0/1 outcome otherwise.
            double[] component = new double[c];
            boolean[] counted = new boolean[c];
            boolean[] positive = new boolean[c];
            for (int k = 0; k < c; k++) {
                positive[k] = data.positive(k);
            }
            int m = 0;
            int n = 0;
            String unit = "reader " + data.readers().get(j) + " in " + data.modalities().get(i);
            double theta;
            if (fom == FigureOfMerit.AUC) {
                int[] posIdx = new int[c];
                int[] negIdx = new int[c];
                for (int k = 0; k < c; k++) {
                    double v = data.rating(i, j, k);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if (positive[k]) {
                        posIdx[m++] = k;
                    } else {
                        negIdx[n++] = k;
                    }
                }
                if (m < 2 || n < 2) {
                    throw new IllegalArgumentException(unit + " read fewer than 2 positive or 2 negative cases");
                }
                double[] pos = new double[m];
                double[] neg = new double[n];
                for (int a = 0; a < m; a++) {
                    pos[a] = data.rating(i, j, posIdx[a]);
                }
                for (int b = 0; b < n; b++) {
                    neg[b] = data.rating(i, j, negIdx[b]);
                }
                Placements pl = Placements.of(pos, neg);
                double[] v10 = pl.v10Raw();
                double[] v01 = pl.v01Raw();
                for (int a = 0; a < m; a++) {
                    component[posIdx[a]] = v10[a];
                    counted[posIdx[a]] = true;
                }
                for (int b = 0; b < n; b++) {
                    component[negIdx[b]] = v01[b];
                    counted[negIdx[b]] = true;
                }
                theta = pl.auc();
            } else {
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    double v = data.rating(i, j, k);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    boolean use = switch (fom) {
                        case SENSITIVITY -> positive[k];
                        case SPECIFICITY -> !positive[k];
                        default -> true;
                    };
                    if (!use) {
                        continue;
                    }
                    if (v != 0 && v != 1) {
                        throw new IllegalArgumentException(unit + ": " + fom + " needs 0/1 ratings, got " + v);
                    }
                    double x = fom == FigureOfMerit.SPECIFICITY ? 1 - v : v;
                    component[k] = x;
                    counted[k] = true;
                    sum += x;
                    if (positive[k]) {
                        m++;
                    } else {
                        n++;
                    }
                }
                if (m + n < 2) {
                    throw new IllegalArgumentException(unit + " has fewer than 2 cases for " + fom);
                }
                theta = sum / (m + n);
            }
            return new ReaderFom(theta, component, counted, positive, fom, m, n);
        }
    }
}
