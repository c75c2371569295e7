package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks the OR-Hillis analysis against the published OR-DBM MRMC 2.51 output for the Van Dyke data
 * (trapezoidal AUC, jackknife covariances), as distributed with RJafroc (inst/IowaResults/VanDyke.txt).
 */
class ObuchowskiRocketteTest {

    @Test
    void jackknife_analysis_reproduces_the_published_van_dyke_output() throws Exception {
        OrResult or = ObuchowskiRockette.analyze(VanDyke.load(), FigureOfMerit.AUC, CovarianceMethod.JACKKNIFE,
                0.95);
        double[][] published = {
                {0.91964573, 0.85877617, 0.90386473, 0.97310789, 0.82979066},
                {0.94782609, 0.90531401, 0.92173913, 0.99935588, 0.92995169}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(or.readerFom()[i][j]).isCloseTo(published[i][j], within(1e-8));
            }
        }
        assertThat(or.modalityFom()[0]).isCloseTo(0.89703704, within(1e-8));
        assertThat(or.modalityFom()[1]).isCloseTo(0.94083736, within(1e-8));
        OrResult.Components k = or.components();
        assertThat(k.msTreatment()).isCloseTo(0.00479617, within(1e-8));
        assertThat(k.msReader()).isCloseTo(0.00383620, within(1e-8));
        assertThat(k.msTreatmentReader()).isCloseTo(0.00055103, within(1e-8));
        assertThat(k.errorVariance()).isCloseTo(0.00080229, within(1e-8));
        assertThat(k.cov1()).isCloseTo(0.00034661, within(1e-8));
        assertThat(k.cov2()).isCloseTo(0.00034407, within(1e-8));
        assertThat(k.cov3()).isCloseTo(0.00023903, within(1e-8));
        assertThat(k.varReader()).isCloseTo(0.00153500, within(1e-8));
        assertThat(k.varTreatmentReader()).isCloseTo(0.00020040, within(1e-8));

        OrResult.OrTest rrrc = or.randomReadersRandomCases();
        assertThat(rrrc.statistic()).isCloseTo(4.46, within(0.005));
        assertThat(rrrc.df2()).isCloseTo(15.26, within(0.005));
        assertThat(rrrc.p()).isCloseTo(0.0517, within(0.00005));
        assertThat(rrrc.errorTerm()).isCloseTo(0.00107626, within(1e-8));
        OrResult.Difference d = rrrc.differences().get(0);
        assertThat(d.estimate()).isCloseTo(-0.04380032, within(1e-8));
        assertThat(d.standardError()).isCloseTo(0.02075, within(0.000005));
        assertThat(d.lower()).isCloseTo(-0.08796, within(0.000005));
        assertThat(d.upper()).isCloseTo(0.00036, within(0.000005));
        assertThat(rrrc.singleModality().get(0).standardError()).isCloseTo(0.03317360, within(1e-8));
        assertThat(rrrc.singleModality().get(0).df()).isCloseTo(12.74, within(0.005));
        assertThat(rrrc.singleModality().get(0).lower()).isCloseTo(0.82522360, within(1e-7));
        assertThat(rrrc.singleModality().get(1).upper()).isCloseTo(0.98753689, within(1e-7));
        assertThat(k.modalityCov2()[0]).isCloseTo(0.00048396, within(1e-8));
        assertThat(k.modalityCov2()[1]).isCloseTo(0.00020419, within(1e-8));

        OrResult.OrTest frrc = or.fixedReadersRandomCases();
        assertThat(frrc.statistic()).isCloseTo(5.47595, within(0.000005));
        assertThat(frrc.p()).isCloseTo(0.0193, within(0.00005));
        assertThat(frrc.differences().get(0).standardError()).isCloseTo(0.01872, within(0.000005));
        assertThat(frrc.differences().get(0).lower()).isCloseTo(-0.08049, within(0.000005));
        assertThat(frrc.differences().get(0).upper()).isCloseTo(-0.00711, within(0.000005));
        assertThat(frrc.singleModality().get(0).standardError()).isCloseTo(0.02428971, within(1e-8));
        assertThat(frrc.singleModality().get(1).lower()).isCloseTo(0.90795637, within(1e-7));
        assertThat(frrc.perReader().get(4).estimate()).isCloseTo(-0.10016, within(0.000005));
        assertThat(frrc.perReader().get(4).standardError()).isCloseTo(0.04406, within(0.000005));
        assertThat(frrc.perReader().get(4).p()).isCloseTo(0.0230, within(0.00005));
        assertThat(frrc.perReader().get(1).lower()).isCloseTo(-0.09809, within(0.000005));

