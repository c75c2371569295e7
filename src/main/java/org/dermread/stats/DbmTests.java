package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The three DBM analyses from the pseudovalue mean squares (Hillis, Berbaum &amp; Metz 2008, Acad Radiol 15:647,
 * table 2; printed so by OR-DBM MRMC 2.51 and JAFROC 4.2): mean squares of pseudovalues are c times those of the
 * figures of merit, so every standard error divides by r c.
 */
final class DbmTests {

    private DbmTests() {
    }

    /**
     * F = MS(T)/[MS(TR) + max(MS(TC) - MS(TRC), 0)], ddf_H = [...]^2/[MS(TR)^2/((t-1)(r-1))] (Hillis 2007);
     * differences with SE sqrt(2/(r c) [...]); single modality from its reader x case ANOVA, SE sqrt([MS(R)_i +
     * max(MS(C)_i - MS(RC)_i, 0)]/(r c)), df [...]^2/[MS(R)_i^2/(r-1)].
     */
    static OrResult.OrTest randomReadersRandomCases(List<String> modalities, DbmResult.Anova anova,
                                                    List<DbmResult.ModalityAnova> perModality, double[] mean, int r,
                                                    int c, double level) {
        int t = modalities.size();
        if (r < 2) {
            return OrTests.notEstimable("F");
        }
        double msTR = anova.treatmentReader().meanSquare();
        double denominator = msTR + Math.max(anova.treatmentCase().meanSquare()
                - anova.treatmentReaderCase().meanSquare(), 0);
        double ddf = denominator * denominator / (msTR * msTR / ((t - 1.0) * (r - 1)));
        double f = anova.treatment().meanSquare() / denominator;
        List<OrResult.SingleModality> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            DbmResult.ModalityAnova m = perModality.get(i);
            double term = m.msReader() + Math.max(m.msCase() - m.msReaderCase(), 0);
            double df = term * term / (m.msReader() * m.msReader() / (r - 1));
            single.add(OrTests.tSingle(modalities.get(i), mean[i], Math.sqrt(term / ((double) r * c)), df, level));
        }
        return test(modalities, mean, f, t - 1, ddf, denominator, Math.sqrt(2 * denominator / ((double) r * c)),
                single, level);
    }

    /** F = MS(T)/MS(TC) on (t-1, (t-1)(c-1)) df; single modality SE sqrt(MS(C)_i/(r c)) on c - 1 df. */
    static OrResult.OrTest fixedReadersRandomCases(List<String> modalities, DbmResult.Anova anova,
                                                   List<DbmResult.ModalityAnova> perModality, double[] mean, int r,
                                                   int c, double level) {
        int t = modalities.size();
        double msTC = anova.treatmentCase().meanSquare();
        List<OrResult.SingleModality> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            single.add(OrTests.tSingle(modalities.get(i), mean[i],
                    Math.sqrt(perModality.get(i).msCase() / ((double) r * c)), c - 1, level));
        }
        return test(modalities, mean, anova.treatment().meanSquare() / msTC, t - 1, (t - 1.0) * (c - 1), msTC,
                Math.sqrt(2 * msTC / ((double) r * c)), single, level);
    }

    /** F = MS(T)/MS(TR) on (t-1, (t-1)(r-1)) df; single modality SE sqrt(MS(R)_i/(r c)) on r - 1 df. */
    static OrResult.OrTest randomReadersFixedCases(List<String> modalities, DbmResult.Anova anova,
                                                   List<DbmResult.ModalityAnova> perModality, double[] mean, int r,
                                                   int c, double level) {
        int t = modalities.size();
        if (r < 2) {
            return OrTests.notEstimable("F");
        }
        double msTR = anova.treatmentReader().meanSquare();
        List<OrResult.SingleModality> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            single.add(OrTests.tSingle(modalities.get(i), mean[i],
                    Math.sqrt(perModality.get(i).msReader() / ((double) r * c)), r - 1, level));
        }
        return test(modalities, mean, anova.treatment().meanSquare() / msTR, t - 1, (t - 1.0) * (r - 1), msTR,
                Math.sqrt(2 * msTR / ((double) r * c)), single, level);
    }

    /** Each reader's modality differences from its treatment x case ANOVA: SE sqrt(2 MS(TC)_j / c), t on c - 1 df. */
    static List<DbmResult.ReaderDifference> readerDifferences(List<String> modalities, List<String> readers,
                                                              List<DbmResult.ReaderAnova> perReader, double[][] mij,
                                                              int c, double level) {
        List<DbmResult.ReaderDifference> out = new ArrayList<>();
        int t = modalities.size();
        for (int j = 0; j < readers.size(); j++) {
            double se = Math.sqrt(2 * perReader.get(j).msTreatmentCase() / c);
            for (int a = 0; a < t; a++) {
                for (int b = a + 1; b < t; b++) {
                    out.add(new DbmResult.ReaderDifference(readers.get(j), OrTests.tDifference(modalities.get(a),
                            modalities.get(b), mij[a][j] - mij[b][j], se, c - 1, level)));
                }
            }
        }
        return out;
    }

    private static OrResult.OrTest test(List<String> modalities, double[] mean, double f, double df1, double df2,
                                        double errorTerm, double se, List<OrResult.SingleModality> single,
                                        double level) {
        int t = modalities.size();
        List<OrResult.Difference> differences = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                differences.add(OrTests.tDifference(modalities.get(a), modalities.get(b), mean[a] - mean[b], se, df2,
                        level));
            }
        }
        return new OrResult.OrTest(f, "F", df1, df2, OrTests.fUpper(f, df1, df2), errorTerm, differences, single,
                List.of());
    }
}
