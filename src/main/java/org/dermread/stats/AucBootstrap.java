package org.dermread.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Stratified percentile bootstrap of an empirical AUC, as pROC's {@code ci.auc(method = "bootstrap",
 * boot.stratified = TRUE)} (Carpenter &amp; Bithell 2000, Stat Med 19:1141; Robin et al. 2011): each replicate draws
 * the positive cases with replacement among the positives and the negatives among the negatives, the AUC of the
 * replicate is computed, and the interval is the type-7 quantiles at (1 -/+ level)/2 of the replicates. The standard
 * error is the standard deviation of the replicates (pROC's {@code var(method = "bootstrap")}).
 *
 * <p>Replicate b draws from its own generator seeded from (seed, b) and replicates are count-based (a case drawn twice
 * counts twice in one pass over the presorted scores), so the numbers are the same on any number of threads.
 */
public final class AucBootstrap {

    /** Replicates per parallel task. */
    private static final int BLOCK = 64;

    private AucBootstrap() {
    }

    /**
     * An AUC with its bootstrap interval.
     *
     * @param replicates      bootstrap replicates drawn
     * @param seed            the seed they were drawn from
     */
    public record Interval(double auc, double standardError, double lower, double upper, double confidenceLevel,
                           int replicates, long seed) {
    }

    /**
     * @throws IllegalArgumentException without positive or negative cases, fewer than 2 replicates, NaN scores
     */
    public static Interval stratified(double[] scores, boolean[] positive, int replicates, long seed,
                                      double confidenceLevel) {
        if (replicates < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 replicates");
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1)");
        }
        double auc = Placements.of(scores, positive).auc();
        int n = scores.length;
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Double.compare(scores[a], scores[b]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        // position of each case's score in the sorted order, and where its run of tied scores ends
        int[] tieEnd = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            Arrays.fill(tieEnd, i, j, j);
            i = j;
        }
        int[] pos = IntStream.range(0, n).filter(c -> positive[c]).toArray();
        int[] neg = IntStream.range(0, n).filter(c -> !positive[c]).toArray();
        double[] values = new double[replicates];
        // replicates in blocks that share one weight vector; each replicate still draws from its own generator
        int blocks = (replicates + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int[] w = new int[n];
            for (int b = block * BLOCK; b < Math.min(replicates, (block + 1) * BLOCK); b++) {
                SplittableRandom rng = new SplittableRandom(PanelBootstrap.mix(seed, b));
                Arrays.fill(w, 0);
                for (int d = 0; d < pos.length; d++) {
                    w[pos[rng.nextInt(pos.length)]]++;
                }
                for (int d = 0; d < neg.length; d++) {
                    w[neg[rng.nextInt(neg.length)]]++;
                }
                values[b] = weightedAuc(order, tieEnd, positive, w, pos.length, neg.length);
            }
        });
        double mean = 0;
        for (double v : values) {
            mean += v / replicates;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double alpha = 1 - confidenceLevel;
        return new Interval(auc, Math.sqrt(ss / (replicates - 1)),
                Descriptives.quantileOfSorted(sorted, replicates, alpha / 2),
                Descriptives.quantileOfSorted(sorted, replicates, 1 - alpha / 2), confidenceLevel, replicates, seed);
    }

    /**
     * Mann-Whitney AUC of case-weighted data in one pass over the sorted scores: each positive counts the weighted
     * negatives below it plus half those tied with it. Sums are whole numbers (times 1/2), hence exact.
     */
    static double weightedAuc(int[] order, int[] tieEnd, boolean[] positive, int[] w, long positives,
                              long negatives) {
        long negBelow = 0;
        long twiceConcordant = 0;
        for (int i = 0; i < order.length; ) {
            int end = tieEnd[i];
            long tiedPos = 0;
            long tiedNeg = 0;
            for (int q = i; q < end; q++) {
                int c = order[q];
                if (positive[c]) {
                    tiedPos += w[c];
                } else {
                    tiedNeg += w[c];
                }
            }
            twiceConcordant += tiedPos * (2 * negBelow + tiedNeg);
            negBelow += tiedNeg;
            i = end;
        }
        return twiceConcordant / (2.0 * positives * negatives);
    }
}
