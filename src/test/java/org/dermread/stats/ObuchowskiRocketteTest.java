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
}
