package org.dermread.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Two-way (readers and cases) percentile bootstrap of the readers' mean and median figures (Efron &amp; Tibshirani
 * 1993, ch. 13; the reader-and-case resampling of Beiden, Wagner &amp; Campbell 2000, Acad Radiol 7:341). Each
 * replicate draws the cases with replacement (N of N), recomputes every reader's confusion matrix on them, then for
 * each reader group draws its readers with replacement and takes the mean and the median. Interval bounds are the
 * (1-level)/2 and (1+level)/2 quantiles (type 7) of the replicates in which the figure is defined.
 *
 * <p>Replicates are count-based: a replicate is the vector of how often each case was drawn, and each reader's
 * confusion matrix on it is summed from those counts over the reader's wrong answers only ({@link ReaderCellIndex});
 * the groups' means and medians come from bucketed counts, not sorts ({@link GroupSummaries}). Replicate b uses its own
 * generator seeded from (seed, b), so results do not depend on thread scheduling: same seed, same numbers.
 */
final class PanelBootstrap {

    static final int MEAN = 0;
    static final int MEDIAN = 1;

    private PanelBootstrap() {
    }

    /** The AI's scores for one class, sorted ascending, for the weighted ROC of each replicate. */
    record AiClassScores(int[] order, double[] sortedScores, boolean[] positiveByCase) {
    }

    /**
     * Replicate values.
     *
     * @param panel  panel[group][figure][MEAN or MEDIAN][replicate]
     * @param aiSensitivityAtMeanSpecificity [class][replicate], first group only
     * @param aiSpecificityAtMeanSensitivity [class][replicate], first group only
     */
    record Replicates(double[][][][] panel, double[][] aiSensitivityAtMeanSpecificity,
                      double[][] aiSpecificityAtMeanSensitivity) {
    }

