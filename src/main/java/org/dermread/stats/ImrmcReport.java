package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MRMC analysis of an iMRMC-style input: each reader-modality AUC with its DeLong CI, and for every pair of
 * modalities (plus all of them together when there are more than two) the OR-Hillis analysis with DeLong, jackknife
 * and U-statistic covariances, the DBM analysis and iMRMC's U-statistic analysis.
 */
public record ImrmcReport(int schemaVersion, List<String> modalities, List<String> readers, int cases,
                          int positives, int negatives, List<ReaderAuc> readerAuc, List<Comparison> comparisons) {

    public ImrmcReport {
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
        readerAuc = List.copyOf(readerAuc);
        comparisons = List.copyOf(comparisons);
    }

    /** One reader in one modality, over the cases that reader scored. */
    public record ReaderAuc(String modality, String reader, AucEstimate auc) {
    }

    /**
     * OR-Hillis, DBM and iMRMC's U-statistic analysis for a set of modalities.
     *
     * @param excludedReaders readers left out because in one of these modalities they scored fewer than 2 positive
     *                        or 2 negative cases (their AUC would be undefined)
     * @param unbiased        OR with U-statistic covariances (fully crossed designs, else null)
     * @param dbm             Dorfman-Berbaum-Metz (fully crossed designs, else null)
     * @param uStatistics     iMRMC's analysis (any design)
     */
    public record Comparison(List<String> modalities, List<String> excludedReaders, OrResult delong,
                             OrResult jackknife, OrResult unbiased, DbmResult dbm, UStatisticResult uStatistics) {

        /** DeLong and jackknife only. */
        public Comparison(List<String> modalities, List<String> excludedReaders, OrResult delong,
                          OrResult jackknife) {
            this(modalities, excludedReaders, delong, jackknife, null, null, null);
        }
    }

    /** Runs the analysis on empirical AUCs (Obuchowski &amp; Rockette 1995; Hillis 2007). */
    public static ImrmcReport analyze(MrmcData data, double confidenceLevel) {
        int t = data.modalities().size();
        double[][][] ratings = data.ratings();
        boolean[] truth = data.truth();
        List<ReaderAuc> aucs = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < data.readers().size(); j++) {
                List<Double> scores = new ArrayList<>();
                List<Boolean> positive = new ArrayList<>();
                for (int c = 0; c < truth.length; c++) {
                    if (!Double.isNaN(ratings[i][j][c])) {
                        scores.add(ratings[i][j][c]);
                        positive.add(truth[c]);
                    }
                }
                if (scores.isEmpty()) {
                    continue;
                }
                double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
                boolean[] p = new boolean[positive.size()];
                for (int a = 0; a < p.length; a++) {
                    p[a] = positive.get(a);
                }
                aucs.add(new ReaderAuc(data.modalities().get(i), data.readers().get(j),
                        DeLong.estimate(s, p, confidenceLevel)));
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                comparisons.add(compare(data, new int[] {a, b}, confidenceLevel));
            }
        }
        if (t > 2) {
            comparisons.add(compare(data, IntStream.range(0, t).toArray(), confidenceLevel));
        }
        int m = 0;
        for (boolean x : truth) {
            m += x ? 1 : 0;
        }
        return new ImrmcReport(1, data.modalities(), data.readers(), truth.length, m, truth.length - m, aucs,
                comparisons);
    }

    private static Comparison compare(MrmcData data, int[] which, double level) {
        double[][][] all = data.ratings();
        List<String> names = new ArrayList<>();
        double[][][] ratings = new double[which.length][][];
        for (int a = 0; a < which.length; a++) {
            names.add(data.modalities().get(which[a]));
            ratings[a] = all[which[a]];
        }
        boolean[] truth = data.truth();
        List<Integer> keep = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (int j = 0; j < data.readers().size(); j++) {
            boolean enough = true;
            for (double[][] modality : ratings) {
                int m = 0;
                int n = 0;
                for (int c = 0; c < truth.length; c++) {
                    if (!Double.isNaN(modality[j][c])) {
                        m += truth[c] ? 1 : 0;
                        n += truth[c] ? 0 : 1;
                    }
                }
                enough &= m >= 2 && n >= 2;
            }
            if (enough) {
                keep.add(j);
            } else {
                excluded.add(data.readers().get(j));
            }
        }
        if (keep.isEmpty()) {
            return new Comparison(names, excluded, null, null);
        }
        double[][][] kept = new double[which.length][keep.size()][];
        for (int a = 0; a < which.length; a++) {
            for (int r = 0; r < keep.size(); r++) {
                kept[a][r] = ratings[a][keep.get(r)];
            }
        }
        MrmcData subset = new MrmcData(names, keep.stream().map(data.readers()::get).toList(), data.caseIds(),
                data.truth(), kept);
        ReaderFomTable table = ReaderFomTable.of(subset, FigureOfMerit.AUC);
        List<OrResult> both = ObuchowskiRockette.analyze(table, subset, FigureOfMerit.AUC,
                List.of(CovarianceMethod.DELONG, CovarianceMethod.JACKKNIFE), level);
        OrResult unbiased = null;
        DbmResult dbm = null;
        try {
            unbiased = ObuchowskiRockette.analyze(table, subset, FigureOfMerit.AUC,
                    List.of(CovarianceMethod.UNBIASED), level).get(0);
            dbm = DorfmanBerbaumMetz.analyze(table, subset, FigureOfMerit.AUC, level);
        } catch (IllegalArgumentException e) {
            // not fully crossed: DeLong, jackknife and the U-statistics (any design) remain
        }
        return new Comparison(names, excluded, both.get(0), both.get(1), unbiased, dbm,
                UStatisticMrmc.analyze(subset, level));
    }
}
