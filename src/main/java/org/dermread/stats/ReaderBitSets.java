package org.dermread.stats;

import java.util.Arrays;

/**
 * The reader-summed success kernel of small whole-number ratings (ordinal scales) by bit sets of readers: for a
 * positive case p, E_l(p) is the set of readers who rated it l; for a negative case q, B_l(q) the readers who rated
 * it below l and A_l(q) those who rated it at most l. Then 2 sum_j s_j(p, q) = sum_l |E_l(p) & B_l(q)| +
 * |E_l(p) & A_l(q)|: a few word-wide ANDs and popcounts per level instead of one comparison per reader.
 */
final class ReaderBitSets {

    private ReaderBitSets() {
    }

    /**
     * @param pos     [reader][positive] ratings, NaN when unread
     * @param neg     [reader][negative] ratings, NaN when unread
     * @param min     the smallest rating
     * @param levels  max - min + 1
     * @param kernel  out, [p * n + q]: 2 x the sum over readers of s(p, q)
     * @param readers out, [p * n + q]: how many readers read both p and q
     */
    static void twiceSummedKernel(double[][] pos, double[][] neg, int min, int levels, long[] kernel, int[] readers) {
        int r = pos.length;
        int m = pos[0].length;
        int n = neg[0].length;
        int words = (r + 63) >>> 6;
        int stride = levels * words;
        long[] below = new long[n * stride];
        long[] atMost = new long[n * stride];
        long[] readNeg = new long[n * words];
        long[] exactly = new long[stride];
        for (int q = 0; q < n; q++) {
            Arrays.fill(exactly, 0);
            for (int j = 0; j < r; j++) {
                double v = neg[j][q];
                if (!Double.isNaN(v)) {
                    exactly[((int) v - min) * words + (j >>> 6)] |= 1L << j;
                    readNeg[q * words + (j >>> 6)] |= 1L << j;
                }
            }
            int base = q * stride;
            for (int l = 0; l < levels; l++) {
                for (int w = 0; w < words; w++) {
                    long before = l == 0 ? 0 : atMost[base + (l - 1) * words + w];
                    below[base + l * words + w] = before;
                    atMost[base + l * words + w] = before | exactly[l * words + w];
                }
            }
        }
        long[] ownLevels = new long[stride];
        int[] present = new int[levels];
        long[] readPos = new long[words];
        for (int p = 0; p < m; p++) {
            Arrays.fill(ownLevels, 0);
            Arrays.fill(readPos, 0);
            for (int j = 0; j < r; j++) {
                double v = pos[j][p];
                if (!Double.isNaN(v)) {
                    ownLevels[((int) v - min) * words + (j >>> 6)] |= 1L << j;
                    readPos[j >>> 6] |= 1L << j;
                }
            }
            int used = 0;
            for (int l = 0; l < levels; l++) {
                for (int w = 0; w < words; w++) {
                    if (ownLevels[l * words + w] != 0) {
                        present[used++] = l;
                        break;
                    }
                }
            }
            for (int q = 0; q < n; q++) {
                int base = q * stride;
                long sum = 0;
                for (int u = 0; u < used; u++) {
                    int offset = present[u] * words;
                    for (int w = 0; w < words; w++) {
                        long e = ownLevels[offset + w];
                        sum += Long.bitCount(e & below[base + offset + w])
                                + Long.bitCount(e & atMost[base + offset + w]);
                    }
                }
                int both = 0;
                for (int w = 0; w < words; w++) {
                    both += Long.bitCount(readPos[w] & readNeg[q * words + w]);
                }
                kernel[p * n + q] = sum;
                readers[p * n + q] = both;
            }
        }
    }
}
