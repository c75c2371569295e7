package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Agreement between readers in one phase: Fleiss' kappa over all readers and Cohen's kappa for every pair. */
final class Agreement {

    private Agreement() {
    }

    /** Fleiss (1971) over the readers' answers (cases x labels count table); see {@link FleissKappa#of}. */
    static FleissKappa fleiss(List<String> labels, int cases, List<ReaderReadings> readers) {
        int[][] table = new int[cases][labels.size()];
        for (ReaderReadings rr : readers) {
            for (int i = 0; i < rr.size(); i++) {
                table[rr.caseAt(i)][rr.labelAt(i)]++;
            }
        }
        return FleissKappa.of(labels, table);
    }

    /**
     * Cohen (1960) kappa for every pair of readers over the cases both answered (pairs with no shared case are
     * skipped), with mean, median, min and max over the pairs whose kappa is defined.
     */
    static StudyReport.PairwiseKappa pairwise(List<String> readerIds, int labels, int cases,
                                              List<ReaderReadings> readers) {
        int r = readers.size();
        int[][] answer = new int[r][cases];
        for (int j = 0; j < r; j++) {
            Arrays.fill(answer[j], -1);
            ReaderReadings rr = readers.get(j);
            for (int i = 0; i < rr.size(); i++) {
                answer[j][rr.caseAt(i)] = rr.labelAt(i);
            }
        }
        List<StudyReport.KappaPair> pairs = new ArrayList<>();
        double[] rows = new double[labels];
        double[] columns = new double[labels];
        List<Double> defined = new ArrayList<>();
        for (int a = 0; a < r; a++) {
            int[] x = answer[a];
            for (int b = a + 1; b < r; b++) {
                int[] y = answer[b];
                Arrays.fill(rows, 0);
                Arrays.fill(columns, 0);
                int n = 0;
                int agree = 0;
                for (int c = 0; c < cases; c++) {
                    int u = x[c];
                    int v = y[c];
                    if (u < 0 || v < 0) {
                        continue;
                    }
                    n++;
                    rows[u]++;
                    columns[v]++;
                    if (u == v) {
                        agree++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                double kappa = CohenKappa.fromCounts(agree, rows, columns, n).kappa();
                pairs.add(new StudyReport.KappaPair(readerIds.get(readers.get(a).reader()),
                        readerIds.get(readers.get(b).reader()), n, kappa));
                if (!Double.isNaN(kappa)) {
                    defined.add(kappa);
                }
            }
        }
        double[] values = defined.stream().mapToDouble(Double::doubleValue).toArray();
        double min = values.length == 0 ? Double.NaN : Arrays.stream(values).min().getAsDouble();
        double max = values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsDouble();
        return new StudyReport.PairwiseKappa(pairs.size(), Descriptives.mean(values), Descriptives.median(values),
                min, max, pairs);
    }
}
