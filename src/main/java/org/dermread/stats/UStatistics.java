package org.dermread.stats;

import java.util.stream.IntStream;


/**
 * The sums behind the U-statistic (unbiased) moments of empirical AUCs, as iMRMC computes them (Gallas 2006, Acad
 * Radiol 13:353; Gallas, Bandos, Samuelson &amp; Wagner 2009, Commun Stat Theory Methods 38:2586, eqs 10-19; the R
 * function {@code doAUC} of DIDSR/iMRMC 2.x). With the success kernel s(p, q) = 1, 1/2 or 0 as a positive case p
 * scores above, equal to or below a negative case q, and d(p, q) = 1 when the reader read both, a pair of
 * reader-modalities (A, B) gives four numerators and denominators:
 * <ol>
 *   <li>sum over (p, q) of s_A s_B (same positive, same negative) and of d_A d_B;</li>
 *   <li>sum over p of (sum_q s_A)(sum_q s_B) (same positive), and the same with d;</li>
 *   <li>sum over q of (sum_p s_A)(sum_p s_B) (same negative), and the same with d;</li>
 *   <li>(sum s_A)(sum s_B), and the same with d.</li>
 * </ol>
 * For one modality pair, sums 1-4 over the same reader and 5-8 over every ordered pair of readers are the eight
 * numerators and denominators of the BDG moments. Sums over reader pairs use reader-summed kernels (sum over readers
 * of s(p, q), a cases x cases table), so they cost O(r m n) instead of O(r^2 m n); for small whole-number ratings
 * (ordinal scales) the summed kernel is counted with bit sets of readers per case and rating. Every sum is a multiple
 * of 1/4 and is computed exactly.
 */
final class UStatistics {

    private final double[][][] pos;
    private final double[][][] neg;
    private final int t;
    private final int r;
    private final int m;
    private final int n;
    /** [modality][reader][positive]: sum over read negatives of s, 0 when unread. */
    private final double[][][] rowSum;
    /** [modality][reader][negative]: sum over read positives of s, 0 when unread. */
    private final double[][][] columnSum;
    private final int[][] readPositives;
    private final int[][] readNegatives;
    /** [modality][reader]: {min, max} of the read ratings when all are whole numbers, else null. */
    private final int[][][] wholeRange;
    private final long[][] twiceSummedKernel;
    private final int[][] readersOfPair;
    /** [a][b]: sums 1-4 of every reader ({@link #sameReader}), computed once per modality pair. */
    private final double[][][][][] sameReaderSums;
    /** [a][b]: sums 5-8 ({@link #allReaderPairs}), computed once per modality pair. */
    private final double[][][][] allPairSums;
    /** [modality][positive]: sum over readers of rowSum, and of the negatives each reader of it read. */
    private double[][] readerSummedRows;
    private double[][] readerSummedRowPairs;
    /** [modality][negative]: the same over columns. */
    private double[][] readerSummedColumns;
    private double[][] readerSummedColumnPairs;

