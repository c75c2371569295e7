package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The U-statistic analysis against the output iMRMC 4.0.3 (FDA DIDSR) published for its own example data set
 * (iMRMC's package test target test_doIMRMC_R2.rda; see src/test/resources/stats/imrmc/extract_published.R).
 */
class UStatisticMrmcTest {

    @Test
    void reader_aucs_and_unbiased_variances_match_the_published_imrmc_output() throws Exception {
        ImrmcExample imrmc = ImrmcExample.published();
        UStatisticResult result = UStatisticMrmc.analyze(ImrmcExample.input(), 0.95);
        assertThat(result.modalities()).containsExactly("testA", "testB");
        assertThat(result.positives()).isEqualTo(40);
        assertThat(result.negatives()).isEqualTo(40);
        assertThat(result.fullyCrossed()).isTrue();
        for (UStatisticResult.ReaderAuc r : result.readerAuc()) {
            String key = "perReader." + r.reader() + "." + r.modality() + ".NO_MOD.";
            imrmc.check(key + "AUCA", r.auc());
            imrmc.check(key + "varAUCA", r.variance());
        }
        for (UStatisticResult.ReaderDifference d : result.readerDifferences()) {
            String key = "perReader." + d.reader() + ".testA.testB.";
            imrmc.check(key + "AUCAminusAUCB", d.estimate());
            imrmc.check(key + "varAUCAminusAUCB", d.variance());
        }
    }

    @Test
    void reader_averaged_aucs_variances_degrees_of_freedom_and_tests_match_the_published_imrmc_output()
            throws Exception {
        ImrmcExample imrmc = ImrmcExample.published();
        UStatisticResult result = UStatisticMrmc.analyze(ImrmcExample.input(), 0.95);
        for (UStatisticResult.ModalityAuc m : result.modalityAuc()) {
            String key = "Ustat." + m.modality() + ".NO_MOD.";
            imrmc.check(key + "AUCA", m.auc());
            imrmc.check(key + "varAUCA", m.variance());
            checkTests(imrmc, key, m.tests());
            imrmc.check("MLEstat." + m.modality() + ".NO_MOD.varAUCA", m.varianceBiased());
        }
        UStatisticResult.AucDifference d = result.differences().get(0);
        assertThat(d.modalityA() + "-" + d.modalityB()).isEqualTo("testA-testB");
        imrmc.check("Ustat.testA.testB.AUCAminusAUCB", d.estimate());
        imrmc.check("Ustat.testA.testB.varAUCAminusAUCB", d.variance());
        imrmc.check("MLEstat.testA.testB.varAUCAminusAUCB", d.varianceBiased());
        checkTests(imrmc, "Ustat.testA.testB.", d.tests());
        double[] published = {imrmc.get("BDG.testA.testB.M1"), imrmc.get("BDG.testA.testB.M5"),
                imrmc.get("BDG.testA.testB.M8")};
        assertThat(new double[] {d.moments().unbiased()[0], d.moments().unbiased()[4], d.moments().unbiased()[7]})
                .containsExactly(published, Assertions.within(2e-6));
        for (int s = 0; s < 8; s++) {
            imrmc.check("BDG.testA.M" + (s + 1), result.modalityAuc().get(0).moments().unbiased()[s]);
            imrmc.check("BDG.testB.M" + (s + 1), result.modalityAuc().get(1).moments().unbiased()[s]);
            imrmc.check("BDG.testA.testB.M" + (s + 1), d.moments().unbiased()[s]);
        }
    }

    @Test
    void or_with_unbiased_covariances_reproduces_the_published_imrmc_or_components() throws Exception {
        ImrmcExample imrmc = ImrmcExample.published();
        OrResult or = ObuchowskiRockette.analyze(ImrmcExample.input(), FigureOfMerit.AUC, CovarianceMethod.UNBIASED,
                0.95);
        assertThat(or.covarianceMethod()).isEqualTo(CovarianceMethod.UNBIASED);
        OrResult.Components k = or.components();
        imrmc.check("OR.testA.testB.ERROR", k.errorVariance());
        imrmc.check("OR.testA.testB.COV1", k.cov1());
        imrmc.check("OR.testA.testB.COV2", k.cov2());
        imrmc.check("OR.testA.testB.COV3", k.cov3());
        imrmc.check("OR.testA.testB.R", k.varReader());
        imrmc.check("OR.testA.testB.TR", k.varTreatmentReader());
        imrmc.check("OR.testA.NO_MOD.COV2", k.modalityCov2()[0]);
        imrmc.check("OR.testB.NO_MOD.ERROR", k.modalityErrorVariance()[1]);
        // the Hillis df of the difference is OR's ddf_H with these covariances
        imrmc.check("Ustat.testA.testB.dfHillis", or.randomReadersRandomCases().df2());
    }

    @Test
    void complete_and_incomplete_designs_with_ordinal_and_continuous_ratings_match_the_equations_written_in_R()
            throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        for (String design : new String[] {"complete", "partial"}) {
            MrmcData data = ImrmcExample.read("/stats/reference/mrmc-" + design + ".imrmc");
            UStatisticResult u = UStatisticMrmc.analyze(data, 0.95);
            String key = design + ".ustat.";
            assertThat(u.fullyCrossed()).isEqualTo(design.equals("complete"));
            expected.check(key + "A.auc", u.modalityAuc().get(0).auc(), 1e-12);
            expected.check(key + "A.var", u.modalityAuc().get(0).variance(), 1e-12);
            expected.check(key + "A.var_biased", u.modalityAuc().get(0).varianceBiased(), 1e-12);
            expected.check(key + "B.auc", u.modalityAuc().get(1).auc(), 1e-12);
            expected.check(key + "B.var", u.modalityAuc().get(1).variance(), 1e-12);
            expected.check(key + "diff.var", u.differences().get(0).variance(), 1e-12);
            expected.check(key + "diff.var_biased", u.differences().get(0).varianceBiased(), 1e-12);
            for (int s = 0; s < 8; s++) {
                expected.check(key + "AB.M" + (s + 1), u.differences().get(0).moments().unbiased()[s], 1e-12);
            }
            for (int j = 1; j <= 6; j++) {
                expected.check(key + "reader" + j + ".A.var", u.readerAuc().get(j - 1).variance(), 1e-12);
                expected.check(key + "reader" + j + ".diff.var", u.readerDifferences().get(j - 1).variance(), 1e-12);
            }
            assertThat(u.modalityAuc().get(0).tests().hillis() == null).isEqualTo(design.equals("partial"));
        }
    }

    @Test
    void or_with_unbiased_covariances_matches_or_hillis_in_R_fed_every_pairwise_u_statistic_covariance()
            throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        OrResult or = ObuchowskiRockette.analyze(ImrmcExample.read("/stats/reference/mrmc-complete.imrmc"),
                FigureOfMerit.AUC, CovarianceMethod.UNBIASED, 0.95);
        String key = "complete.unbiased.";
        OrResult.Components k = or.components();
        expected.check(key + "Var", k.errorVariance(), 1e-12);
        expected.check(key + "Cov1", k.cov1(), 1e-12);
        expected.check(key + "Cov2", k.cov2(), 1e-12);
        expected.check(key + "Cov3", k.cov3(), 1e-12);
        expected.check(key + "rrrc.F", or.randomReadersRandomCases().statistic(), 1e-8);
        expected.check(key + "rrrc.ddf", or.randomReadersRandomCases().df2(), 1e-8);
        expected.check(key + "rrrc.p", or.randomReadersRandomCases().p(), 1e-8);
        expected.check(key + "rrrc.lower", or.randomReadersRandomCases().differences().get(0).lower(), 1e-8);
        expected.check(key + "frrc.X2", or.fixedReadersRandomCases().statistic(), 1e-8);
        expected.check(key + "single1.se", or.randomReadersRandomCases().singleModality().get(0).standardError(),
                1e-10);
        assertThatThrownBy(() -> ObuchowskiRockette.analyze(
                ImrmcExample.read("/stats/reference/mrmc-partial.imrmc"), FigureOfMerit.AUC,
                CovarianceMethod.UNBIASED, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every reader to read every case");
    }

    @Test
    void the_bit_set_and_histogram_paths_for_ordinal_ratings_equal_the_pair_by_pair_sums() {
        SplittableRandom rng = new SplittableRandom(4);
        int cases = 37;
        boolean[] truth = new boolean[cases];
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            truth[c] = c % 3 == 0;
            ids.add("c" + c);
        }
        // one rating level (a single bit plane), a 1-8 scale, and 40 levels (6 planes)
        for (int spread : new int[] {1, 6, 38}) {
            compareOrdinalWithGeneralPaths(rng, cases, truth, ids, spread);
        }
    }

    private static void compareOrdinalWithGeneralPaths(SplittableRandom rng, int cases, boolean[] truth,
                                                       List<String> ids, int spread) {
        double[][][] ordinal = new double[2][70][cases];
        for (double[][] modality : ordinal) {
            for (double[] reader : modality) {
                for (int c = 0; c < cases; c++) {
                    int shift = truth[c] && spread > 1 ? rng.nextInt(3) : 0;
                    reader[c] = rng.nextInt(9) == 0 ? Double.NaN : 1 + rng.nextInt(spread) + shift;
                }
            }
        }
        // the same ratings shifted by a fraction: same ranks, so the same sums, but through the general paths
        double[][][] shifted = new double[2][70][cases];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 70; j++) {
                for (int c = 0; c < cases; c++) {
                    shifted[i][j][c] = ordinal[i][j][c] * 1.5 + 0.25;
                }
            }
        }
        List<String> readers = IntStream.range(0, 70).mapToObj(j -> "r" + j).toList();
        UStatisticResult fast = UStatisticMrmc.analyze(
                new MrmcData(List.of("a", "b"), readers, ids, truth, ordinal), 0.95);
        UStatisticResult slow = UStatisticMrmc.analyze(
                new MrmcData(List.of("a", "b"), readers, ids, truth, shifted), 0.95);
        assertThat(fast.differences().get(0).moments().unbiased())
                .containsExactly(slow.differences().get(0).moments().unbiased());
        assertThat(fast.modalityAuc().get(0).variance()).isEqualTo(slow.modalityAuc().get(0).variance());
        assertThat(fast.readerDifferences()).isEqualTo(slow.readerDifferences());
    }

    @Test
    void one_reader_gives_variances_and_normal_tests_but_no_t_tests_instead_of_failing() throws Exception {
        MrmcData all = ImrmcExample.input();
        double[][][] ratings = all.ratings();
        double[][][] one = {{ratings[0][0]}, {ratings[1][0]}};
        MrmcData single = new MrmcData(all.modalities(), List.of("reader1"), all.caseIds(), all.truth(), one);
        UStatisticResult u = UStatisticMrmc.analyze(single, 0.95);
        assertThat(u.modalityAuc().get(0).variance()).isPositive();
        assertThat(u.modalityAuc().get(0).tests().normal().p()).isBetween(0.0, 1.0);
        assertThat(u.modalityAuc().get(0).tests().bdg().p()).isNaN();
        assertThat(u.readerAuc().get(0).auc()).isEqualTo(u.modalityAuc().get(0).auc());
        DbmResult dbm = DorfmanBerbaumMetz.analyze(single, FigureOfMerit.AUC, 0.95);
        assertThat(dbm.randomReadersRandomCases().p()).isNaN();
        assertThat(dbm.fixedReadersRandomCases().p()).isBetween(0.0, 1.0);
    }

    /** iMRMC's p-values and intervals use floor(df) (and the normal distribution above 50 df), so ours must too. */
    private static void checkTests(ImrmcExample imrmc, String key, UStatisticResult.Tests tests) {
        imrmc.check(key + "pValueNormal", tests.normal().p());
        imrmc.check(key + "botCInormal", tests.normal().lower());
        imrmc.check(key + "topCInormal", tests.normal().upper());
        imrmc.check(key + "dfBDG", tests.bdg().df());
        imrmc.check(key + "pValueBDG", tests.bdg().p());
        imrmc.check(key + "botCIBDG", tests.bdg().lower());
        imrmc.check(key + "topCIBDG", tests.bdg().upper());
        imrmc.check(key + "dfHillis", tests.hillis().df());
        imrmc.check(key + "pValueHillis", tests.hillis().p());
        imrmc.check(key + "botCIHillis", tests.hillis().lower());
        imrmc.check(key + "topCIHillis", tests.hillis().upper());
    }
}
