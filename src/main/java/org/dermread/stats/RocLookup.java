package org.dermread.stats;

/**
 * Reading an empirical ROC polyline at a given specificity or sensitivity, the way pROC's {@code coords()} does
 * (Robin et al. 2011, BMC Bioinformatics 12:77): points ordered by increasing threshold; an exact match returns the
 * best other coordinate among the matching points, otherwise linear interpolation between the two neighbours.
 *
 * <p>A target within {@link #TOLERANCE} of a point's coordinate is that point: a mean of readers' fractions k/n summed
 * as doubles can miss the point it equals mathematically in the last bits, and read strictly it would fall past a
 * vertical or horizontal run of points and be interpolated to the wrong end of it. 1e-12 is far below 1/n for any
 * study (n &lt; 10^9 cases) and far above the rounding of such a mean (about readers x 1e-16).
 */
final class RocLookup {

    /** Distance below which a target equals a point's coordinate (see the class comment). */
    static final double TOLERANCE = 1e-12;

    /** An ROC polyline read point by point (index 0 = lowest threshold), so that it need not be materialised. */
    interface Points {
        int size();

        double sensitivity(int i);

        double specificity(int i);
    }

    private RocLookup() {
    }

    static double sensitivityAt(double[] sens, double[] spec, int length, double s) {
        return sensitivityAt(arrays(sens, spec, length), s);
    }

    static double specificityAt(double[] sens, double[] spec, int length, double s) {
        return specificityAt(arrays(sens, spec, length), s);
    }

    private static Points arrays(double[] sens, double[] spec, int length) {
        return new Points() {
            @Override
            public int size() {
                return length;
            }

            @Override
            public double sensitivity(int i) {
                return sens[i];
            }

            @Override
            public double specificity(int i) {
                return spec[i];
            }
        };
    }

    /**
     * Sensitivity at specificity s on points ordered by increasing specificity (binary search, O(log n)): the first
     * point with exactly that specificity (the highest sensitivity among them), else linear interpolation between the
     * neighbours. NaN if s is outside [0, 1].
     */
    static double sensitivityAt(Points roc, double s) {
        int length = roc.size();
        if (!(s >= 0 && s <= 1)) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roc.specificity(mid) < s - TOLERANCE) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < length && Math.abs(roc.specificity(lo) - s) <= TOLERANCE) {
            return roc.sensitivity(lo);
        }
        int i = Math.max(lo, 1);
        if (i >= length) {
            return Double.NaN;
        }
        double proportion = (s - roc.specificity(i)) / (roc.specificity(i - 1) - roc.specificity(i));
        return roc.sensitivity(i) + proportion * (roc.sensitivity(i - 1) - roc.sensitivity(i));
    }

    /**
     * Specificity at sensitivity s on points ordered by decreasing sensitivity (binary search): the last point with
     * exactly that sensitivity (the highest specificity among them), else linear interpolation between the neighbours.
     * NaN if s is outside [0, 1].
     */
    static double specificityAt(Points roc, double s) {
        int length = roc.size();
        if (!(s >= 0 && s <= 1)) {
            return Double.NaN;
        }
        // first index whose sensitivity is below s
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roc.sensitivity(mid) >= s - TOLERANCE) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(roc.sensitivity(lo - 1) - s) <= TOLERANCE) {
            return roc.specificity(lo - 1);
        }
        int i = Math.max(lo, 1);
        if (i >= length) {
            return Double.NaN;
        }
        double proportion = (s - roc.sensitivity(i)) / (roc.sensitivity(i - 1) - roc.sensitivity(i));
        return roc.specificity(i) + proportion * (roc.specificity(i - 1) - roc.specificity(i));
    }

    /**
     * The conservative reading at a target specificity: the point with the best sensitivity among those whose
     * specificity is at least the target (within the tolerance), i.e. an attainable threshold; -1 if none.
     */
    static int bestAtSpecificity(Points roc, double s) {
        int lo = 0;
        int hi = roc.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roc.specificity(mid) < s - TOLERANCE) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < roc.size() ? lo : -1;
    }

    /**
     * The conservative reading at a target sensitivity: the point with the best specificity among those whose
     * sensitivity is at least the target (within the tolerance); -1 if none.
     */
    static int bestAtSensitivity(Points roc, double s) {
        int lo = 0;
        int hi = roc.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roc.sensitivity(mid) >= s - TOLERANCE) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
