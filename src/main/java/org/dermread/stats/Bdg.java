package org.dermread.stats;

/**
 * The BDG moments of one modality (a = b) or one pair of modalities, with the BCK components and the BDG degrees of
 * freedom, exactly as iMRMC's R functions {@code doAUCmrmcCov} and {@code doDFdifference} compute them (Gallas et al.
 * 2009, Commun Stat Theory Methods 38:2586, eqs 10-19; the minimum df follows Gaylor 1969, Technometrics 4:691).
 */
final class Bdg {

    /** Maps the biased sums (same reader 1-4, all reader pairs 5-8) to the unbiased ones (Gallas et al. 2009). */
    private static final int[][] TO_UNBIASED = {
            {1, 0, 0, 0, 0, 0, 0, 0},
            {-1, 1, 0, 0, 0, 0, 0, 0},
            {-1, 0, 1, 0, 0, 0, 0, 0},
            {1, -1, -1, 1, 0, 0, 0, 0},
            {-1, 0, 0, 0, 1, 0, 0, 0},
            {1, -1, 0, 0, -1, 1, 0, 0},
            {1, 0, -1, 0, -1, 0, 1, 0},
            {-1, 1, 1, -1, 1, -1, -1, 1}};
    /** BDG moments to BCK components N, D, ND, R, NR, DR, RND (Gallas et al. 2009, eq 19). */
    private static final int[][] TO_BCK = {
            {0, 0, 0, 0, 0, 0, 1, -1},
            {0, 0, 0, 0, 0, 1, 0, -1},
            {0, 0, 0, 0, 1, -1, -1, 1},
            {0, 0, 0, 1, 0, 0, 0, -1},
            {0, 0, 1, -1, 0, 0, -1, 1},
            {0, 1, 0, -1, 0, -1, 0, 1},
            {1, -1, -1, 1, -1, 1, 1, -1}};
    /** BDG coefficients to BCK coefficients. */
    private static final int[][] COEFFICIENTS_TO_BCK = {
            {1, 0, 1, 0, 1, 0, 1, 0},
            {1, 1, 0, 0, 1, 1, 0, 0},
            {1, 0, 0, 0, 1, 0, 0, 0},
            {1, 1, 1, 1, 0, 0, 0, 0},
            {1, 0, 1, 0, 0, 0, 0, 0},
            {1, 1, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 0, 0, 0, 0}};

    final double aucA;
    final double[] unbiased;
    final double[] biased;
    final double[] coefficients;
    final double covariance;
    final double covarianceBiased;
    /** Biased BCK components (used by the BDG df) and the df of N (negatives), D (positives) and R (readers). */
    final double[] bckBiased;
    final double dfN;
    final double dfD;
    final double dfR;

    private Bdg(double aucA, double[] unbiased, double[] biased, double[] coefficients, double[] bckBiased,
                double[] bckCoefficients) {
        this.aucA = aucA;
        this.unbiased = unbiased;
        this.biased = biased;
        this.coefficients = coefficients;
        double cov = 0;
        double covBiased = 0;
        for (int s = 0; s < 8; s++) {
            cov += coefficients[s] * unbiased[s];
            covBiased += coefficients[s] * biased[s];
        }
        covariance = cov;
        covarianceBiased = covBiased;
        this.bckBiased = bckBiased;
        dfN = Math.rint(1 / bckCoefficients[0] - 1);
        dfD = Math.rint(1 / bckCoefficients[1] - 1);
        dfR = Math.rint(1 / bckCoefficients[3] - 1);
    }

    /** Moments of modalities a and b over r readers. */
    static Bdg of(UStatistics u, int a, int b, int r) {
        double[] numer = new double[8];
        double[] denom = new double[8];
        double aucNumer = 0;
        double aucDenom = 0;
        for (int j = 0; j < r; j++) {
            double[][] same = u.sameReader(j, a, b);
            for (int s = 0; s < 4; s++) {
                numer[s] += same[0][s];
                denom[s] += same[1][s];
            }
            aucNumer += u.successes(a, j);
            aucDenom += (double) u.readPositives(a, j) * u.readNegatives(a, j);
        }
        double[][] all = u.allReaderPairs(a, b);
        System.arraycopy(all[0], 0, numer, 4, 4);
        System.arraycopy(all[1], 0, denom, 4, 4);
        double[] numerU = transform(numer, 8);
        double[] denomU = transform(denom, 8);
        double[] unbiased = new double[8];
        double[] biased = new double[8];
        double[] coefficients = new double[8];
        for (int s = 0; s < 8; s++) {
            unbiased[s] = denomU[s] != 0 ? numerU[s] / denomU[s] : numerU[s];
            biased[s] = denom[s] != 0 ? numer[s] / denom[s] : numer[s];
            coefficients[s] = denomU[s] / denom[7] - (s == 7 ? 1 : 0);
        }
        double[] bckBiased = multiply(TO_BCK, biased);
        double[] bckCoefficients = multiply(COEFFICIENTS_TO_BCK, coefficients);
        for (int x = 0; x < 7; x++) {
            if (bckCoefficients[x] == 0) {
                bckBiased[x] = 0;
            }
        }
        return new Bdg(aucNumer / aucDenom, unbiased, biased, coefficients, bckBiased, bckCoefficients);
    }

    UStatisticResult.Moments moments() {
        return new UStatisticResult.Moments(unbiased.clone(), biased.clone(), coefficients.clone());
    }

    /** dfBDG = var^2 / sum over N, D, R of BCK_b^2 / df^3, at least min(df) (NaN for a negative variance). */
    double dfBdg() {
        return df(covariance, bckBiased[0], bckBiased[1], bckBiased[3], dfN, dfD, dfR);
    }

    /** dfBDG of a difference A - B (doDFdifference): the BCK of A + B - 2 AB, the smaller df of A and B. */
    static double differenceDf(Bdg a, Bdg b, Bdg ab, double variance) {
        return df(variance, a.bckBiased[0] + b.bckBiased[0] - 2 * ab.bckBiased[0],
                a.bckBiased[1] + b.bckBiased[1] - 2 * ab.bckBiased[1],
                a.bckBiased[3] + b.bckBiased[3] - 2 * ab.bckBiased[3],
                Math.min(a.dfN, b.dfN), Math.min(a.dfD, b.dfD), Math.min(a.dfR, b.dfR));
    }

    private static double df(double variance, double n, double d, double r, double dfN, double dfD, double dfR) {
        if (variance < 0) {
            return Double.NaN;
        }
        double df = variance * variance / (n * n / (dfN * dfN * dfN) + d * d / (dfD * dfD * dfD)
                + r * r / (dfR * dfR * dfR));
        return Math.max(df, Math.min(dfN, Math.min(dfD, dfR)));
    }

    /** The first {@code size} rows and columns of the unbiased transform applied to x. */
    static double[] transform(double[] x, int size) {
        double[] out = new double[size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                out[row] += TO_UNBIASED[row][col] * x[col];
            }
        }
        return out;
    }

    private static double[] multiply(int[][] matrix, double[] x) {
        double[] out = new double[matrix.length];
        for (int row = 0; row < matrix.length; row++) {
            for (int col = 0; col < x.length; col++) {
                out[row] += matrix[row][col] * x[col];
            }
        }
        return out;
    }
}
