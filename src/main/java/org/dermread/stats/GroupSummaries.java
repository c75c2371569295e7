package org.dermread.stats;

import java.util.Arrays;

/**
 * Mean and median of one figure over each reader group's resampled multiset (reader j counted mult[g][j] times) in a
 * bootstrap replicate, without sorting: the values are bucketed by a monotone key (1,024 buckets over the figure's
 * range, counted in 32 coarse blocks), the buckets holding the middle rank(s) are found from the counts, and only the
 * readers in those buckets, chained per bucket while counting, are ordered. One pass over the readers; the buckets are
 * cleared block by block where the coarse counts say something was counted. Group 0 is the whole panel; groups 1.. are
 * disjoint. One instance per thread.
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
    /** Counts per bucket, group g's at g * FINE (flat: the hot loop loads no row of a 2-D array). */
    private final int[] fine;
    /** Counts per coarse block, group g's at g * COARSE. */
    private final int[] coarse;
    /**
     * 1 + the last reader counted in a bucket (group g's at g * FINE), 0 for none; the chains go on in next, the
     * panel's at 0..readers-1 and the other groups' (disjoint) at readers + j.
     */
    private final int[] head;
    private final int[] next;
    private final double[] sum;
    private final int[] total;
    private final int[] lowKey;
    private final int[] highKey;
    private final int[] before;
    private final double[][] candidateValue;
    private final int[][] candidateCount;
    private final int[] candidates;
    private final int[] own;

    /**
     * @param groupOf the group (1 or more) each reader belongs to besides the panel, -1 for none
     * @param groups  number of groups including the panel
     */
    GroupSummaries(int[] groupOf, int groups) {
        this.readers = groupOf.length;
        this.groups = groups;
        this.groupOf = groupOf;
        fine = new int[groups * FINE];
        coarse = new int[groups * COARSE];
        head = new int[groups * FINE];
        next = new int[2 * readers];
        sum = new double[groups];
        total = new int[groups];
        lowKey = new int[groups];
        highKey = new int[groups];
        before = new int[groups];
        candidateValue = new double[groups][readers];
        candidateCount = new int[groups][readers];
        candidates = new int[groups];
        own = new int[readers];
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
        summarize(values, offset, lowest, highest, mult, ownMultiplicity(mult, own), mean, median);
    }

    /** Each reader's multiplicity in its own group besides the panel (0 for none), into out. */
    int[] ownMultiplicity(int[][] mult, int[] out) {
        for (int j = 0; j < readers; j++) {
            out[j] = groupOf[j] > 0 ? mult[groupOf[j]][j] : 0;
        }
        return out;
    }

    /**
     * {@link #summarize(double[], int, double, double, int[][], double[], double[])} with {@code ownMult} from
     * {@link #ownMultiplicity} of the same multiplicities (the same for every figure of a replicate).
     */
    void summarize(double[] values, int offset, double lowest, double highest, int[][] mult, int[] ownMult,
                   double[] mean, double[] median) {
        double scale = FINE / (highest - lowest);
        Arrays.fill(sum, 0);
        Arrays.fill(total, 0);
        int[] panel = mult[0];
        double panelSum = 0;
        int panelTotal = 0;
        for (int j = 0; j < readers; j++) {
            double v = values[offset + j];
            if (Double.isNaN(v)) {
                continue;
            }
            int kk = (int) ((v - lowest) * scale);
            kk = kk < 0 ? 0 : Math.min(kk, FINE - 1);
            int m = panel[j];
            if (m != 0) {
                panelSum += m * v;
                panelTotal += m;
                fine[kk] += m;
                coarse[kk >> SHIFT] += m;
                next[j] = head[kk];
                head[kk] = j + 1;
            }
            int mg = ownMult[j];
            if (mg != 0) {
                int g = groupOf[j];
                sum[g] += mg * v;
                total[g] += mg;
                int bucket = g * FINE + kk;
                fine[bucket] += mg;
                coarse[g * COARSE + (kk >> SHIFT)] += mg;
                next[readers + j] = head[bucket];
                head[bucket] = j + 1;
            }
        }
        sum[0] = panelSum;
        total[0] = panelTotal;
        for (int g = 0; g < groups; g++) {
            if (total[g] == 0) {
                mean[g] = Double.NaN;
                median[g] = Double.NaN;
                continue;
            }
            locate(g, (total[g] - 1) / 2, total[g] / 2);
            candidates[g] = 0;
            collect(g, lowKey[g], values, offset, mult[g]);
            if (highKey[g] != lowKey[g]) {
                collect(g, highKey[g], values, offset, mult[g]);
            }
            mean[g] = sum[g] / total[g];
            median[g] = middle(g, (total[g] - 1) / 2, total[g] / 2);
            clear(g);
        }
    }

    /** Adds the readers chained in bucket kk of group g to its candidates. */
    private void collect(int g, int kk, double[] values, int offset, int[] mult) {
        int chain = g == 0 ? 0 : readers;
        for (int j1 = head[g * FINE + kk]; j1 != 0; j1 = next[chain + j1 - 1]) {
            add(g, values[offset + j1 - 1], mult[j1 - 1]);
        }
    }

    /** Zeroes the counts and chains of group g, block by block where the coarse counts are not zero. */
    private void clear(int g) {
        for (int block = 0; block < COARSE; block++) {
            if (coarse[g * COARSE + block] != 0) {
                int from = g * FINE + (block << SHIFT);
                Arrays.fill(fine, from, from + (1 << SHIFT), 0);
                Arrays.fill(head, from, from + (1 << SHIFT), 0);
                coarse[g * COARSE + block] = 0;
            }
        }
    }

    /**
     * Sets lowKey[g] and highKey[g] to the buckets holding the elements of ranks low and high (0-based, high is low or
     * low + 1) of group g's multiset, and before[g] to how many elements lie below lowKey[g]; one scan of the counts.
     */
    private void locate(int g, int lowRank, int highRank) {
        int c = g * COARSE;
        int cumulative = 0;
        int block = 0;
        while (cumulative + coarse[c + block] <= lowRank) {
            cumulative += coarse[c + block];
            block++;
        }
        int f = g * FINE;
        int kk = block << SHIFT;
        while (cumulative + fine[f + kk] <= lowRank) {
            cumulative += fine[f + kk];
            kk++;
        }
        lowKey[g] = kk;
        before[g] = cumulative;
        // the next element, if the multiset is even-sized and the low one is the last of its bucket
        while (cumulative + fine[f + kk] <= highRank) {
            cumulative += fine[f + kk];
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
