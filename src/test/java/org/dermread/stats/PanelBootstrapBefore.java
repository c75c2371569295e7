package org.dermread.stats;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.Arrays;

/**
 * The reader-and-case bootstrap as it was before count-based replicates, kept in test scope only so that one run can
 * check that {@link PanelBootstrap} gives the same replicate values bit for bit and time both.
 *
 * <p>Original description: two-way (readers and cases) percentile bootstrap of the readers' mean and median figures
 * (Efron &amp; Tibshirani 1993, ch. 13; the reader-and-case resampling of Beiden, Wagner &amp; Campbell 2000, Acad
 * Radiol 7:341). Each replicate draws the cases with replacement (N of N), recomputes every reader's confusion matrix
 * on them, then for each reader group draws its readers with replacement and takes the mean and the median.
 * Interval bounds are the (1-level)/2 and (1+level)/2 quantiles (type 7) of the replicates in which the figure is
 * defined.
 *
 * <p>Replicate b uses its own generator seeded from (seed, b), so results do not depend on thread scheduling:
 * same seed, same numbers.
 */
final class PanelBootstrapBefore {

    static final int MEAN = 0;
    static final int MEDIAN = 1;

    private PanelBootstrapBefore() {
    }

    /**
     * Runs {@code replicates} reader-and-case bootstrap replicates (see the class comment); groups[0] must be the
     * whole panel, which also drives the AI operating-point replicates.
     */
    static PanelBootstrap.Replicates run(int k, int[] truth, List<ReaderReadings> readers, int[][] groups,
                          List<PanelBootstrap.AiClassScores> ai, int replicates, long seed) {
        int figures = ReaderFigures.count(k);
        int cases = truth.length;
        int r = readers.size();
        double[][][][] panel = new double[groups.length][figures][2][replicates];
        double[][] aiSens = ai == null ? null : new double[k][replicates];
        double[][] aiSpec = ai == null ? null : new double[k][replicates];
        // Each reader's answered cases grouped by confusion cell (truth * K + chosen), so that a replicate's
        // weighted count of a cell is one running sum over its cases.
        int cellCount = k * k;
        int[][] cellStart = new int[r][cellCount + 1];
        int[][] casesByCell = new int[r][];
        boolean[] readAll = new boolean[r];
        boolean[] diagonal = new boolean[cellCount];
        for (int t = 0; t < k; t++) {
            diagonal[t * k + t] = true;
        }
        for (int j = 0; j < r; j++) {
            readAll[j] = readers.get(j).size() == cases;
            ReaderReadings rr = readers.get(j);
            int[] start = cellStart[j];
            for (int i = 0; i < rr.size(); i++) {
                start[truth[rr.caseAt(i)] * k + rr.labelAt(i) + 1]++;
            }
            for (int q = 0; q < cellCount; q++) {
                start[q + 1] += start[q];
            }
            int[] fill = start.clone();
            casesByCell[j] = new int[rr.size()];
            for (int i = 0; i < rr.size(); i++) {
                casesByCell[j][fill[truth[rr.caseAt(i)] * k + rr.labelAt(i)]++] = rr.caseAt(i);
            }
        }
        IntStream.range(0, replicates).parallel().forEach(b -> {
            SplittableRandom rng = new SplittableRandom(PanelBootstrap.mix(seed, b));
            int[] w = new int[cases];
            for (int i = 0; i < cases; i++) {
                w[rng.nextInt(cases)]++;
            }
            // figure-major, so that the per-figure passes over readers read contiguous memory
            double[][] fig = new double[figures][r];
            double[] readerFigures = new double[figures];
            int[] counts = new int[k * k];
            // Weighted cases per true class: a reader who read every case gets the (large) diagonal cells as
            // this total minus the row's off-diagonal cells, so only the wrong answers are summed.
            int[] classWeight = new int[k];
            for (int c = 0; c < cases; c++) {
                classWeight[truth[c]] += w[c];
            }
            for (int j = 0; j < r; j++) {
                int[] start = cellStart[j];
                int[] byCell = casesByCell[j];
                boolean all = readAll[j];
                for (int q = 0; q < cellCount; q++) {
                    if (all && diagonal[q]) {
                        continue;
                    }
                    int sum = 0;
                    for (int i = start[q], end = start[q + 1]; i < end; i++) {
                        sum += w[byCell[i]];
                    }
                    counts[q] = sum;
                }
                if (all) {
                    for (int t = 0; t < k; t++) {
                        int off = 0;
                        for (int p = 0; p < k; p++) {
                            if (p != t) {
                                off += counts[t * k + p];
                            }
                        }
                        counts[t * k + t] = classWeight[t] - off;
                    }
                }
                ReaderFigures.compute(counts, k, readerFigures);
                for (int f = 0; f < figures; f++) {
                    fig[f][j] = readerFigures[f];
                }
            }
            int[][] multiplicity = new int[groups.length][r];
            for (int g = 0; g < groups.length; g++) {
                int[] members = groups[g];
                for (int d = 0; d < members.length; d++) {
                    multiplicity[g][members[rng.nextInt(members.length)]]++;
                }
            }
            // One ordering of the readers per figure serves every group: walk the ordered readers with each group's
            // multiplicities to its mean and the middle element(s) of its resampled multiset.
            int[] order = new int[r];
            int[] scratch = new int[r];
            int[] buckets = new int[r + 1];
            double[] values = new double[r];
            for (int f = 0; f < figures; f++) {
                double[] byReader = fig[f];
                int n = 0;
                for (int j = 0; j < r; j++) {
                    double v = byReader[j];
                    if (!Double.isNaN(v)) {
                        scratch[n] = j;
                        values[n++] = v;
                    }
                }
                sortIndices(values, scratch, n, order, buckets);
                for (int g = 0; g < groups.length; g++) {
                    int[] mult = multiplicity[g];
                    int total = 0;
                    double sum = 0;
                    for (int j = 0; j < r; j++) {
                        if (mult[j] != 0 && !Double.isNaN(byReader[j])) {
                            total += mult[j];
                            sum += mult[j] * byReader[j];
                        }
                    }
                    if (total == 0) {
                        panel[g][f][MEAN][b] = Double.NaN;
                        panel[g][f][MEDIAN][b] = Double.NaN;
                        continue;
                    }
                    panel[g][f][MEAN][b] = sum / total;
                    int lowRank = (total - 1) / 2;
                    int highRank = total / 2;
                    double low = Double.NaN;
                    double high = Double.NaN;
                    int seen = 0;
                    for (int a = 0; a < n && Double.isNaN(high); a++) {
                        int j = order[a];
                        if (mult[j] == 0) {
                            continue;
                        }
                        seen += mult[j];
                        if (Double.isNaN(low) && seen > lowRank) {
                            low = byReader[j];
                        }
                        if (seen > highRank) {
                            high = byReader[j];
                        }
                    }
                    panel[g][f][MEDIAN][b] = (low + high) / 2;
                }
            }
            if (ai != null) {
                double[] sens = new double[cases + 1];
                double[] spec = new double[cases + 1];
                for (int c = 0; c < k; c++) {
                    int points = weightedRoc(ai.get(c), w, sens, spec);
                    double meanSpec = panel[0][ReaderFigures.classFigure(c, ReaderFigures.SPECIFICITY)][MEAN][b];
                    double meanSens = panel[0][ReaderFigures.classFigure(c, ReaderFigures.SENSITIVITY)][MEAN][b];
                    aiSens[c][b] = points == 0 ? Double.NaN : RocLookup.sensitivityAt(sens, spec, points, meanSpec);
                    aiSpec[c][b] = points == 0 ? Double.NaN : RocLookup.specificityAt(sens, spec, points, meanSens);
                }
            }
        });
        return new PanelBootstrap.Replicates(panel, aiSens, aiSpec);
    }

