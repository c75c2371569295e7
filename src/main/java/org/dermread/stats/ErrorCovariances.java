package org.dermread.stats;

/**
 * The case-sampling (error) covariances of the reader figures of merit theta_ij (modality i, reader j) that the
 * Obuchowski-Rockette model needs (Obuchowski &amp; Rockette 1995, Commun Stat Simul Comput 24:285; notation of
 * Hillis 2007, Stat Med 26:596, section 2): every same-reader covariance, and the different-reader covariances averaged
 * over reader pairs. Var, Cov1, Cov2 and Cov3 are averages of these.
 *
 * @param method           how they were estimated
 * @param sameReader       [reader][modality][modality]: Cov(theta_ij, theta_i'j); the diagonal is Var(theta_ij)
 * @param differentReaders [modality][modality]: the mean over ordered reader pairs j != j' of Cov(theta_ij,
 *                         theta_i'j'); NaN with a single reader
 */
public record ErrorCovariances(CovarianceMethod method, double[][][] sameReader, double[][] differentReaders) {

    public ErrorCovariances {
        if (sameReader.length == 0) {
            throw new IllegalArgumentException("error covariances need at least one reader");
        }
        int t = differentReaders.length;
        double[][][] same = new double[sameReader.length][][];
        for (int j = 0; j < sameReader.length; j++) {
            if (sameReader[j].length != t) {
                throw new IllegalArgumentException("one same-reader covariance matrix of size t x t per reader");
            }
            same[j] = copy(sameReader[j], t);
        }
        sameReader = same;
        differentReaders = copy(differentReaders, t);
    }

    /** Fills u with the covariance vector of modality i, reader j. */
    interface VectorSource {
        void fill(int modality, int reader, double[] u);
    }

    /**
     * From one vector u per reader-modality with Cov(theta_a, theta_b) = sum_k u_ak u_bk (the DeLong and jackknife
     * estimators, see {@link ReaderFom}): the different-reader averages come from case-wise sums over readers, so the
     * cost is O(t r c), not O((t r)^2 c). The vectors are made reader by reader and not kept.
     */
    static ErrorCovariances fromVectors(CovarianceMethod method, int t, int r, int c, VectorSource source) {
        double[][] sumOverReaders = new double[t][c];
        double[][][] same = new double[r][t][t];
        double[][] u = new double[t][c];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < t; i++) {
                source.fill(i, j, u[i]);
                double[] v = u[i];
                double s = 0;
                double[] sum = sumOverReaders[i];
                for (int k = 0; k < c; k++) {
                    s += v[k] * v[k];
                    sum[k] += v[k];
                }
                same[j][i][i] = s;
            }
            for (int i = 0; i < t; i++) {
                for (int i2 = 0; i2 < t; i2++) {
                    if (i != i2) {
                        same[j][i][i2] = dot(u[i], u[i2]);
                    }
                }
            }
        }
        double[][] different = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int i2 = 0; i2 < t; i2++) {
                if (r < 2) {
                    different[i][i2] = Double.NaN;
                    continue;
                }
                double all = dot(sumOverReaders[i], sumOverReaders[i2]);
                double sameReaders = 0;
                for (int j = 0; j < r; j++) {
                    sameReaders += same[j][i][i2];
                }
                different[i][i2] = (all - sameReaders) / ((double) r * (r - 1));
            }
        }
        return new ErrorCovariances(method, same, different);
    }

    /** Number of modalities t. */
    public int modalities() {
        return differentReaders.length;
    }

    /** Number of readers r. */
    public int readers() {
        return sameReader.length;
    }

    /** Var(theta_ij) of one reader-modality. */
    public double variance(int modality, int reader) {
        return sameReader[reader][modality][modality];
    }

    /** Cov(theta_ij, theta_i'j) of one reader in two modalities. */
    public double sameReaderCovariance(int reader, int modalityA, int modalityB) {
        return sameReader[reader][modalityA][modalityB];
    }

    /** Var_i: the mean over readers of Var(theta_ij) in modality i. */
    public double modalityErrorVariance(int modality) {
        double s = 0;
        for (double[][] reader : sameReader) {
            s += reader[modality][modality] / sameReader.length;
        }
        return s;
    }

    /** Var: the mean of Var(theta_ij) over all reader-modalities. */
    public double errorVariance() {
        double var = 0;
        for (int i = 0; i < modalities(); i++) {
            var += modalityErrorVariance(i) / modalities();
        }
        return var;
    }

    /** Cov1: the mean of Cov(theta_ij, theta_i'j), same reader, i != i'; NaN with one modality. */
    public double cov1() {
        int t = modalities();
        int r = readers();
        double cov1 = 0;
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < t; i++) {
                for (int i2 = 0; i2 < t; i2++) {
                    if (i != i2) {
                        cov1 += sameReader[j][i][i2];
                    }
                }
            }
        }
        return cov1 / ((double) r * t * (t - 1));
    }

    /** Cov2_i: the mean of Cov(theta_ij, theta_ij') over reader pairs j != j' in modality i. */
    public double modalityCov2(int modality) {
        return differentReaders[modality][modality];
    }

    /** Cov2: the mean of {@link #modalityCov2(int)} over modalities. */
    public double cov2() {
        double cov2 = 0;
        for (int i = 0; i < modalities(); i++) {
            cov2 += differentReaders[i][i] / modalities();
        }
        return cov2;
    }

    /** Cov3: the mean of Cov(theta_ij, theta_i'j') over i != i' and j != j'. */
    public double cov3() {
        int t = modalities();
        double cov3 = 0;
        for (int i = 0; i < t; i++) {
            for (int i2 = 0; i2 < t; i2++) {
                if (i != i2) {
                    cov3 += differentReaders[i][i2];
                }
            }
        }
        return cov3 / ((double) t * (t - 1));
    }

    @Override
    public double[][][] sameReader() {
        double[][][] out = new double[sameReader.length][][];
        for (int j = 0; j < sameReader.length; j++) {
            out[j] = copy(sameReader[j], sameReader[j].length);
        }
        return out;
    }

    @Override
    public double[][] differentReaders() {
        return copy(differentReaders, differentReaders.length);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[][] copy(double[][] m, int columns) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != columns) {
                throw new IllegalArgumentException("covariance matrices must be square");
            }
            out[i] = m[i].clone();
        }
        return out;
    }
}