        OrResult.OrTest rrfc = or.randomReadersFixedCases();
        assertThat(rrfc.statistic()).isCloseTo(8.70, within(0.005));
        assertThat(rrfc.df2()).isEqualTo(4.0);
        assertThat(rrfc.p()).isCloseTo(0.0420, within(0.00005));
        assertThat(rrfc.differences().get(0).standardError()).isCloseTo(0.01485, within(0.000005));
        assertThat(rrfc.differences().get(0).lower()).isCloseTo(-0.08502, within(0.000005));
        assertThat(rrfc.singleModality().get(0).standardError()).isCloseTo(0.02482994, within(1e-8));
        assertThat(rrfc.singleModality().get(1).lower()).isCloseTo(0.89598936, within(1e-7));
    }

    @Test
    void delong_covariances_reproduce_the_published_MRMCaov_output_for_van_dyke() throws Exception {
        OrResult or = ObuchowskiRockette.analyze(VanDyke.load(), FigureOfMerit.AUC, CovarianceMethod.DELONG, 0.95);
        OrResult.Components k = or.components();
        assertThat(k.errorVariance()).isCloseTo(0.0007921325, within(1e-10));
        assertThat(k.cov1()).isCloseTo(0.0003420090, within(1e-10));
        assertThat(k.cov2()).isCloseTo(0.0003395265, within(1e-10));
        assertThat(k.cov3()).isCloseTo(0.0002358497, within(1e-10));
        assertThat(k.varReader()).isCloseTo(0.0015364254, within(1e-10));
        assertThat(k.varTreatmentReader()).isCloseTo(0.0002045840, within(1e-10));
        OrResult.OrTest rrrc = or.randomReadersRandomCases();
        assertThat(rrrc.errorTerm()).isCloseTo(0.001069415, within(1e-9));
        assertThat(rrrc.statistic()).isCloseTo(4.484854, within(1e-6));
        assertThat(rrrc.df2()).isCloseTo(15.06611, within(1e-5));
        assertThat(rrrc.p()).isCloseTo(0.05123303, within(1e-8));
        OrResult.Difference d = rrrc.differences().get(0);
        assertThat(d.standardError()).isCloseTo(0.0206825, within(1e-7));
        assertThat(d.lower()).isCloseTo(-0.0878671960, within(1e-9));
        assertThat(d.upper()).isCloseTo(0.0002665519, within(1e-9));
        assertThat(d.statistic()).isCloseTo(-2.117747, within(1e-6));
        OrResult.SingleModality one = rrrc.singleModality().get(0);
        assertThat(one.standardError()).isCloseTo(0.03307642, within(1e-8));
        assertThat(one.df()).isCloseTo(12.59597, within(1e-5));
        assertThat(one.lower()).isCloseTo(0.8253461, within(1e-7));
        assertThat(rrrc.singleModality().get(1).upper()).isCloseTo(0.9874592, within(1e-7));
    }

    @Test
    void binary_sensitivity_reproduces_the_published_MRMCaov_output_including_the_clipped_interval()
            throws Exception {
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
        OrResult or = ObuchowskiRockette.analyze(binary, FigureOfMerit.SENSITIVITY, CovarianceMethod.JACKKNIFE,
                0.95);
        assertThat(or.readerFom()[0][0]).isCloseTo(40.0 / 45, within(1e-12));
        OrResult.Components k = or.components();
        assertThat(k.errorVariance()).isCloseTo(0.0023681257, within(1e-10));
        assertThat(k.cov1()).isCloseTo(0.0009943883, within(1e-10));
        assertThat(k.cov2()).isCloseTo(0.0010145903, within(1e-10));
        assertThat(k.cov3()).isCloseTo(0.0006604938, within(1e-10));
        OrResult.OrTest rrrc = or.randomReadersRandomCases();
        assertThat(rrrc.statistic()).isCloseTo(6.689493, within(1e-6));
        assertThat(rrrc.df2()).isCloseTo(15.71732, within(1e-5));
        assertThat(rrrc.p()).isCloseTo(0.02008822, within(1e-8));
        assertThat(rrrc.differences().get(0).estimate()).isCloseTo(-0.09777778, within(1e-8));
        assertThat(rrrc.differences().get(0).lower()).isCloseTo(-0.1780371, within(1e-7));
        assertThat(rrrc.differences().get(0).upper()).isCloseTo(-0.0175185, within(1e-7));
        assertThat(rrrc.singleModality().get(0).df()).isCloseTo(14.456811, within(1e-6));
        assertThat(rrrc.singleModality().get(0).lower()).isCloseTo(0.6961876, within(1e-7));
        assertThat(rrrc.singleModality().get(1).standardError()).isCloseTo(0.03741657, within(1e-8));
        assertThat(rrrc.singleModality().get(1).df()).isCloseTo(7.575855, within(1e-6));
        assertThat(rrrc.singleModality().get(1).upper()).isEqualTo(1.0);
    }
}
