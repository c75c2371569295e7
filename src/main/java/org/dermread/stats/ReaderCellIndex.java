package org.dermread.stats;

import java.util.List;
import java.util.Arrays;

/**
 * Every reader's answers of one phase laid out for count-based bootstrap replicates: a replicate is a vector of case
 * weights w (how often each case was drawn), and a reader's confusion matrix on the replicate is, cell by cell, the sum
 * of w over the cases in that cell. A reader who answered every case keeps only the off-diagonal cells (the wrong
 * answers, usually the minority): the diagonal then follows from the weighted class totals, so the work per reader is
 * one sum over its wrong answers. All readers' case lists sit in one array, cell after cell, for locality.
 */
final class ReaderCellIndex {

    private static final int CELL_BITS = 12;
    private static final int CELL_MASK = (1 << CELL_BITS) - 1;

    private final int k;
    private final int[] truth;
    /** Per reader, its counted answers as case << 12 | (truth * k + chosen), in case order. */
    private final int[] entries;
    private final int[] start;
    private final boolean[] readAll;

    private ReaderCellIndex(int k, int[] truth, int[] entries, int[] start, boolean[] readAll) {
        this.k = k;
        this.truth = truth;
        this.entries = entries;
        this.start = start;
        this.readAll = readAll;
    }

    static ReaderCellIndex of(int k, int[] truth, List<ReaderReadings> readers) {
        if ((long) k * k > CELL_MASK + 1 || truth.length > (Integer.MAX_VALUE >>> CELL_BITS)) {
            throw new IllegalArgumentException("too many classes or cases for the bootstrap layout");
        }
        int r = readers.size();
        int[] start = new int[r + 1];
        boolean[] readAll = new boolean[r];
        int total = 0;
        for (int j = 0; j < r; j++) {
            ReaderReadings rr = readers.get(j);
            readAll[j] = rr.size() == truth.length;
            start[j] = total;
            for (int i = 0; i < rr.size(); i++) {
                if (!readAll[j] || truth[rr.caseAt(i)] != rr.labelAt(i)) {
                    total++;
                }
            }
        }
        start[r] = total;
        int[] entries = new int[total];
        int n = 0;
        for (int j = 0; j < r; j++) {
            ReaderReadings rr = readers.get(j);
            for (int i = 0; i < rr.size(); i++) {
                int c = rr.caseAt(i);
                int t = truth[c];
                int p = rr.labelAt(i);
                if (!readAll[j] || t != p) {
                    entries[n++] = c << CELL_BITS | (t * k + p);
                }
            }
        }
        return new ReaderCellIndex(k, truth, entries, start, readAll);
    }

    int readers() {
        return readAll.length;
    }

    /** Weighted cases per true class: sum of w over the cases of each class. */
    void classWeights(int[] w, int[] out) {
        Arrays.fill(out, 0);
        for (int c = 0; c < truth.length; c++) {
            out[truth[c]] += w[c];
        }
    }

    /**
     * Reader j's weighted confusion-matrix margins on a replicate: per class the row (cases of that class), column
     * (answers of that class) and diagonal (correct answers) counts. {@code cells} is scratch of k*k ints.
     */
    void margins(int j, int[] w, int[] classWeight, int[] cells, int[] rows, int[] columns, int[] diagonal) {
        Arrays.fill(cells, 0);
        // One flat pass in case order: consecutive answers rarely hit the same cell, so the additions do not wait on
        // each other, and there is no inner loop per cell to mispredict.
        for (int i = start[j], end = start[j + 1]; i < end; i++) {
            int e = entries[i];
            cells[e & CELL_MASK] += w[e >>> CELL_BITS];
        }
        Arrays.fill(rows, 0);
        Arrays.fill(columns, 0);
        int q = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++, q++) {
                int sum = cells[q];
                rows[t] += sum;
                columns[p] += sum;
            }
            diagonal[t] = cells[t * k + t];
        }
        if (readAll[j]) {
            // Only wrong answers were summed: the rows are the class totals and the diagonal what is left of them.
            for (int t = 0; t < k; t++) {
                diagonal[t] = classWeight[t] - rows[t];
                rows[t] = classWeight[t];
                columns[t] += diagonal[t];
            }
        }
    }
}
