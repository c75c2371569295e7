package org.dermread.stats;

import java.util.Arrays;

/**
 * Mean and median of one figure over each reader group's resampled multiset (reader j counted mult[g][j] times) in a
 * bootstrap replicate, without sorting: the values are bucketed by a monotone key (1,024 buckets over the figure's
 * range, counted in 32 coarse blocks), the buckets holding the middle rank(s) are found from the counts, and only the
 * readers in those buckets are ordered. Group 0 is the whole panel; groups 1.. are disjoint. One instance per thread.
 *
 * <p>The results are exactly those of sorting: the same order statistics, and means summed in reader order.
 */
final class GroupSummaries {

    private static final int FINE = 1024;
    private static final int SHIFT = 5;
    private static final int COARSE = FINE >> SHIFT;

    private final int readers;
    private final int groups;
    private final int[] groupOf;
    private final int[] key;
    private final int[][] fine;
    private final int[][] coarse;
    private final double[] sum;
    private final int[] total;
    private final int[] lowKey;
    private final int[] highKey;
    private final int[] before;
    private final double[][] candidateValue;
    private final int[][] candidateCount;
    private final int[] candidates;

    /**
     * @param groupOf the group (1 or more) each reader belongs to besides the panel, -1 for none
     * @param groups  number of groups including the panel
     */
    GroupSummaries(int[] groupOf, int groups) {
        this.readers = groupOf.length;
        this.groups = groups;
        this.groupOf = groupOf;
        key = new int[readers];
        fine = new int[groups][FINE];
        coarse = new int[groups][COARSE];
        sum = new double[groups];
        total = new int[groups];
        lowKey = new int[groups];
        highKey = new int[groups];
        before = new int[groups];
        candidateValue = new double[groups][readers];
        candidateCount = new int[groups][readers];
        candidates = new int[groups];
    }

    /**
     * Fills mean[g] and median[g] (NaN when no drawn reader of group g has a defined value).
     *
     * @param values     the figure per reader (reader j at offset + j), NaN where undefined
     * @param offset     where reader 0's value is
     * @param lowest     the smallest value the key range covers (lower values share the first bucket)
     * @param highest    the largest possible value
     * @param mult       [group][reader] multiplicity in this replicate (0 outside the group)
     */
    void summarize(double[] values, int offset, double lowest, double highest, int[][] mult, double[] mean,
                   double[] median) {
        double scale = FINE / (highest - lowest);
        Arrays.fill(sum, 0);
        Arrays.fill(total, 0);
        int[] panel = mult[0];
        int[] finePanel = fine[0];
        int[] coarsePanel = coarse[0];
        double panelSum = 0;
        int panelTotal = 0;
        for (int j = 0; j < readers; j++) {
            double v = values[offset + j];
            if (Double.isNaN(v)) {
                key[j] = -1;
                continue;
            }
            int kk = (int) ((v - lowest) * scale);
            kk = kk < 0 ? 0 : Math.min(kk, FINE - 1);
            key[j] = kk;
            int m = panel[j];
            if (m != 0) {
                panelSum += m * v;
                panelTotal += m;
                finePanel[kk] += m;
                coarsePanel[kk >> SHIFT] += m;
            }
            int g = groupOf[j];
            if (g > 0) {
                int mg = mult[g][j];
                if (mg != 0) {
                    sum[g] += mg * v;
                    total[g] += mg;
                    fine[g][kk] += mg;
                    coarse[g][kk >> SHIFT] += mg;
                }
            }
        }
        sum[0] = panelSum;
        total[0] = panelTotal;
        for (int g = 0; g < groups; g++) {
            if (total[g] == 0) {
                lowKey[g] = -2;
                highKey[g] = -2;
                continue;
            }
            locate(g, (total[g] - 1) / 2, total[g] / 2);
        }
        Arrays.fill(candidates, 0);
        for (int j = 0; j < readers; j++) {
            int kk = key[j];
            if (kk < 0) {
                continue;
            }
            finePanel[kk] = 0;
            if ((kk == lowKey[0] || kk == highKey[0]) && panel[j] != 0) {
                add(0, values[offset + j], panel[j]);
            }
            int g = groupOf[j];
            if (g > 0) {
                fine[g][kk] = 0;
                if ((kk == lowKey[g] || kk == highKey[g]) && mult[g][j] != 0) {
                    add(g, values[offset + j], mult[g][j]);
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            Arrays.fill(coarse[g], 0);
            if (total[g] == 0) {
                mean[g] = Double.NaN;
                median[g] = Double.NaN;
                continue;
            }
            mean[g] = sum[g] / total[g];
            median[g] = middle(g, (total[g] - 1) / 2, total[g] / 2);
        }
    }

    /**
     * Sets lowKey[g] and highKey[g] to the buckets holding the elements of ranks low and high (0-based, high is low or
     * low + 1) of group g's multiset, and before[g] to how many elements lie below lowKey[g]; one scan of the counts.
     */
    private void locate(int g, int lowRank, int highRank) {
        int[] c = coarse[g];
        int cumulative = 0;
        int block = 0;
        while (cumulative + c[block] <= lowRank) {
            cumulative += c[block];
            block++;
        }
        int[] f = fine[g];
        int kk = block << SHIFT;
        while (cumulative + f[kk] <= lowRank) {
            cumulative += f[kk];
            kk++;
        }
        lowKey[g] = kk;
        before[g] = cumulative;
        // the next element, if the multiset is even-sized and the low one is the last of its bucket
        while (cumulative + f[kk] <= highRank) {
            cumulative += f[kk];
            kk++;
        }
        highKey[g] = kk;
    }

    private void add(int g, double value, int count) {
        int n = candidates[g]++;
        candidateValue[g][n] = value;
        candidateCount[g][n] = count;
    }

    /** Orders the candidates of group g and returns the mean of the elements of ranks low and high. */
    private double middle(int g, int lowRank, int highRank) {
        double[] v = candidateValue[g];
        int[] m = candidateCount[g];
        int n = candidates[g];
        for (int a = 1; a < n; a++) {
            double x = v[a];
            int count = m[a];
            int q = a - 1;
            while (q >= 0 && v[q] > x) {
                v[q + 1] = v[q];
                m[q + 1] = m[q];
                q--;
            }
            v[q + 1] = x;
            m[q + 1] = count;
        }
        int seen = before[g];
        double low = Double.NaN;
        for (int a = 0; a < n; a++) {
            seen += m[a];
            if (Double.isNaN(low) && seen > lowRank) {
                low = v[a];
            }
            if (seen > highRank) {
                return (low + v[a]) / 2;
            }
        }
        throw new IllegalStateException("median rank outside the counted buckets");
    }
}
