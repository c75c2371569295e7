package org.dermread.stats;

import java.util.Arrays;

/**
 * Sums of the success kernel s(p, q) (1, 1/2 or 0 as a positive case scores above, equal to or below a negative case)
 * for {@link UStatistics}: per case over the other class, and over the pairs two reader-modalities share. Whole-number
 * ratings in a small range (ordinal scales) are counted instead of sorted or compared pair by pair; the sums are
 * multiples of 1/4 and exact either way.
 */
final class SuccessSums {

    /** Ratings spanning at most this many whole numbers use the counting paths. */
    static final int SMALL_RANGE = 64;

    private SuccessSums() {
    }

    /**
     * Per positive, the sum of s over the read negatives (below + ties/2), and per negative, the sum over the read
     * positives; unread cases get 0.
     */
    static void marginal(double[] pos, double[] neg, double[] rows, double[] columns, int[] range) {
        if (range != null) {
            // whole numbers in a small range: cumulative counts instead of sorting
            int levels = range[1] - range[0] + 1;
            int[] negBelow = new int[levels + 1];
            int[] posBelow = new int[levels + 1];
            for (double v : neg) {
                if (!Double.isNaN(v)) {
                    negBelow[(int) v - range[0] + 1]++;
                }
            }
            for (double v : pos) {
                if (!Double.isNaN(v)) {
                    posBelow[(int) v - range[0] + 1]++;
                }
            }
            for (int l = 1; l <= levels; l++) {
                negBelow[l] += negBelow[l - 1];
                posBelow[l] += posBelow[l - 1];
            }
            int positives = posBelow[levels];
            for (int p = 0; p < pos.length; p++) {
                if (!Double.isNaN(pos[p])) {
                    int l = (int) pos[p] - range[0];
                    rows[p] = negBelow[l] + 0.5 * (negBelow[l + 1] - negBelow[l]);
                }
            }
            for (int q = 0; q < neg.length; q++) {
                if (!Double.isNaN(neg[q])) {
                    int l = (int) neg[q] - range[0];
                    columns[q] = positives - posBelow[l + 1] + 0.5 * (posBelow[l + 1] - posBelow[l]);
                }
            }
            return;
        }
        double[] sortedNeg = read(neg);
        double[] sortedPos = read(pos);
        for (int p = 0; p < pos.length; p++) {
            if (!Double.isNaN(pos[p])) {
                int below = Placements.lowerBound(sortedNeg, pos[p]);
                rows[p] = below + 0.5 * (Placements.upperBound(sortedNeg, pos[p]) - below);
            }
        }
        for (int q = 0; q < neg.length; q++) {
            if (!Double.isNaN(neg[q])) {
                int notAbove = Placements.upperBound(sortedPos, neg[q]);
                columns[q] = sortedPos.length - notAbove + 0.5 * (notAbove - Placements.lowerBound(sortedPos, neg[q]));
            }
        }
    }

    /** The read (non-NaN) values, sorted. */
    private static double[] read(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Sum over the positive-negative pairs read in both modalities of s_A(p, q) s_B(p, q): by a two-way histogram
     * of the rating pairs for small whole-number ratings, otherwise pair by pair.
     */
    static double joint(double[] pa, double[] na, double[] pb, double[] nb, int[] rangeA,
                                       int[] rangeB) {
        if (rangeA != null && rangeB != null) {
            int la = rangeA[1] - rangeA[0] + 1;
            int lb = rangeB[1] - rangeB[0] + 1;
            // 4 * sum = sum over positive cells of count * G, G = sum over negative cells of (2 h_A)(2 h_B)
            long[] negCells = new long[la * lb];
            for (int q = 0; q < na.length; q++) {
                if (!Double.isNaN(na[q]) && !Double.isNaN(nb[q])) {
                    negCells[((int) na[q] - rangeA[0]) * lb + (int) nb[q] - rangeB[0]]++;
                }
            }
            // along B: F[u][v] = sum_{v'} (2h(v - v')) cells[u][v'] = 2 * (cells below v) + cells at v
            long[] f = new long[la * lb];
            for (int u = 0; u < la; u++) {
                long below = 0;
                for (int v = 0; v < lb; v++) {
                    long here = negCells[u * lb + v];
                    f[u * lb + v] = 2 * below + here;
                    below += here;
                }
            }
            long[] g = new long[la * lb];
            for (int v = 0; v < lb; v++) {
                long below = 0;
                for (int u = 0; u < la; u++) {
                    long here = f[u * lb + v];
                    g[u * lb + v] = 2 * below + here;
                    below += here;
                }
            }
            long sum = 0;
            for (int p = 0; p < pa.length; p++) {
                if (!Double.isNaN(pa[p]) && !Double.isNaN(pb[p])) {
                    sum += g[((int) pa[p] - rangeA[0]) * lb + (int) pb[p] - rangeB[0]];
                }
            }
            return sum / 4.0;
        }
        long sum = 0;
        for (int p = 0; p < pa.length; p++) {
            if (Double.isNaN(pa[p]) || Double.isNaN(pb[p])) {
                continue;
            }
            for (int q = 0; q < na.length; q++) {
                if (Double.isNaN(na[q]) || Double.isNaN(nb[q])) {
                    continue;
                }
                sum += twice(pa[p], na[q]) * twice(pb[p], nb[q]);
            }
        }
        return sum / 4.0;
    }

    /** 2 s(x, y): 2 when the positive scores higher, 1 on a tie, 0 otherwise. */
    static long twice(double positive, double negative) {
        return positive > negative ? 2 : positive == negative ? 1 : 0;
    }

    /** {min, max} of the read ratings when all are whole numbers ({0, 0} when none is read), else null. */
    static int[] wholeRange(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != Math.rint(v) || Math.abs(v) > 1e9) {
                return null;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min > max ? new int[] {0, 0} : new int[] {(int) min, (int) max};
    }

    /** The range when it spans at most SMALL_RANGE values, else null. */
    static int[] small(int[] range) {
        return range != null && range[1] - range[0] < SMALL_RANGE ? range : null;
    }
}