    /**
     * Runs {@code replicates} reader-and-case bootstrap replicates (see the class comment); groups[0] must be the
     * whole panel (readers 0..r-1 in order), which also drives the AI operating-point replicates, and the other groups
     * must be disjoint. Replicates run in parallel in blocks; each has its own generator, so the numbers are the same
     * on any number of threads.
     */
    static Replicates run(int k, int[] truth, List<ReaderReadings> readers, int[][] groups,
                          List<AiClassScores> ai, int replicates, long seed) {
        int figures = ReaderFigures.count(k);
        int r = readers.size();
        int[] groupOf = groupOf(groups, r);
        double[][][][] panel = new double[groups.length][figures][2][replicates];
        double[][] aiSens = ai == null ? null : new double[k][replicates];
        double[][] aiSpec = ai == null ? null : new double[k][replicates];
        ReaderCellIndex index = ReaderCellIndex.of(k, truth, readers);
        List<AiRoc> aiRocs = ai == null ? null : ai.stream().map(AiRoc::of).toList();
        int blocks = (replicates + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            Replicate worker = new Replicate(k, truth, index, groups, groupOf, aiRocs);
            for (int b = block * BLOCK; b < Math.min(replicates, (block + 1) * BLOCK); b++) {
                worker.run(b, seed, panel, aiSens, aiSpec);
            }
        });
        return new Replicates(panel, aiSens, aiSpec);
    }

    /**
     * Replicates per parallel task: enough to reuse one worker's scratch arrays (a worker's figure table alone is
     * figures x readers doubles, 120 kB for 280 readers and 8 classes), few enough to balance threads (2,000
     * replicates make 32 tasks).
     */
    private static final int BLOCK = 64;

    /** The group (1..) of each reader besides the panel, -1 for none; checks the layout run() relies on. */
    private static int[] groupOf(int[][] groups, int r) {
        if (groups.length == 0 || groups[0].length != r) {
            throw new IllegalArgumentException("group 0 must be the whole panel");
        }
        for (int j = 0; j < r; j++) {
            if (groups[0][j] != j) {
                throw new IllegalArgumentException("group 0 must list the readers in order");
            }
        }
        int[] groupOf = new int[r];
        Arrays.fill(groupOf, -1);
        for (int g = 1; g < groups.length; g++) {
            for (int j : groups[g]) {
                if (groupOf[j] != -1) {
                    throw new IllegalArgumentException("reader groups other than the panel must be disjoint");
                }
                groupOf[j] = g;
            }
        }
        return groupOf;
    }

    /** One thread's scratch space; {@link #run} computes replicate b. */
    private static final class Replicate {
        private final int k;
        private final int cases;
        private final ReaderCellIndex index;
        private final int[][] groups;
        private final List<AiRoc> ai;
        private final int[] w;
        private final int[] classWeight;
        private final int[] cells;
        private final int[] rows;
        private final int[] columns;
        private final int[] diagonal;
        /** figure f of reader j at f * readers + j: each figure's values over the readers are contiguous. */
        private final double[] figure;
        private final int readers;
        private final int[][] multiplicity;
        private final GroupSummaries summaries;
        private final double[] mean;
        private final double[] median;
        private final int[] posBelow;
        private final int[] allBelow;
        private final int[] truth;
        /** The cases the AI scored (the same for every class), and per replicate their weight by true class. */
        private final int[] aiCases;
        private final int[] aiClassWeight;

        Replicate(int k, int[] truth, ReaderCellIndex index, int[][] groups, int[] groupOf, List<AiRoc> ai) {
            this.k = k;
            this.cases = truth.length;
            this.truth = truth;
            this.aiCases = ai == null || ai.isEmpty() ? null : ai.get(0).order();
            this.aiClassWeight = new int[k];
            this.index = index;
            this.groups = groups;
            this.ai = ai;
            int r = index.readers();
            w = new int[cases];
            classWeight = new int[k];
            cells = new int[k * k];
            rows = new int[k];
            columns = new int[k];
            diagonal = new int[k];
            readers = r;
            figure = new double[ReaderFigures.count(k) * r];
            multiplicity = new int[groups.length][r];
            summaries = new GroupSummaries(groupOf, groups.length);
            mean = new double[groups.length];
            median = new double[groups.length];
            posBelow = new int[truth.length + 1];
            allBelow = new int[truth.length + 1];
        }

        void run(int b, long seed, double[][][][] panel, double[][] aiSens, double[][] aiSpec) {
            SplittableRandom rng = new SplittableRandom(mix(seed, b));
            Arrays.fill(w, 0);
            for (int i = 0; i < cases; i++) {
                w[rng.nextInt(cases)]++;
            }
            index.classWeights(w, classWeight);
            for (int j = 0; j < index.readers(); j++) {
                index.margins(j, w, classWeight, cells, rows, columns, diagonal);
                ReaderFigures.fromMargins(rows, columns, diagonal, k, figure, j, readers);
            }
            for (int g = 0; g < groups.length; g++) {
                int[] members = groups[g];
                int[] mult = multiplicity[g];
                Arrays.fill(mult, 0);
                for (int d = 0; d < members.length; d++) {
                    mult[members[rng.nextInt(members.length)]]++;
                }
            }
            for (int f = 0, figures = ReaderFigures.count(k); f < figures; f++) {
                double lowest = f == ReaderFigures.KAPPA ? -1 : 0;
                summaries.summarize(figure, f * readers, lowest, 1, multiplicity, mean, median);
                for (int g = 0; g < groups.length; g++) {
                    panel[g][f][MEAN][b] = mean[g];
                    panel[g][f][MEDIAN][b] = median[g];
                }
            }
            if (ai != null) {
                // the weighted totals of the AI's cases, once for every class's ROC
                Arrays.fill(aiClassWeight, 0);
                int aiTotal = 0;
                for (int c : aiCases) {
                    aiClassWeight[truth[c]] += w[c];
                    aiTotal += w[c];
                }
                for (int c = 0; c < k; c++) {
                    WeightedRoc roc = ai.get(c).weighted(w, aiClassWeight[c], aiTotal, posBelow, allBelow);
                    double meanSpec = panel[0][ReaderFigures.classFigure(c, ReaderFigures.SPECIFICITY)][MEAN][b];
                    double meanSens = panel[0][ReaderFigures.classFigure(c, ReaderFigures.SENSITIVITY)][MEAN][b];
                    aiSens[c][b] = roc == null ? Double.NaN : RocLookup.sensitivityAt(roc, meanSpec);
                    aiSpec[c][b] = roc == null ? Double.NaN : RocLookup.specificityAt(roc, meanSens);
                }
            }
        }
    }

    /**
     * The AI's cases of one class in score order, with the truth of each and where each run of tied scores ends, so
     * that a replicate's weighted ROC is one pass without comparing scores.
     */
    private record AiRoc(int[] order, int[] positive, int[] tieEnd) {

        static AiRoc of(AiClassScores scores) {
            int[] order = scores.order();
            double[] sorted = scores.sortedScores();
            int[] positive = new int[order.length];
            int[] tieEnd = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                positive[i] = scores.positiveByCase()[order[i]] ? 1 : 0;
            }
            int i = 0;
            while (i < order.length) {
                int j = i;
                while (j < order.length && sorted[j] == sorted[i]) {
                    j++;
                }
                for (int q = i; q < j; q++) {
                    tieEnd[q] = j;
                }
                i = j;
            }
            return new AiRoc(order, positive, tieEnd);
        }

        /**
         * The AI's ROC on case-weighted data (a case drawn twice counts twice), in pROC order, as whole-number
         * cumulative counts: {@code posBelow[i]} and {@code allBelow[i]} are the weighted positives and cases scored
         * below point i's threshold, given the weighted positives and cases of the replicate. Null without a positive
         * or a negative case.
         */
        WeightedRoc weighted(int[] w, int totalPos, int totalAll, int[] posBelow, int[] allBelow) {
            int totalNeg = totalAll - totalPos;
            if (totalPos == 0 || totalNeg == 0) {
                return null;
            }
            int pos = 0;
            int all = 0;
            int points = 0;
            int i = 0;
            while (i < order.length) {
                posBelow[points] = pos;
                allBelow[points] = all;
                points++;
                for (int end = tieEnd[i]; i < end; i++) {
                    int x = w[order[i]];
                    pos += positive[i] * x;
                    all += x;
                }
            }
            posBelow[points] = totalPos;
            allBelow[points] = totalAll;
            return new WeightedRoc(posBelow, allBelow, points + 1, totalPos, totalNeg);
        }
    }

    /**
     * Points of a weighted ROC read on demand (a lookup needs only O(log n) of them): sensitivity (P - posBelow)/P and
     * specificity (allBelow - posBelow)/N, computed from whole numbers exactly as from the materialised curve.
     */
    private record WeightedRoc(int[] posBelow, int[] allBelow, int size, double positives, double negatives)
            implements RocLookup.Points {

        @Override
        public double sensitivity(int i) {
            return (positives - posBelow[i]) / positives;
        }

        @Override
        public double specificity(int i) {
            return (allBelow[i] - posBelow[i]) / negatives;
        }
    }

    /**
     * Percentile interval of replicate values ignoring NaN: type-7 quantiles at (1 -+ level)/2. Only the two order
     * statistics around each quantile are needed, so they are selected (Hoare's FIND, CACM 4:321, 1961) instead of
     * sorting all replicates; the order is that of {@link Arrays#sort(double[])} (-0.0 before 0.0), so the values are
     * those of the sorted array.
     */
    static double[] percentileInterval(double[] values, double level) {
        double[] v = new double[values.length];
        int n = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        double alpha = 1 - level;
        return new double[] {quantile(v, n, alpha / 2), quantile(v, n, 1 - alpha / 2)};
    }

    /** {@link Descriptives#quantileOfSorted} of the first n values, which it reorders. */
    private static double quantile(double[] v, int n, double probability) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double low = select(v, n, lo);
        double high = low;
        if (hi > lo) {
            // after selecting rank lo, every value above position lo is at least v[lo]: rank lo + 1 is their minimum
            high = v[lo + 1];
            for (int i = lo + 2; i < n; i++) {
                if (before(v[i], high)) {
                    high = v[i];
                }
            }
        }
        return low + (h - lo) * (high - low);
    }

    /** The value of rank k (0-based) among v[0..n), leaving smaller values before k and larger ones after it. */
    private static double select(double[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            double a = v[lo];
            double b = v[(lo + hi) >>> 1];
            double c = v[hi];
            double pivot = before(a, b) ? (before(b, c) ? b : before(a, c) ? c : a)
                    : (before(a, c) ? a : before(b, c) ? c : b);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (before(v[i], pivot)) {
                    i++;
                }
                while (before(pivot, v[j])) {
                    j--;
                }
                if (i <= j) {
                    double x = v[i];
                    v[i] = v[j];
                    v[j] = x;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    /** x sorts before y as in {@link Arrays#sort(double[])} (no NaN here): -0.0 before 0.0. */
    private static boolean before(double x, double y) {
        return x < y || (x == y && Double.doubleToRawLongBits(x) < Double.doubleToRawLongBits(y));
    }

    /** SplitMix64 finaliser of (seed, replicate): a well-spread, reproducible seed per replicate. */
    static long mix(long seed, int replicate) {
        long z = seed + 0x9E3779B97F4A7C15L * (replicate + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
