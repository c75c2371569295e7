package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Obuchowski &amp; Rockette (1995, Commun Stat Simul Comput 24:285-308) ANOVA of reader figures of merit with
 * correlated errors, with the denominator degrees of freedom of Hillis (2007, Stat Med 26:596-619, "ddf_H")
 * and the fixed-reader and fixed-case variants of Hillis et al. (2005, Stat Med 24:1579-1607) and Hillis (2007).
 *
 * <p>Two steps: the reader figures of merit and their error covariances ({@link ErrorCovariances}, estimated by
 * DeLong's structural components, the jackknife or U-statistics), then the three tests ({@link OrTests}).
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
        return analyze(ReaderFomTable.of(data, fom), data, fom, methods, confidenceLevel);
    }

    /** The OR analyses for several covariance methods from a prepared table of figures of merit. */
    static List<OrResult> analyze(ReaderFomTable table, MrmcData data, FigureOfMerit fom,
                                  List<CovarianceMethod> methods, double confidenceLevel) {
        List<OrResult> results = new ArrayList<>();
        for (CovarianceMethod method : methods) {
            results.add(fromCovariances(data.modalities(), data.readers(), data.caseIds().size(), table.theta(),
                    table.covariances(method), fom, confidenceLevel));
        }
        return results;
    }

    /**
     * The OR-Hillis analyses from reader figures of merit theta[modality][reader] and their error covariances, however
     * these were estimated: the ANOVA of theta, Var, Cov1, Cov2, Cov3, the variance components sigma^2_R =
     * (MS(R) - MS(T*R))/t - Cov1 + Cov3 and sigma^2_TR = MS(T*R) - Var + Cov1 + Cov2 - Cov3 (Hillis et al. 2005), and
     * the three tests of {@link OrTests}.
     */
    public static OrResult fromCovariances(List<String> modalities, List<String> readers, int cases, double[][] theta,
                                           ErrorCovariances covariances, FigureOfMerit fom, double confidenceLevel) {
        int t = theta.length;
        int r = theta[0].length;
        if (t < 2) {
            throw new IllegalArgumentException("an MRMC comparison needs at least two modalities");
        }
        if (modalities.size() != t || readers.size() != r || covariances.modalities() != t
                || covariances.readers() != r) {
            throw new IllegalArgumentException("figures of merit, covariances, modalities and readers differ in size");
        }
        TreatmentReaderAnova anova = TreatmentReaderAnova.of(theta);
        double[] modalityVar = new double[t];
        double[] modalityCov2 = new double[t];
        for (int i = 0; i < t; i++) {
            modalityVar[i] = covariances.modalityErrorVariance(i);
            modalityCov2[i] = covariances.modalityCov2(i);
        }
        double var = covariances.errorVariance();
        double cov1 = covariances.cov1();
        double cov2 = covariances.cov2();
        double cov3 = covariances.cov3();
        double msTR = anova.msTreatmentReader();
        double varR = (anova.msReader() - msTR) / t - cov1 + cov3;
        double varTR = msTR - var + cov1 + cov2 - cov3;
        OrResult.Components components = new OrResult.Components(var, cov1, cov2, cov3, anova.msTreatment(),
                anova.msReader(), msTR, varR, varTR, modalityVar, modalityCov2, anova.modalityMsReader());
        double[] modalityMean = anova.modalityMean();
        OrResult.OrTest rrrc = OrTests.randomReadersRandomCases(modalities, t, r, modalityMean, components,
                confidenceLevel);
        OrResult.OrTest frrc = OrTests.fixedReadersRandomCases(modalities, readers, t, r, theta, modalityMean,
                components, covariances.sameReader(), confidenceLevel);
        OrResult.OrTest rrfc = OrTests.randomReadersFixedCases(modalities, t, r, modalityMean, components,
                confidenceLevel);
        return new OrResult(fom, covariances.method(), modalities, readers, cases, copy(theta), modalityMean,
                components, rrrc, frrc, rrfc);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
