package org.dermread.stats;

import java.util.Arrays;

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

    /** Fills {@code out} (length {@link #count(int)}) from the counts; NaN where a figure is undefined. */
    static void compute(int[] counts, int k, double[] out, double[] rowScratch, double[] columnScratch) {
        double n = 0;
        double trace = 0;
        Arrays.fill(rowScratch, 0);
        Arrays.fill(columnScratch, 0);
        for (int t = 0; t < k; t++) {
            int base = t * k;
            for (int p = 0; p < k; p++) {
                int v = counts[base + p];
                rowScratch[t] += v;
                columnScratch[p] += v;
            }
            trace += counts[base + t];
            n += rowScratch[t];
        }
        out[ACCURACY] = n == 0 ? Double.NaN : trace / n;
        double recallSum = 0;
        int classes = 0;
        double pe = 0;
        double specificitySum = 0;
        int withNegatives = 0;
        double accuracySum = 0;
        for (int c = 0; c < k; c++) {
            double tp = counts[c * k + c];
            double fn = rowScratch[c] - tp;
            double fp = columnScratch[c] - tp;
            double tn = n - tp - fn - fp;
            if (rowScratch[c] > 0) {
                recallSum += tp / rowScratch[c];
                classes++;
            }
            if (n > 0) {
                pe += (rowScratch[c] / n) * (columnScratch[c] / n);
            }
            int base = classFigure(c, 0);
            out[base + SENSITIVITY] = ratio(tp, tp + fn);
            out[base + SPECIFICITY] = ratio(tn, tn + fp);
            out[base + PPV] = ratio(tp, tp + fp);
            out[base + NPV] = ratio(tn, tn + fn);
            out[base + F1] = ratio(2 * tp, 2 * tp + fp + fn);
            out[base + CLASS_ACCURACY] = ratio(tp + tn, n);
            if (tn + fp > 0) {
                specificitySum += out[base + SPECIFICITY];
                withNegatives++;
            }
            accuracySum += out[base + CLASS_ACCURACY];
        }
        out[BALANCED_ACCURACY] = classes == 0 ? Double.NaN : recallSum / classes;
        out[KAPPA] = n == 0 || pe == 1 ? Double.NaN : (out[ACCURACY] - pe) / (1 - pe);
        out[MACRO_SPECIFICITY] = withNegatives == 0 ? Double.NaN : specificitySum / withNegatives;
        out[MACRO_ACCURACY] = n == 0 ? Double.NaN : accuracySum / k;
    }

    /**
     * The same figures as {@link #compute} from the confusion matrix margins (row, column and diagonal count per
     * class), written to {@code byFigure[figure][reader]}. Every count is a whole number, so the sums are exact and the
     * figures equal those of {@link #compute} bit for bit.
     */
    static void fromMargins(int[] rows, int[] columns, int[] diagonal, int k, double[][] byFigure, int reader) {
        double n = 0;
        double trace = 0;
        for (int t = 0; t < k; t++) {
            n += rows[t];
            trace += diagonal[t];
        }
        byFigure[ACCURACY][reader] = n == 0 ? Double.NaN : trace / n;
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
            int base = classFigure(c, 0);
            double specificity = ratio(tn, tn + fp);
            double classAccuracy = ratio(tp + tn, n);
            byFigure[base + SENSITIVITY][reader] = ratio(tp, tp + fn);
            byFigure[base + SPECIFICITY][reader] = specificity;
            byFigure[base + PPV][reader] = ratio(tp, tp + fp);
            byFigure[base + NPV][reader] = ratio(tn, tn + fn);
            byFigure[base + F1][reader] = ratio(2 * tp, 2 * tp + fp + fn);
            byFigure[base + CLASS_ACCURACY][reader] = classAccuracy;
            if (tn + fp > 0) {
                specificitySum += specificity;
                withNegatives++;
            }
            accuracySum += classAccuracy;
        }
        byFigure[BALANCED_ACCURACY][reader] = classes == 0 ? Double.NaN : recallSum / classes;
        double accuracy = byFigure[ACCURACY][reader];
        byFigure[KAPPA][reader] = n == 0 || pe == 1 ? Double.NaN : (accuracy - pe) / (1 - pe);
        byFigure[MACRO_SPECIFICITY][reader] = withNegatives == 0 ? Double.NaN : specificitySum / withNegatives;
        byFigure[MACRO_ACCURACY][reader] = n == 0 ? Double.NaN : accuracySum / k;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
