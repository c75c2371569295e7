package org.dermread.stats;

import java.util.Arrays;

/**
 * The treatment x reader ANOVA of reader figures of merit theta[modality][reader] (Obuchowski &amp; Rockette 1995;
 * Hillis 2007, Stat Med 26:596, section 2): modality and reader means, MS(T) = r/(t-1) sum_i (theta_i. - theta_..)^2,
 * MS(R) = t/(r-1) sum_j (theta_.j - theta_..)^2, MS(T*R) = sum_ij (theta_ij - theta_i. - theta_.j + theta_..)^2 /
 * ((t-1)(r-1)) and per modality MS(R)_i = sum_j (theta_ij - theta_i.)^2/(r-1). The reader mean squares are NaN with
 * one reader.
 */
record TreatmentReaderAnova(double[] modalityMean, double[] readerMean, double grandMean, double msTreatment,
                            double msReader, double msTreatmentReader, double[] modalityMsReader) {

    static TreatmentReaderAnova of(double[][] theta) {
        int t = theta.length;
        int r = theta[0].length;
        double[] modalityMean = new double[t];
        double[] readerMean = new double[r];
        double grand = 0;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                modalityMean[i] += theta[i][j] / r;
                readerMean[j] += theta[i][j] / t;
                grand += theta[i][j] / (t * r);
            }
        }
        double msT = 0;
        for (int i = 0; i < t; i++) {
            msT += (modalityMean[i] - grand) * (modalityMean[i] - grand);
        }
        msT *= (double) r / (t - 1);
        double msR = Double.NaN;
        double msTR = Double.NaN;
        double[] modalityMsReader = new double[t];
        if (r > 1) {
            msR = 0;
            for (int j = 0; j < r; j++) {
                msR += (readerMean[j] - grand) * (readerMean[j] - grand);
            }
            msR *= (double) t / (r - 1);
            msTR = 0;
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    double e = theta[i][j] - modalityMean[i] - readerMean[j] + grand;
                    msTR += e * e;
                    modalityMsReader[i] += (theta[i][j] - modalityMean[i]) * (theta[i][j] - modalityMean[i]) / (r - 1);
                }
            }
            msTR /= (double) (t - 1) * (r - 1);
        } else {
            Arrays.fill(modalityMsReader, Double.NaN);
        }
        return new TreatmentReaderAnova(modalityMean, readerMean, grand, msT, msR, msTR, modalityMsReader);
    }
}
