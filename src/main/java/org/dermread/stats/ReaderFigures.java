package org.dermread.stats;

/**
 * The per-reader figures as one flat vector, computed from a (possibly bootstrap-weighted) confusion matrix stored
 * row-major in {@code counts[truth * K + chosen]}. Layout: 0 accuracy, 1 balanced accuracy (macro sensitivity), 2
 * Cohen's kappa against the truth, 3 macro specificity, 4 macro one-vs-rest accuracy, then for class k at 5 + 6k:
 * sensitivity, specificity, PPV, NPV, F1, one-vs-rest accuracy. Definitions as in {@link ConfusionMatrix} and
 * {@link CohenKappa}.
 */
final class ReaderFigures {

    static final int ACCURACY = 0;
    static final int BALANCED_ACCURACY = 1;
    static final int KAPPA = 2;
    static final int MACRO_SPECIFICITY = 3;
    static final int MACRO_ACCURACY = 4;
    static final int SENSITIVITY = 0;
    static final int SPECIFICITY = 1;
    static final int PPV = 2;
    static final int NPV = 3;
    static final int F1 = 4;
    static final int CLASS_ACCURACY = 5;
    private static final int FIRST_CLASS = 5;
    private static final int PER_CLASS = 6;

    private ReaderFigures() {
    }

    static int count(int k) {
        return FIRST_CLASS + PER_CLASS * k;
    }

    static int classFigure(int k, int which) {
        return FIRST_CLASS + PER_CLASS * k + which;
    }

    /**
     * Fills {@code out} (length {@link #count(int)}) from the counts; NaN where a figure is undefined. The figures are
     * those of {@link #fromMargins} on the matrix's margins (one implementation for the point estimates and the
     * bootstrap replicates).
     */
    static void compute(int[] counts, int k, double[] out) {
        int[] rows = new int[k];
        int[] columns = new int[k];
        int[] diagonal = new int[k];
        for (int t = 0; t < k; t++) {
            int base = t * k;
            for (int p = 0; p < k; p++) {
                int v = counts[base + p];
                rows[t] += v;
                columns[p] += v;
            }
            diagonal[t] = counts[base + t];
        }
        fromMargins(rows, columns, diagonal, k, out, 0, 1);
    }

    /**
     * The figures from the confusion matrix margins (row, column and diagonal count per class), figure f written to
     * {@code out[offset + f * stride]} (stride 1: one reader's vector; stride r, offset j: reader j of a figure-major
     * table). Every count is a whole number, so the sums are exact whatever the order they are taken in.
     */
    static void fromMargins(int[] rows, int[] columns, int[] diagonal, int k, double[] out, int offset, int stride) {
        double n = 0;
        double trace = 0;
        for (int t = 0; t < k; t++) {
            n += rows[t];
            trace += diagonal[t];
        }
        double accuracy = n == 0 ? Double.NaN : trace / n;
        out[offset + ACCURACY * stride] = accuracy;
        double recallSum = 0;
        int classes = 0;
        double pe = 0;
        double specificitySum = 0;
        int withNegatives = 0;
        double accuracySum = 0;
        for (int c = 0; c < k; c++) {
            double row = rows[c];
            double column = columns[c];
            double tp = diagonal[c];
            double fn = row - tp;
            double fp = column - tp;
            double tn = n - tp - fn - fp;
            if (row > 0) {
                recallSum += tp / row;
                classes++;
            }
            if (n > 0) {
                pe += (row / n) * (column / n);
            }
            int base = offset + classFigure(c, 0) * stride;
            double specificity = ratio(tn, tn + fp);
            double classAccuracy = ratio(tp + tn, n);
            out[base + SENSITIVITY * stride] = ratio(tp, tp + fn);
            out[base + SPECIFICITY * stride] = specificity;
            out[base + PPV * stride] = ratio(tp, tp + fp);
            out[base + NPV * stride] = ratio(tn, tn + fn);
            out[base + F1 * stride] = ratio(2 * tp, 2 * tp + fp + fn);
            out[base + CLASS_ACCURACY * stride] = classAccuracy;
            if (tn + fp > 0) {
                specificitySum += specificity;
                withNegatives++;
            }
            accuracySum += classAccuracy;
        }
        out[offset + BALANCED_ACCURACY * stride] = classes == 0 ? Double.NaN : recallSum / classes;
        out[offset + KAPPA * stride] = n == 0 || pe == 1 ? Double.NaN : (accuracy - pe) / (1 - pe);
        out[offset + MACRO_SPECIFICITY * stride] = withNegatives == 0 ? Double.NaN : specificitySum / withNegatives;
        out[offset + MACRO_ACCURACY * stride] = n == 0 ? Double.NaN : accuracySum / k;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
