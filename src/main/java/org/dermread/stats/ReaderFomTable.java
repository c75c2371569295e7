package org.dermread.stats;

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

    /** The error covariances by the given method. */
    ErrorCovariances covariances(CovarianceMethod method) {
        int t = units.length;
        int r = units[0].length;
        double[][][] u = new double[t][r][];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                u[i][j] = units[i][j].covarianceVector(method, jackknifed);
            }
        }
        return ErrorCovariances.fromVectors(method, u);
    }
}
