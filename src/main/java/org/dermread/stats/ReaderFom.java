package org.dermread.stats;

import java.util.Arrays;

/**
 * One reader-modality of an MRMC analysis: its figure of merit theta and its per-case components x_k (V10 of a
 * positive and V01 of a negative case for the AUC, DeLong et al. 1988; the 0/1 outcome for a proportion).
 *
 * <p>Case-sampling covariances are written as inner products Cov(theta_a, theta_b) = sum_k u_ak u_bk of one vector per
 * reader-modality, so that averages over all pairs cost O(t r c) (see {@link ErrorCovariances}). For DeLong,
 * u_ak = (x_ak - theta_a)/sqrt(m_a (m_a - 1)) on positives and (x_ak - theta_a)/sqrt(n_a (n_a - 1)) on negatives
 * (S10/m + S01/n); for the jackknife, u_ak = sqrt((c-1)/c) (theta_a(k) - mean_k theta_a(k)) over the c cases the
 * figure of merit is computed from (all read cases for AUC and proportions, the positive ones for sensitivity, the
 * negative ones for specificity, as MRMCaov does). When a reader did not read a case its DeLong component is 0 and its
 * leave-one-out value equals the full estimate; for fully crossed designs both reduce to the published estimators.
 */
final class ReaderFom {
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

    /**
     * The vector u with Cov(theta_a, theta_b) = sum_k u_ak u_bk (see the class comment); the jackknife runs over
     * the cases flagged in {@code jackknifed} (c of them) and leaves the others at 0.
     */
    double[] covarianceVector(CovarianceMethod method, boolean[] jackknifed) {
        return covarianceVector(method, jackknifed, new double[component.length]);
    }

    /** {@link #covarianceVector(CovarianceMethod, boolean[])} into {@code u} (overwritten). */
    double[] covarianceVector(CovarianceMethod method, boolean[] jackknifed, double[] u) {
        int[] used = new int[component.length];
        int n = 0;
        for (int k = 0; k < component.length; k++) {
            if (jackknifed[k]) {
                used[n++] = k;
            }
        }
        double[] compact = covarianceVector(method, Arrays.copyOf(used, n), new double[n]);
        Arrays.fill(u, 0);
        for (int a = 0; a < n; a++) {
            u[used[a]] = compact[a];
        }
        return u;
    }

    /**
     * The same vector restricted to the cases {@code used} (the jackknifed ones, in case order), which are the only
     * cases where it can be non-zero; {@code u} has one entry per used case.
     */
    double[] covarianceVector(CovarianceMethod method, int[] used, double[] u) {
        int c = used.length;
        Arrays.fill(u, 0);
        if (method == CovarianceMethod.DELONG) {
            // sqrt(size (size - 1)) takes at most two values (positives, negatives): computed once each.
            double all = m + n;
            double rootAll = Math.sqrt(all * (all - 1));
            double rootPositives = Math.sqrt((double) m * (m - 1));
            double rootNegatives = Math.sqrt((double) n * (n - 1));
            boolean proportion = fom == FigureOfMerit.PROPORTION;
            double rootOfPositive = proportion ? rootAll : rootPositives;
            double rootOfNegative = proportion ? rootAll : rootNegatives;
            for (int a = 0; a < c; a++) {
                int k = used[a];
                double root = positive[k] ? rootOfPositive : rootOfNegative;
                u[a] = counted[k] ? (component[k] - theta) / root : 0;
            }
            return u;
        }
        double sizePositive = fom == FigureOfMerit.PROPORTION ? m + n : m;
        double sizeNegative = fom == FigureOfMerit.PROPORTION ? m + n : n;
        double mean = 0;
        for (int a = 0; a < c; a++) {
            int k = used[a];
            double size = positive[k] ? sizePositive : sizeNegative;
            u[a] = counted[k] ? (size * theta - component[k]) / (size - 1) : theta;
            mean += u[a];
        }
        mean /= c;
        double scale = Math.sqrt((c - 1.0) / c);
        for (int a = 0; a < c; a++) {
            u[a] = scale * (u[a] - mean);
        }
        return u;
    }

    /**
     * theta(k), the figure of merit without case k, for each case flagged in {@code jackknifed}, in case order; a case
     * this reader did not read leaves theta unchanged.
     */
    double[] leaveOneOut(boolean[] jackknifed) {
        int cases = 0;
        for (boolean x : jackknifed) {
            cases += x ? 1 : 0;
        }
        double[] out = new double[cases];
        // the number of cases a component is averaged over (m, n, or m + n), without a branch per case
        double sizePositive = fom == FigureOfMerit.PROPORTION ? m + n : m;
        double sizeNegative = fom == FigureOfMerit.PROPORTION ? m + n : n;
        int a = 0;
        for (int k = 0; k < component.length; k++) {
            if (!jackknifed[k]) {
                continue;
            }
            double size = positive[k] ? sizePositive : sizeNegative;
            out[a++] = counted[k] ? (size * theta - component[k]) / (size - 1) : theta;
        }
        return out;
    }