    /**
     * The ROC points of the AI on case-weighted data (a case drawn twice counts twice), in pROC order; returns the
     * number of points, 0 when the replicate has no positive or no negative case.
     */
    static int weightedRoc(PanelBootstrap.AiClassScores scores, int[] w, double[] sens, double[] spec) {
        int[] order = scores.order();
        double[] sorted = scores.sortedScores();
        boolean[] positive = scores.positiveByCase();
        double totalPos = 0;
        double totalNeg = 0;
        for (int c : order) {
            if (positive[c]) {
                totalPos += w[c];
            } else {
                totalNeg += w[c];
            }
        }
        if (totalPos == 0 || totalNeg == 0) {
            return 0;
        }
        double posBelow = 0;
        double negBelow = 0;
        int points = 0;
        int i = 0;
        while (i < order.length) {
            sens[points] = (totalPos - posBelow) / totalPos;
            spec[points] = negBelow / totalNeg;
            points++;
            int j = i;
            while (j < order.length && sorted[j] == sorted[i]) {
                int c = order[j];
                if (positive[c]) {
                    posBelow += w[c];
                } else {
                    negBelow += w[c];
                }
                j++;
            }
            i = j;
        }
        sens[points] = 0;
        spec[points] = 1;
        return points + 1;
    }

    /**
     * Orders the first n (value, id) pairs by value into {@code out} (ids): a counting sort into n equal-width
     * buckets, then an insertion pass that only has to fix order inside buckets; O(n) for spread-out values.
     */
    static void sortIndices(double[] values, int[] ids, int n, int[] out, int[] buckets) {
        if (n == 0) {
            return;
        }
        double min = values[0];
        double max = values[0];
        for (int a = 1; a < n; a++) {
            min = Math.min(min, values[a]);
            max = Math.max(max, values[a]);
        }
        if (min == max) {
            System.arraycopy(ids, 0, out, 0, n);
            return;
        }
        Arrays.fill(buckets, 0, n + 1, 0);
        double scale = (n - 1) / (max - min);
        for (int a = 0; a < n; a++) {
            buckets[(int) ((values[a] - min) * scale) + 1]++;
        }
        for (int q = 1; q <= n; q++) {
            buckets[q] += buckets[q - 1];
        }
        double[] sorted = new double[n];
        for (int a = 0; a < n; a++) {
            int q = buckets[(int) ((values[a] - min) * scale)]++;
            out[q] = ids[a];
            sorted[q] = values[a];
        }
        for (int a = 1; a < n; a++) {
            double v = sorted[a];
            int id = out[a];
            int q = a - 1;
            while (q >= 0 && sorted[q] > v) {
                sorted[q + 1] = sorted[q];
                out[q + 1] = out[q];
                q--;
            }
            sorted[q + 1] = v;
            out[q + 1] = id;
        }
    }

}
