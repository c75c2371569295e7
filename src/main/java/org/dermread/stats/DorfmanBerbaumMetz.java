package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The Dorfman-Berbaum-Metz method (Dorfman, Berbaum &amp; Metz 1992, Invest Radiol 27:723-731): jackknife
 * pseudovalues of each reader-modality's figure of merit, normalised (Hillis 2005, Acad Radiol 12:1534), analysed as a
 * treatment x reader x case ANOVA; random readers and cases with the denominator degrees of freedom of Hillis (2007,
 * Stat Med 26:596), fixed readers and fixed cases as in Hillis, Berbaum &amp; Metz (2008, Acad Radiol 15:647) and
 * OR-DBM MRMC / JAFROC. Needs a fully crossed design.
 */
public final class DorfmanBerbaumMetz {

    private DorfmanBerbaumMetz() {
    }

    /**
     * @throws IllegalArgumentException with fewer than 2 modalities, an undefined figure of merit, or a reader who did
     *                                  not read every case the figure is computed from
     */
    public static DbmResult analyze(MrmcData data, FigureOfMerit fom, double confidenceLevel) {
        return analyze(ReaderFomTable.of(data, fom), data, fom, confidenceLevel);
    }

    static DbmResult analyze(ReaderFomTable table, MrmcData data, FigureOfMerit fom, double level) {
        double[][][] y = table.pseudovalues();
        double[][] theta = table.theta();
        int t = y.length;
        int r = y[0].length;
        int c = y[0][0].length;
        List<String> modalities = data.modalities();
        List<String> readers = data.readers();
        double[] mi = new double[t];
        double[] mj = new double[r];
        double[] mk = new double[c];
        double[][] mij = new double[t][r];
        double[][] mik = new double[t][c];
        double[][] mjk = new double[r][c];
        double grand = 0;
        // sums first, then means
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                double[] row = y[i][j];
                double[] ik = mik[i];
                double[] jk = mjk[j];
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    double v = row[k];
                    sum += v;
                    mk[k] += v;
                    ik[k] += v;
                    jk[k] += v;
                }
                mij[i][j] = sum;
                mi[i] += sum;
                mj[j] += sum;
                grand += sum;
            }
        }
        grand /= (double) t * r * c;
        for (int i = 0; i < t; i++) {
            mi[i] /= (double) r * c;
            for (int j = 0; j < r; j++) {
                mij[i][j] /= c;
            }
            for (int k = 0; k < c; k++) {
                mik[i][k] /= r;
            }
        }
        for (int j = 0; j < r; j++) {
            mj[j] /= (double) t * c;
            for (int k = 0; k < c; k++) {
                mjk[j][k] /= t;
            }
        }
        for (int k = 0; k < c; k++) {
            mk[k] /= (double) t * r;
        }
        double ssT = 0;
        double ssR = 0;
        double ssC = 0;
        double ssTR = 0;
        double ssTC = 0;
        double ssRC = 0;
        double ssTRC = 0;
        for (int i = 0; i < t; i++) {
            ssT += (double) r * c * square(mi[i] - grand);
        }
        for (int j = 0; j < r; j++) {
            ssR += (double) t * c * square(mj[j] - grand);
        }
        for (int k = 0; k < c; k++) {
            ssC += (double) t * r * square(mk[k] - grand);
        }
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                ssTR += c * square(mij[i][j] - mi[i] - mj[j] + grand);
            }
            for (int k = 0; k < c; k++) {
                ssTC += r * square(mik[i][k] - mi[i] - mk[k] + grand);
            }
        }
        for (int j = 0; j < r; j++) {
            for (int k = 0; k < c; k++) {
                ssRC += t * square(mjk[j][k] - mj[j] - mk[k] + grand);
            }
        }
        // One pass over the pseudovalues for the three-way residuals and the per-modality and per-reader ones; each
        // sum is taken in the order its own loop took it (modality, reader, case), so the sums are unchanged.
        double[] modalityRc = new double[t];
        double[] readerTc = new double[r];
        double rcDivisor = (r - 1.0) * (c - 1);
        double tcDivisor = (t - 1.0) * (c - 1);
        for (int i = 0; i < t; i++) {
            double[] ik = mik[i];
            for (int j = 0; j < r; j++) {
                double[] row = y[i][j];
                double[] jk = mjk[j];
                double cellMean = mij[i][j];
                double rc = modalityRc[i];
                double tc = readerTc[j];
                for (int k = 0; k < c; k++) {
                    double v = row[k];
                    ssTRC += square(v - cellMean - ik[k] - jk[k] + mi[i] + mj[j] + mk[k] - grand);
                    rc += square(v - cellMean - ik[k] + mi[i]) / rcDivisor;
                    tc += square(v - cellMean - jk[k] + mj[j]) / tcDivisor;
                }
                modalityRc[i] = rc;
                readerTc[j] = tc;
            }
        }
        DbmResult.Anova anova = new DbmResult.Anova(source(ssT, t - 1), source(ssR, r - 1), source(ssC, c - 1),
                source(ssTR, (t - 1.0) * (r - 1)), source(ssTC, (t - 1.0) * (c - 1)), source(ssRC, (r - 1.0) * (c - 1)),
                source(ssTRC, (t - 1.0) * (r - 1) * (c - 1)));
        List<DbmResult.ModalityAnova> perModality = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            double msR = 0;
            double msC = 0;
            double msRC = 0;
            for (int j = 0; j < r; j++) {
                msR += c * square(mij[i][j] - mi[i]) / (r - 1);
            }
            for (int k = 0; k < c; k++) {
                msC += r * square(mik[i][k] - mi[i]) / (c - 1);
            }
            msRC += modalityRc[i];
            perModality.add(new DbmResult.ModalityAnova(modalities.get(i), msR, msC, msRC));
        }
        List<DbmResult.ReaderAnova> perReader = new ArrayList<>();
        for (int j = 0; j < r; j++) {
            double msT = 0;
            double msC = 0;
            double msTC = 0;
            for (int i = 0; i < t; i++) {
                msT += c * square(mij[i][j] - mj[j]) / (t - 1);
            }
            for (int k = 0; k < c; k++) {
                msC += t * square(mjk[j][k] - mj[j]) / (c - 1);
            }
            msTC += readerTc[j];
            perReader.add(new DbmResult.ReaderAnova(readers.get(j), msT, msC, msTC));
        }
        double msTRC = anova.treatmentReaderCase().meanSquare();
        double msTR = anova.treatmentReader().meanSquare();
        double msTC = anova.treatmentCase().meanSquare();
        double msRC = anova.readerCase().meanSquare();
        DbmResult.VarianceComponents components = new DbmResult.VarianceComponents(
                (anova.reader().meanSquare() - msTR - msRC + msTRC) / (t * c),
                (anova.cases().meanSquare() - msTC - msRC + msTRC) / (t * r),
                (msTR - msTRC) / c, (msTC - msTRC) / r, (msRC - msTRC) / t, msTRC);
        return new DbmResult(fom, modalities, readers, c, copy(theta), mi.clone(), anova, perModality, perReader,
                components, DbmTests.randomReadersRandomCases(modalities, anova, perModality, mi, r, c, level),
                DbmTests.fixedReadersRandomCases(modalities, anova, perModality, mi, r, c, level),
                DbmTests.randomReadersFixedCases(modalities, anova, perModality, mi, r, c, level),
                DbmTests.readerDifferences(modalities, readers, perReader, mij, c, level));
    }

    private static DbmResult.Source source(double ss, double df) {
        return new DbmResult.Source(ss, df, df > 0 ? ss / df : Double.NaN);
    }

    private static double square(double x) {
        return x * x;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
