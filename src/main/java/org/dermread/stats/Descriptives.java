package org.dermread.stats;

import java.util.Arrays;

/** Small descriptive helpers shared by the estimators. */
public final class Descriptives {

    private Descriptives() {
    }

    /** Arithmetic mean over the non-NaN values; NaN when there are none. */
    public static double mean(double[] values) {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Median over the non-NaN values (average of the two middle values for even counts); NaN when none. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /**
     * Sample quantile by linear interpolation between order statistics, Hyndman &amp; Fan (1996, Am Stat 50:361)
     * definition 7 (R's default {@code quantile(type = 7)}), of the first {@code length} values of a sorted array.
     */
    static double quantileOfSorted(double[] sorted, int length, double probability) {
        if (length == 0) {
            return Double.NaN;
        }
        double h = (length - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Midranks (1-based, ties get the average rank) of the values, in input order. */
    public static double[] midranks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int lo = Placements.lowerBound(sorted, values[i]);
            int hi = Placements.upperBound(sorted, values[i]);
            ranks[i] = (lo + 1 + hi) / 2.0;
        }
        return ranks;
    }
}
