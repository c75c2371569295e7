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
     * skipped), with mean, median, min and max over the pairs whose kappa is defined. Each reader's answers are kept
     * as one bit set per label, so a pair's agreement and marginal counts are popcounts of ANDed words.
     */
    static StudyReport.PairwiseKappa pairwise(List<String> readerIds, int labels, int cases,
                                              List<ReaderReadings> readers) {
        int r = readers.size();
        int words = (cases + 63) >>> 6;
        long[][][] chose = new long[r][labels][words];
        long[][] read = new long[r][words];
        boolean[] readAll = new boolean[r];
        double[][] marginal = new double[r][labels];
        for (int j = 0; j < r; j++) {
            ReaderReadings rr = readers.get(j);
            for (int i = 0; i < rr.size(); i++) {
                int c = rr.caseAt(i);
                chose[j][rr.labelAt(i)][c >>> 6] |= 1L << c;
                read[j][c >>> 6] |= 1L << c;
                marginal[j][rr.labelAt(i)]++;
            }
            readAll[j] = rr.size() == cases;
        }
        List<StudyReport.KappaPair> pairs = new ArrayList<>();
        double[] rows = new double[labels];
        double[] columns = new double[labels];
        List<Double> defined = new ArrayList<>();
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                int n;
                if (readAll[a] && readAll[b]) {
                    n = cases;
                    System.arraycopy(marginal[a], 0, rows, 0, labels);
                    System.arraycopy(marginal[b], 0, columns, 0, labels);
                } else {
                    n = 0;
                    for (int q = 0; q < words; q++) {
                        n += Long.bitCount(read[a][q] & read[b][q]);
                    }
                    for (int l = 0; l < labels; l++) {
                        int x = 0;
                        int y = 0;
                        for (int q = 0; q < words; q++) {
                            x += Long.bitCount(chose[a][l][q] & read[b][q]);
                            y += Long.bitCount(chose[b][l][q] & read[a][q]);
                        }
                        rows[l] = x;
                        columns[l] = y;
                    }
                }
                if (n == 0) {
                    continue;
                }
                int agree = 0;
                for (int l = 0; l < labels; l++) {
                    long[] x = chose[a][l];
                    long[] y = chose[b][l];
                    for (int q = 0; q < words; q++) {
                        agree += Long.bitCount(x[q] & y[q]);
                    }
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
