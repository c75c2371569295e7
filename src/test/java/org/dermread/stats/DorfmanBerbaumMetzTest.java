package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The DBM analysis against the published JAFROC 4.2.1 output for the Van Dyke et al. (1993) data (trapezoidal AUC,
 * jackknife pseudovalues), distributed with RJafroc as inst/JAFROC/VanDykeROC.txt (dpc10ster/RJafroc), the DBM
 * variance components of OR-DBM MRMC 2.51 (RJafroc inst/IowaResults/VanDyke.txt), and
 * the identity of Hillis et al. (2005, Stat Med 24:1579): DBM with pseudovalues and OR with jackknife covariances give
 * the same random-readers test.
 */
class DorfmanBerbaumMetzTest {

    /**
     * JAFROC computes its AUCs in lower precision (its reader 2 AUC is 0.85877615, the exact one 0.85877617), so its
     * mean squares agree to about 3e-6 relative.
     */
    private static void close(double actual, double published) {
        assertThat(actual).isCloseTo(published, within(5e-6 * Math.abs(published)));
    }

    @Test
    void mean_squares_variance_components_and_all_three_tests_reproduce_the_published_jafroc_output()
            throws Exception {
        DbmResult dbm = DorfmanBerbaumMetz.analyze(VanDyke.load(), FigureOfMerit.AUC, 0.95);
        assertThat(dbm.cases()).isEqualTo(114);
        DbmResult.Anova a = dbm.anova();
        close(a.treatment().meanSquare(), 0.54676316);
        close(a.reader().meanSquare(), 0.43732679);
        close(a.cases().meanSquare(), 0.39686891);
        close(a.treatmentReader().meanSquare(), 0.06281753);
        close(a.treatmentCase().meanSquare(), 0.09984813);
        close(a.readerCase().meanSquare(), 0.06450099);
        close(a.treatmentReaderCase().meanSquare(), 0.03997167);
        close(a.cases().sumOfSquares(), 44.84618708);
        assertThat(a.treatmentReaderCase().df()).isEqualTo(452.0);
        close(dbm.modalityAnova().get(0).msReader(), 0.35141971);
        close(dbm.modalityAnova().get(1).msCase(), 0.16042320);
        close(dbm.modalityAnova().get(0).msReaderCase(), 0.06043604);
        close(dbm.readerAnova().get(4).msTreatmentCase(), 0.1106406);
        // the variance components as OR-DBM MRMC 2.51 prints them from exact AUCs
        // (RJafroc inst/IowaResults/VanDyke.txt)
        DbmResult.VarianceComponents v = dbm.components();
        assertThat(v.reader()).isCloseTo(0.00153500, within(5e-9));
        assertThat(v.cases()).isCloseTo(0.02724923, within(5e-9));
        assertThat(v.treatmentReader()).isCloseTo(0.00020040, within(5e-9));
        assertThat(v.treatmentCase()).isCloseTo(0.01197530, within(5e-9));
        assertThat(v.readerCase()).isCloseTo(0.01226473, within(5e-9));
        assertThat(v.treatmentReaderCaseAndError()).isCloseTo(0.03997160, within(5e-9));

        OrResult.OrTest rrrc = dbm.randomReadersRandomCases();
        assertThat(rrrc.statistic()).isCloseTo(4.46, within(0.005));
        assertThat(rrrc.df2()).isCloseTo(15.26, within(0.005));
        assertThat(rrrc.p()).isCloseTo(0.0517, within(0.00005));
        close(rrrc.errorTerm(), 0.12269399);
        assertThat(rrrc.differences().get(0).standardError()).isCloseTo(0.02075, within(0.000005));
        assertThat(rrrc.differences().get(0).lower()).isCloseTo(-0.08796, within(0.000005));
        assertThat(rrrc.singleModality().get(0).standardError()).isCloseTo(0.03317359, within(2e-8));
        assertThat(rrrc.singleModality().get(1).df()).isCloseTo(12.71, within(0.005));
        assertThat(rrrc.singleModality().get(1).upper()).isCloseTo(0.98753684, within(1e-7));

        OrResult.OrTest frrc = dbm.fixedReadersRandomCases();
        assertThat(frrc.statistic()).isCloseTo(5.48, within(0.005));
        assertThat(frrc.df2()).isEqualTo(113.0);
        assertThat(frrc.p()).isCloseTo(0.0210, within(0.00005));
        assertThat(frrc.differences().get(0).lower()).isCloseTo(-0.08088, within(0.000005));
        assertThat(frrc.differences().get(0).upper()).isCloseTo(-0.00672, within(0.000005));
        assertThat(frrc.singleModality().get(0).lower()).isCloseTo(0.84891477, within(1e-7));
        DbmResult.ReaderDifference fifth = dbm.readerDifferences().get(4);
        assertThat(fifth.difference().estimate()).isCloseTo(-0.10016, within(0.000005));
        assertThat(fifth.difference().standardError()).isCloseTo(0.04406, within(0.000005));
        assertThat(fifth.difference().p()).isCloseTo(0.0249, within(0.00005));
        assertThat(dbm.readerDifferences().get(0).difference().p()).isCloseTo(0.2717, within(0.00005));

        OrResult.OrTest rrfc = dbm.randomReadersFixedCases();
        assertThat(rrfc.statistic()).isCloseTo(8.70, within(0.005));
        assertThat(rrfc.p()).isCloseTo(0.0420, within(0.00005));
        assertThat(rrfc.singleModality().get(1).lower()).isCloseTo(0.89598934, within(1e-7));
    }

    @Test
    void the_random_readers_test_equals_or_with_jackknife_covariances_for_proportions_too() throws Exception {
        MrmcData vd = VanDyke.load();
        double[][][] ratings = vd.ratings();
        for (double[][] modality : ratings) {
            for (double[] reader : modality) {
                for (int c = 0; c < reader.length; c++) {
                    reader[c] = reader[c] >= 3 ? 1 : 0;
                }
            }
        }
        MrmcData binary = new MrmcData(vd.modalities(), vd.readers(), vd.caseIds(), vd.truth(), ratings);
        for (FigureOfMerit fom : new FigureOfMerit[] {FigureOfMerit.SENSITIVITY, FigureOfMerit.SPECIFICITY,
                FigureOfMerit.PROPORTION}) {
            OrResult or = ObuchowskiRockette.analyze(binary, fom, CovarianceMethod.JACKKNIFE, 0.95);
            DbmResult dbm = DorfmanBerbaumMetz.analyze(binary, fom, 0.95);
            assertThat(dbm.randomReadersRandomCases().statistic())
                    .isCloseTo(or.randomReadersRandomCases().statistic(), within(1e-9));
            assertThat(dbm.randomReadersRandomCases().df2()).isCloseTo(or.randomReadersRandomCases().df2(),
                    within(1e-7));
            assertThat(dbm.randomReadersRandomCases().differences().get(0).lower())
                    .isCloseTo(or.randomReadersRandomCases().differences().get(0).lower(), within(1e-10));
        }
    }
}
