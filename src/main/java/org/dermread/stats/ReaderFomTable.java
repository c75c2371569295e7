package org.dermread.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The figures of merit of every reader-modality of an MRMC data set, with what their error covariances are estimated
 * from (see {@link ReaderFom}).
 */
final class ReaderFomTable {

    private final MrmcData data;
    private final FigureOfMerit fom;
    private final ReaderFom[][] units;
    private final double[][] theta;
    private final boolean[] jackknifed;
    private final Map<CovarianceMethod, ErrorCovariances> computed =
            new EnumMap<>(CovarianceMethod.class);
    private Boolean crossed;

    private ReaderFomTable(MrmcData data, FigureOfMerit fom, ReaderFom[][] units, double[][] theta,
                           boolean[] jackknifed) {
        this.data = data;
        this.fom = fom;
        this.units = units;
        this.theta = theta;
        this.jackknifed = jackknifed;
    }

    /**
     * @throws IllegalArgumentException with fewer than 2 modalities or no reader, or a reader-modality whose figure of
     *                                  merit is undefined
     */
    static ReaderFomTable of(MrmcData data, FigureOfMerit fom) {
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
        boolean[] positive = new boolean[c];
        for (int k = 0; k < c; k++) {
            positive[k] = data.positive(k);
        }
        ReaderFom[][] units = new ReaderFom[t][r];
        double[][] theta = new double[t][r];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                units[i][j] = ReaderFom.of(data, i, j, fom, positive);
                theta[i][j] = units[i][j].theta;
            }
        }
        return new ReaderFomTable(data, fom, units, theta, jackknifed);
    }

    /** theta[modality][reader] (shared, do not modify). */
    double[][] theta() {
        return theta;
    }

    /**
     * The error covariances by the given method.
     *
     * @throws IllegalArgumentException for {@link CovarianceMethod#UNBIASED} when a reader did not read every case the
     *                                  figure of merit is computed from, in every modality
     */
    ErrorCovariances covariances(CovarianceMethod method) {
        if (method == CovarianceMethod.UNBIASED) {
            if (fom == FigureOfMerit.AUC) {
                return UStatisticMrmc.covariances(data);
            }
            if (!fullyCrossed()) {
                throw new IllegalArgumentException("unbiased (U-statistic) covariances need every reader to read"
                        + " every case in every modality");
            }
            // The U-statistic covariance of two means over the same cases is the sample covariance / n: DeLong's
            // components of a proportion.
            ErrorCovariances delong = vectors(CovarianceMethod.DELONG);
            return new ErrorCovariances(method, delong.sameReader(), delong.differentReaders());
        }
        return vectors(method);
    }

    /**
     * Jackknife pseudovalues Y_ijk = c theta_ij - (c - 1) theta_ij(k) over the c cases the figure is computed from
     * (Dorfman, Berbaum &amp; Metz 1992), normalised so that their mean over cases is theta_ij (Hillis 2005, Acad
     * Radiol 12:1534): [modality][reader][case].
     *
     * @throws IllegalArgumentException when a reader did not read every such case in every modality
     */
    double[][][] pseudovalues() {
        if (!fullyCrossed()) {
            throw new IllegalArgumentException("the DBM analysis needs every reader to read every case in every"
                    + " modality");
        }
        int t = units.length;
        int r = units[0].length;
        double[][][] y = new double[t][r][];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                double[] loo = units[i][j].leaveOneOut(jackknifed);
                int c = loo.length;
                double mean = 0;
                for (int k = 0; k < c; k++) {
                    loo[k] = c * theta[i][j] - (c - 1) * loo[k];
                    mean += loo[k] / c;
                }
                for (int k = 0; k < c; k++) {
                    loo[k] += theta[i][j] - mean;
                }
                y[i][j] = loo;
            }
        }
        return y;
    }

    private boolean fullyCrossed() {
        if (crossed == null) {
            crossed = everyoneReadEveryUsedCase();
        }
        return crossed;
    }

    private boolean everyoneReadEveryUsedCase() {
        int c = data.caseIds().size();
        double[][][] rows = new double[units.length][units[0].length][];
        for (int i = 0; i < units.length; i++) {
            for (int j = 0; j < units[0].length; j++) {
                rows[i][j] = data.ratingRow(i, j);
            }
        }
        // reader by reader along each row (the rows are contiguous): every jackknifed case must be read
        for (double[][] modality : rows) {
            for (double[] reader : modality) {
                for (int k = 0; k < c; k++) {
                    if (jackknifed[k] && Double.isNaN(reader[k])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private ErrorCovariances vectors(CovarianceMethod method) {
        ErrorCovariances known = computed.get(method);
        if (known == null) {
            // Only the jackknifed cases (those the figure uses that someone read) can carry non-zero components.
            int[] used = IntStream.range(0, jackknifed.length).filter(k -> jackknifed[k]).toArray();
            known = ErrorCovariances.fromVectors(method, units.length, units[0].length, used.length,
                    (i, j, u) -> units[i][j].covarianceVector(method, used, u));
            computed.put(method, known);
        }
        return known;
    }
}
