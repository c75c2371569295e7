package org.dermread.stats;

/**
 * The reader-summed success kernel of small whole-number ratings (ordinal scales), bit-sliced over readers: each case
 * keeps its readers' ratings (minus the smallest) as bit planes, plane b holding bit b of every reader's rating, 64
 * readers to a word, and a mask of the readers who read it. Comparing a positive case p with a negative case q for 64
 * readers at once is then a bitwise comparison from the highest plane down (gt: readers who rated p above q; eq: equal
 * so far), and 2 sum_j s_j(p, q) = |gt &amp; both| + |(gt | eq) &amp; both|, both being the readers who read p and q:
 * a few word operations per plane instead of one comparison per reader (or one pair of set intersections per rating
 * level). The counts are whole numbers, so the kernel is exact.
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
        int planes = Math.max(1, 32 - Integer.numberOfLeadingZeros(levels - 1));
        // per case: planes 0..planes-1 of the ratings, then the read mask; word w of plane b at (b * words + w)
        int stride = (planes + 1) * words;
        long[] negBits = slices(neg, n, min, planes, words);
        long[] posBits = slices(pos, m, min, planes, words);
        long[] x = new long[stride];
        for (int p = 0; p < m; p++) {
            System.arraycopy(posBits, p * stride, x, 0, stride);
            int readMask = planes * words;
            for (int q = 0; q < n; q++) {
                int base = q * stride;
                long sum = 0;
                int both = 0;
                for (int w = 0; w < words; w++) {
                    long read = x[readMask + w] & negBits[base + readMask + w];
                    long gt = 0;
                    long eq = -1L;
                    for (int b = planes - 1; b >= 0; b--) {
                        long xb = x[b * words + w];
                        long yb = negBits[base + b * words + w];
                        gt |= eq & xb & ~yb;
                        eq &= ~(xb ^ yb);
                    }
                    sum += Long.bitCount(gt & read) + Long.bitCount((gt | eq) & read);
                    both += Long.bitCount(read);
                }
                kernel[p * n + q] = sum;
                readers[p * n + q] = both;
            }
        }
    }

    /** The bit planes and read mask of every case (see the class comment). */
    private static long[] slices(double[][] ratings, int cases, int min, int planes, int words) {
        int stride = (planes + 1) * words;
        long[] bits = new long[cases * stride];
        for (int j = 0; j < ratings.length; j++) {
            double[] row = ratings[j];
            int word = j >>> 6;
            long bit = 1L << j;
            for (int c = 0; c < cases; c++) {
                double v = row[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                int level = (int) v - min;
                int base = c * stride;
                for (int b = 0; b < planes; b++) {
                    // without a branch: the bits of ratings are as good as random
                    bits[base + b * words + word] |= (long) (level >>> b & 1) << j;
                }
                bits[base + planes * words + word] |= bit;
            }
        }
        return bits;
    }
}