    private UStatistics(MrmcData data) {
        t = data.modalities().size();
        r = data.readers().size();
        boolean[] truth = data.truth();
        int[] posIdx = IntStream.range(0, truth.length).filter(k -> truth[k]).toArray();
        int[] negIdx = IntStream.range(0, truth.length).filter(k -> !truth[k]).toArray();
        m = posIdx.length;
        n = negIdx.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("U-statistics of the AUC need positive and negative cases");
        }
        pos = new double[t][r][m];
        neg = new double[t][r][n];
        rowSum = new double[t][r][m];
        columnSum = new double[t][r][n];
        readPositives = new int[t][r];
        readNegatives = new int[t][r];
        wholeRange = new int[t][r][];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                double[] row = data.ratingRow(i, j);
                for (int a = 0; a < m; a++) {
                    pos[i][j][a] = row[posIdx[a]];
                    readPositives[i][j] += Double.isNaN(pos[i][j][a]) ? 0 : 1;
                }
                for (int b = 0; b < n; b++) {
                    neg[i][j][b] = row[negIdx[b]];
                    readNegatives[i][j] += Double.isNaN(neg[i][j][b]) ? 0 : 1;
                }
                wholeRange[i][j] = SuccessSums.wholeRange(row);
                SuccessSums.marginal(pos[i][j], neg[i][j], rowSum[i][j], columnSum[i][j],
                        SuccessSums.small(wholeRange[i][j]));
            }
        }
        twiceSummedKernel = new long[t][];
        readersOfPair = new int[t][];
        sameReaderSums = new double[t][t][][][];
        allPairSums = new double[t][t][][];
    }

    static UStatistics of(MrmcData data) {
        return new UStatistics(data);
    }

    int positives() {
        return m;
    }

    int negatives() {
        return n;
    }

    int readPositives(int i, int j) {
        return readPositives[i][j];
    }

    int readNegatives(int i, int j) {
        return readNegatives[i][j];
    }

    /** Reader j's AUC in modality i over the pairs it read (NaN without a pair). */
    double auc(int i, int j) {
        return successes(i, j) / ((double) readPositives[i][j] * readNegatives[i][j]);
    }

    /** Sum of s over the positive-negative pairs reader j read in modality i (a multiple of 1/2, exact). */
    double successes(int i, int j) {
        double total = 0;
        for (double x : rowSum[i][j]) {
            total += x;
        }
        return total;
    }

    /** Whether every reader read every case in every modality. */
    boolean fullyCrossed() {
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                if (readPositives[i][j] != m || readNegatives[i][j] != n) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sums 1-4 of reader j in modalities a and b: {numerators[4], denominators[4]} (shared, not to be modified). The
     * OR covariances, the BDG moments and the per-reader variances all ask for them: computed once per pair.
     */
    double[][] sameReader(int j, int a, int b) {
        return sameReaderAll(a, b)[j];
    }

    private synchronized double[][][] sameReaderAll(int a, int b) {
        if (sameReaderSums[a][b] == null) {
            double[][][] all = new double[r][][];
            for (int j = 0; j < r; j++) {
                all[j] = computeSameReader(j, a, b);
            }
            sameReaderSums[a][b] = all;
        }
        return sameReaderSums[a][b];
    }

    private double[][] computeSameReader(int j, int a, int b) {
        double[] pa = pos[a][j];
        double[] pb = pos[b][j];
        double[] na = neg[a][j];
        double[] nb = neg[b][j];
        double n1;
        double n2 = 0;
        double n3 = 0;
        double d1;
        int bothPos = 0;
        int bothNeg = 0;
        for (int p = 0; p < m; p++) {
            if (!Double.isNaN(pa[p]) && !Double.isNaN(pb[p])) {
                bothPos++;
                n2 += rowSum[a][j][p] * rowSum[b][j][p];
            }
        }
        for (int q = 0; q < n; q++) {
            if (!Double.isNaN(na[q]) && !Double.isNaN(nb[q])) {
                bothNeg++;
                n3 += columnSum[a][j][q] * columnSum[b][j][q];
            }
        }
        n1 = SuccessSums.joint(pa, na, pb, nb, SuccessSums.small(wholeRange[a][j]),
                SuccessSums.small(wholeRange[b][j]));
        d1 = (double) bothPos * bothNeg;
        double ta = 0;
        double tb = 0;
        for (int p = 0; p < m; p++) {
            ta += rowSum[a][j][p];
            tb += rowSum[b][j][p];
        }
        double d2 = (double) bothPos * readNegatives[a][j] * readNegatives[b][j];
        double d3 = (double) bothNeg * readPositives[a][j] * readPositives[b][j];
        double d4 = (double) readPositives[a][j] * readNegatives[a][j] * readPositives[b][j] * readNegatives[b][j];
        return new double[][] {{n1, n2, n3, ta * tb}, {d1, d2, d3, d4}};
    }

    /**
     * Sums 5-8 over every ordered pair of readers (same reader included) in modalities a and b (shared, not to be
     * modified); computed once per pair.
     */
    synchronized double[][] allReaderPairs(int a, int b) {
        if (allPairSums[a][b] == null) {
            allPairSums[a][b] = computeAllReaderPairs(a, b);
        }
        return allPairSums[a][b];
    }

    private double[][] computeAllReaderPairs(int a, int b) {
        long[] sa = summedKernel(a);
        long[] sb = summedKernel(b);
        int[] da = readersOfPair[a];
        int[] db = readersOfPair[b];
        long n5 = 0;
        long d5 = 0;
        for (int x = 0; x < sa.length; x++) {
            n5 += sa[x] * sb[x];
            d5 += (long) da[x] * db[x];
        }
        readerSums();
        // the reader sums are whole numbers or halves far below 2^52: exact, so these equal the sums taken reader by
        // reader inside the case loop
        double n6 = 0;
        double d6 = 0;
        for (int p = 0; p < m; p++) {
            n6 += readerSummedRows[a][p] * readerSummedRows[b][p];
            d6 += readerSummedRowPairs[a][p] * readerSummedRowPairs[b][p];
        }
        double n7 = 0;
        double d7 = 0;
        for (int q = 0; q < n; q++) {
            n7 += readerSummedColumns[a][q] * readerSummedColumns[b][q];
            d7 += readerSummedColumnPairs[a][q] * readerSummedColumnPairs[b][q];
        }
        double ta = 0;
        double tb = 0;
        double pa = 0;
        double pb = 0;
        for (int j = 0; j < r; j++) {
            for (int p = 0; p < m; p++) {
                ta += rowSum[a][j][p];
                tb += rowSum[b][j][p];
            }
            pa += (double) readPositives[a][j] * readNegatives[a][j];
            pb += (double) readPositives[b][j] * readNegatives[b][j];
        }
        return new double[][] {{n5 / 4.0, n6, n7, ta * tb}, {d5, d6, d7, pa * pb}};
    }

    /** Per case, the sums over readers that sums 6 and 7 need; once per instance. */
    private void readerSums() {
        if (readerSummedRows != null) {
            return;
        }
        double[][] rows = new double[t][m];
        double[][] rowPairs = new double[t][m];
        double[][] columns = new double[t][n];
        double[][] columnPairs = new double[t][n];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                double[] rs = rowSum[i][j];
                double[] pp = pos[i][j];
                double negativesRead = readNegatives[i][j];
                for (int p = 0; p < m; p++) {
                    rows[i][p] += rs[p];
                    rowPairs[i][p] += Double.isNaN(pp[p]) ? 0 : negativesRead;
                }
                double[] cs = columnSum[i][j];
                double[] nn = neg[i][j];
                double positivesRead = readPositives[i][j];
                for (int q = 0; q < n; q++) {
                    columns[i][q] += cs[q];
                    columnPairs[i][q] += Double.isNaN(nn[q]) ? 0 : positivesRead;
                }
            }
        }
        readerSummedRows = rows;
        readerSummedRowPairs = rowPairs;
        readerSummedColumns = columns;
        readerSummedColumnPairs = columnPairs;
    }

    /** The union of the whole-number ranges of every reader in modality i, if small, else null. */
    private int[] modalityRange(int i) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int[] range : wholeRange[i]) {
            if (range == null) {
                return null;
            }
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return SuccessSums.small(new int[] {min, max});
    }

    /**
     * 2 x sum over readers of s(p, q) for every positive-negative pair of modality i (row-major, positives first), and
     * the number of readers who read both cases; computed once per modality.
     */
    private synchronized long[] summedKernel(int i) {
        if (twiceSummedKernel[i] != null) {
            return twiceSummedKernel[i];
        }
        long[] kernel = new long[m * n];
        int[] readers = new int[m * n];
        int[] range = modalityRange(i);
        if (range != null) {
            ReaderBitSets.twiceSummedKernel(pos[i], neg[i], range[0], range[1] - range[0] + 1, kernel, readers);
        } else {
            for (int j = 0; j < r; j++) {
                double[] pp = pos[i][j];
                double[] nn = neg[i][j];
                for (int p = 0; p < m; p++) {
                    if (Double.isNaN(pp[p])) {
                        continue;
                    }
                    int base = p * n;
                    for (int q = 0; q < n; q++) {
                        if (!Double.isNaN(nn[q])) {
                            kernel[base + q] += SuccessSums.twice(pp[p], nn[q]);
                            readers[base + q]++;
                        }
                    }
                }
            }
        }
        twiceSummedKernel[i] = kernel;
        readersOfPair[i] = readers;
        return kernel;
    }
}
