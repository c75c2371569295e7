package org.dermread.stats;

import java.util.Arrays;

/**
 * DeLong's structural components ("placement values") of an empirical AUC.
 *
 * <p>{@code v10[i]} is the fraction of negatives scored below positive i (ties 1/2) and {@code v01[j]} the fraction
 * of positives scored above negative j; the AUC is the mean of either (DeLong, DeLong &amp; Clarke-Pearson 1988,
 * Biometrics 44:837). They are computed from midranks as in Sun &amp; Xu (2014, IEEE Signal Processing Letters
 * 21:1389): V10 = (T_Z - T_X)/n, V01 = 1 - (T_Z - T_Y)/m, where T_Z - T_X of a positive equals the number of
 * negatives below it plus half the tied ones, found here by binary search in the sorted negatives, so O(N log N).
 *
 * @param auc the Mann-Whitney AUC
 * @param v10 one component per positive case, in input order
 * @param v01 one component per negative case, in input order
 */
public record Placements(double auc, double[] v10, double[] v01) {

    public Placements {
        if (v10.length == 0 || v01.length == 0) {
            throw new IllegalArgumentException("an AUC needs at least one positive and one negative case");
        }
        v10 = v10.clone();
        v01 = v01.clone();
    }

    /** Sun &amp; Xu (2014) on positives' and negatives' scores; ties count 1/2 (Mann-Whitney). */
    public static Placements of(double[] positiveScores, double[] negativeScores) {
        int m = positiveScores.length;
        int n = negativeScores.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("an AUC needs at least one positive and one negative case");
        }
        requireNoNaN(negativeScores);
        requireNoNaN(positiveScores);
        Placements counted = ofSmallIntegers(positiveScores, negativeScores);
        if (counted != null) {
            return counted;
        }
        double[] sortedNeg = negativeScores.clone();
        double[] sortedPos = positiveScores.clone();
        Arrays.sort(sortedNeg);
        Arrays.sort(sortedPos);
        double[] v10 = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double x = positiveScores[i];
            int below = lowerBound(sortedNeg, x);
            int tied = upperBound(sortedNeg, x) - below;
            v10[i] = (below + 0.5 * tied) / n;
            sum += v10[i];
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            double y = negativeScores[j];
            int notAbove = upperBound(sortedPos, y);
            int tied = notAbove - lowerBound(sortedPos, y);
            v01[j] = (m - notAbove + 0.5 * tied) / m;
        }
        return new Placements(sum / m, v10, v01);
    }

    /**
     * The same placements by counting, in O(N + range), when every score is a whole number in a range of at most
     * 4,096 values (ordinal ratings such as 1-5 or 1-10): below and tied counts come from cumulative counts instead of
     * binary searches, with the same formulas, so the result is identical. Null when the scores do not qualify.
     */
    private static Placements ofSmallIntegers(double[] positiveScores, double[] negativeScores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] scores : new double[][] {positiveScores, negativeScores}) {
            for (double v : scores) {
                if (v != Math.rint(v) || Double.isInfinite(v)) {
                    return null;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max - min > 4095) {
            return null;
        }
        int range = (int) (max - min) + 1;
        int m = positiveScores.length;
        int n = negativeScores.length;
        // below[v]: how many scores lie below value v; count[v]: how many equal it
        int[] negBelow = new int[range + 1];
        int[] posBelow = new int[range + 1];
        for (double v : negativeScores) {
            negBelow[(int) (v - min) + 1]++;
        }
        for (double v : positiveScores) {
            posBelow[(int) (v - min) + 1]++;
        }
        for (int q = 1; q <= range; q++) {
            negBelow[q] += negBelow[q - 1];
            posBelow[q] += posBelow[q - 1];
        }
        double[] v10 = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            int q = (int) (positiveScores[i] - min);
            int below = negBelow[q];
            int tied = negBelow[q + 1] - below;
            v10[i] = (below + 0.5 * tied) / n;
            sum += v10[i];
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            int q = (int) (negativeScores[j] - min);
            int notAbove = posBelow[q + 1];
            int tied = notAbove - posBelow[q];
            v01[j] = (m - notAbove + 0.5 * tied) / m;
        }
        return new Placements(sum / m, v10, v01);
    }

    /** Splits scores by truth and calls {@link #of(double[], double[])}. */
    public static Placements of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and truth differ in length");
        }
        int m = 0;
        for (boolean p : positive) {
            if (p) {
                m++;
            }
        }
        double[] pos = new double[m];
        double[] neg = new double[scores.length - m];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        return of(pos, neg);
    }

    /** m, the number of positive cases. */
    public int positives() {
        return v10.length;
    }

    /** n, the number of negative cases. */
    public int negatives() {
        return v01.length;
    }

    @Override
    /** A copy of the V10 components, one per positive case (DeLong et al. 1988). */
    public double[] v10() {
        return v10.clone();
    }

    @Override
    /** A copy of the V01 components, one per negative case (DeLong et al. 1988). */
    public double[] v01() {
        return v01.clone();
    }

    double[] v10Raw() {
        return v10;
    }

    double[] v01Raw() {
        return v01;
    }

    /** S10 = sample variance of V10 (divisor m-1), DeLong et al. (1988); 0 when m = 1. */
    public double s10() {
        return sampleCovariance(v10, v10, auc);
    }

    /** S01 = sample variance of V01 (divisor n-1), DeLong et al. (1988); 0 when n = 1. */
    public double s01() {
        return sampleCovariance(v01, v01, auc);
    }

    /** Var(AUC) = S10/m + S01/n, DeLong et al. (1988). */
    public double variance() {
        return s10() / v10.length + s01() / v01.length;
    }

    static double sampleCovariance(double[] a, double[] b, double centre) {
        return sampleCovariance(a, b, centre, centre);
    }

    /** Sample covariance with divisor N - 1 around given centres (the S10 / S01 elements, DeLong et al.). */
    static double sampleCovariance(double[] a, double[] b, double centreA, double centreB) {
        if (a.length < 2) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - centreA) * (b[i] - centreB);
        }
        return s / (a.length - 1);
    }

    private static double[] requireNoNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("scores must not be NaN");
            }
        }
        return values;
    }

    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
