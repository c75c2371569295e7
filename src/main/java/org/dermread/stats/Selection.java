package org.dermread.stats;

/** Linear-time order statistics (Hoare 1961, "Algorithm 65: FIND", CACM 4:321). */
final class Selection {

    private Selection() {
    }

    /** Median of the first n values (mean of the two middle ones for even n); reorders the buffer. */
    static double median(double[] a, int n) {
        int mid = n / 2;
        double upper = select(a, n, mid);
        if (n % 2 == 1) {
            return upper;
        }
        // After selection everything left of mid is <= a[mid]; the lower middle is their maximum.
        double lower = a[0];
        for (int i = 1; i < mid; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest (0-based) of the first n values; partially reorders the buffer. */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
