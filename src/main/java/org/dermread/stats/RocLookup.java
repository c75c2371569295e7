package org.dermread.stats;

/**
 * Reading an empirical ROC polyline at a given specificity or sensitivity, the way pROC's {@code coords()} does
 * (Robin et al. 2011, BMC Bioinformatics 12:77): points ordered by increasing threshold; an exact match returns the
 * best other coordinate among the matching points, otherwise linear interpolation between the two neighbours.
 */
final class RocLookup {

    private RocLookup() {
    }

    /** Sensitivity at specificity s on points ordered by increasing specificity. NaN if s is outside [0, 1]. */
    static double sensitivityAt(double[] sens, double[] spec, int length, double s) {
        if (!(s >= 0 && s <= 1)) {
            return Double.NaN;
        }
        for (int i = 0; i < length; i++) {
            if (spec[i] == s) {
                return sens[i];
            }
        }
        for (int i = 1; i < length; i++) {
            if (spec[i] > s) {
                double proportion = (s - spec[i]) / (spec[i - 1] - spec[i]);
                return sens[i] + proportion * (sens[i - 1] - sens[i]);
            }
        }
        return Double.NaN;
    }

    /** Specificity at sensitivity s on points ordered by decreasing sensitivity. NaN if s is outside [0, 1]. */
    static double specificityAt(double[] sens, double[] spec, int length, double s) {
        if (!(s >= 0 && s <= 1)) {
            return Double.NaN;
        }
        for (int i = length - 1; i >= 0; i--) {
            if (sens[i] == s) {
                return spec[i];
            }
        }
        for (int i = 1; i < length; i++) {
            if (sens[i] < s) {
                double proportion = (s - sens[i]) / (sens[i - 1] - sens[i]);
                return spec[i] + proportion * (spec[i - 1] - spec[i]);
            }
        }
        return Double.NaN;
    }
}
