package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A K x K confusion matrix: {@code counts[t][p]} cases of true class t called p. Counts are doubles so that the
 * same code serves bootstrap-weighted matrices; from reader data they are whole numbers.
 *
 * @param labels class codes in label-set order
 * @param counts rows = truth, columns = chosen label
 */
public record ConfusionMatrix(List<String> labels, double[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException("confusion matrix rows must match the label set");
        }
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Tallies truth against chosen label (both label-set indices). */
    public static ConfusionMatrix of(List<String> labels, int[] truth, int[] chosen) {
        if (truth.length != chosen.length) {
            throw new IllegalArgumentException("truth and answers differ in length");
        }
        int k = labels.size();
        int[] counts = new int[k * k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || chosen[i] < 0 || chosen[i] >= k) {
                throw new IllegalArgumentException("a label index lies outside the label set");
            }
            counts[truth[i] * k + chosen[i]]++;
        }
        return ofCounts(labels, counts);
    }

    /** From counts stored row-major, {@code counts[truth * K + chosen]} (as a phase's per-reader tally). */
    static ConfusionMatrix ofCounts(List<String> labels, int[] counts) {
        int k = labels.size();
        double[][] c = new double[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                c[t][p] = counts[t * k + p];
            }
        }
        return new ConfusionMatrix(labels, c);
    }

    @Override
    /** A copy of the counts, rows = truth, columns = chosen label. */
    public double[][] counts() {
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Number of (weighted) answers in the matrix. */
    public double total() {
        double s = 0;
        for (double[] row : counts) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** Top-1 accuracy: trace / total (NaN for an empty matrix). */
    public double accuracy() {
        double trace = 0;
        for (int i = 0; i < counts.length; i++) {
            trace += counts[i][i];
        }
        return ratio(trace, total());
    }

    /**
     * Balanced accuracy: the mean of per-class recall over the classes that have at least one case (Brodersen et al.
     * 2010, ICPR generalised to K classes); classes without cases are left out.
     */
    public double balancedAccuracy() {
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < counts.length; k++) {
            double row = rowSum(k);
            if (row > 0) {
                sum += counts[k][k] / row;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** Macro specificity: the mean of one-vs-rest specificity over the classes that have negative cases. */
    public double macroSpecificity() {
        double sum = 0;
        int classes = 0;
        for (ClassMetrics m : perClass()) {
            if (!Double.isNaN(m.specificity())) {
                sum += m.specificity();
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /**
     * Macro one-vs-rest accuracy: the mean over all classes of (TP + TN)/N. For single-label answers it equals
     * 1 - 2 (1 - accuracy)/K.
     */
    public double macroAccuracy() {
        if (total() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (ClassMetrics m : perClass()) {
            sum += m.accuracy();
        }
        return sum / counts.length;
    }

    /**
     * One-vs-rest figures for every class (Altman &amp; Bland 1994, BMJ 308:1552 and 309:102): sensitivity
     * TP/(TP+FN), specificity TN/(TN+FP), PPV TP/(TP+FP), NPV TN/(TN+FN), F1 2TP/(2TP+FP+FN); NaN where a
     * denominator is 0 (a class with no cases has no sensitivity; a class never chosen has no PPV, and its F1 is 0
     * when it has cases).
     */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> result = new ArrayList<>(counts.length);
        double n = total();
        for (int k = 0; k < counts.length; k++) {
            double tp = counts[k][k];
            double fn = rowSum(k) - tp;
            double fp = columnSum(k) - tp;
            double tn = n - tp - fn - fp;
            result.add(ClassMetrics.of(labels.get(k), tp, fp, fn, tn));
        }
        return result;
    }

    double rowSum(int k) {
        double s = 0;
        for (double v : counts[k]) {
            s += v;
        }
        return s;
    }

    double columnSum(int k) {
        double s = 0;
        for (double[] row : counts) {
            s += row[k];
        }
        return s;
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