    /** Reader j in modality i; {@code positive} is the truth of every case (shared, not modified). */
    static ReaderFom of(MrmcData data, int i, int j, FigureOfMerit fom, boolean[] positive) {
        int c = data.caseIds().size();
        double[] row = data.ratingRow(i, j);
        // Per-case component x_k: V10 (positives) / V01 (negatives) for AUC, the 0/1 outcome otherwise.
        double[] component = new double[c];
        boolean[] counted = new boolean[c];
        int m = 0;
        int n = 0;
        double theta;
        if (fom == FigureOfMerit.AUC) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean whole = true;
            for (int k = 0; k < c; k++) {
                double v = row[k];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (positive[k]) {
                    m++;
                } else {
                    n++;
                }
                whole &= v == Math.rint(v) && !Double.isInfinite(v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (m < 2 || n < 2) {
                throw new IllegalArgumentException(unit(data, i, j)
                        + " read fewer than 2 positive or 2 negative cases");
            }
            theta = whole && max - min <= 4095
                    ? ordinalPlacements(row, positive, min, (int) (max - min) + 1, m, n, component, counted)
                    : placements(row, positive, m, n, component, counted);
        } else {
            double sum = 0;
            boolean everyCase = fom != FigureOfMerit.SENSITIVITY && fom != FigureOfMerit.SPECIFICITY;
            boolean wantPositive = fom == FigureOfMerit.SENSITIVITY;
            boolean complement = fom == FigureOfMerit.SPECIFICITY;
            // Without branches on the truth or on what was read (both as good as random from case to case); adding 0
            // for a case left out leaves the non-negative sum as it was.
            for (int k = 0; k < c; k++) {
                double v = row[k];
                boolean p = positive[k];
                boolean use = v == v && (everyCase || p == wantPositive);
                if (use && v != 0 && v != 1) {
                    throw new IllegalArgumentException(unit(data, i, j) + ": " + fom + " needs 0/1 ratings, got " + v);
                }
                double x = use ? (complement ? 1 - v : v) : 0;
                component[k] = x;
                counted[k] = use;
                sum += x;
                m += use && p ? 1 : 0;
                n += use && !p ? 1 : 0;
            }
            if (m + n < 2) {
                throw new IllegalArgumentException(unit(data, i, j) + " has fewer than 2 cases for " + fom);
            }
            theta = sum / (m + n);
        }
        return new ReaderFom(theta, component, counted, positive, fom, m, n);
    }

    /**
     * DeLong's components of every read case written in place (V10 of a positive, V01 of a negative), for whole-number
     * ratings in a small range: the counting path of {@link Placements} with the same formulas, so the same numbers,
     * without splitting the ratings by truth into new arrays. Returns the AUC, the mean of V10 in case order.
     */
    private static double ordinalPlacements(double[] row, boolean[] positive, double min, int range, int m, int n,
                                            double[] component, boolean[] counted) {
        // below[v]: how many scores lie below value v; count[v]: how many equal it
        int[] negBelow = new int[range + 1];
        int[] posBelow = new int[range + 1];
        for (int k = 0; k < row.length; k++) {
            double v = row[k];
            if (Double.isNaN(v)) {
                continue;
            }
            if (positive[k]) {
                posBelow[(int) (v - min) + 1]++;
            } else {
                negBelow[(int) (v - min) + 1]++;
            }
        }
        for (int q = 1; q <= range; q++) {
            negBelow[q] += negBelow[q - 1];
            posBelow[q] += posBelow[q - 1];
        }
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            double v = row[k];
            if (Double.isNaN(v)) {
                continue;
            }
            int q = (int) (v - min);
            counted[k] = true;
            if (positive[k]) {
                int below = negBelow[q];
                int tied = negBelow[q + 1] - below;
                component[k] = (below + 0.5 * tied) / n;
                sum += component[k];
            } else {
                int notAbove = posBelow[q + 1];
                int tied = notAbove - posBelow[q];
                component[k] = (m - notAbove + 0.5 * tied) / m;
            }
        }
        return sum / m;
    }

    /** DeLong's components of every read case by {@link Placements#of(double[], double[])}; returns the AUC. */
    private static double placements(double[] row, boolean[] positive, int m, int n, double[] component,
                                     boolean[] counted) {
        int[] posIdx = new int[m];
        int[] negIdx = new int[n];
        int a = 0;
        int b = 0;
        for (int k = 0; k < row.length; k++) {
            if (Double.isNaN(row[k])) {
                continue;
            }
            if (positive[k]) {
                posIdx[a++] = k;
            } else {
                negIdx[b++] = k;
            }
        }
        double[] pos = new double[m];
        double[] neg = new double[n];
        for (a = 0; a < m; a++) {
            pos[a] = row[posIdx[a]];
        }
        for (b = 0; b < n; b++) {
            neg[b] = row[negIdx[b]];
        }
        Placements pl = Placements.of(pos, neg);
        double[] v10 = pl.v10Raw();
        double[] v01 = pl.v01Raw();
        for (a = 0; a < m; a++) {
            component[posIdx[a]] = v10[a];
            counted[posIdx[a]] = true;
        }
        for (b = 0; b < n; b++) {
            component[negIdx[b]] = v01[b];
            counted[negIdx[b]] = true;
        }
        return pl.auc();
    }

    private static String unit(MrmcData data, int i, int j) {
        return "reader " + data.readers().get(j) + " in " + data.modalities().get(i);
    }
}
