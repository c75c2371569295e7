package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** McNemar and Wilcoxon against R's mcnemar.test, binom.test and wilcox.test (values in expected.csv). */
class PairedTestsTest {

    @Test
    void mcnemar_uses_the_continuity_correction_of_R_and_offers_the_exact_binomial_p() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        McNemarTest test = McNemarTest.of(12, 5);
        expected.check("mcnemar.5_12.statistic", test.chiSquare(), STATISTIC);
        expected.check("mcnemar.5_12.p", test.p(), STATISTIC);
        expected.check("mcnemar.5_12.exact_p", test.exactP(), STATISTIC);
        assertThat(McNemarTest.of(5, 12).p()).isEqualTo(test.p());
    }

    @Test
    void mcnemar_without_discordant_pairs_has_no_statistic_like_R_and_an_exact_p_of_one() {
        McNemarTest test = McNemarTest.of(0, 0);
        assertThat(test.chiSquare()).isNaN();
        assertThat(test.p()).isNaN();
        assertThat(test.exactP()).isEqualTo(1.0);
    }

    @Test
    void wilcoxon_is_exact_for_few_untied_differences_as_in_R() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        WilcoxonSignedRankTest test = WilcoxonSignedRankTest.of(new double[] {0.1, -0.2, 0.3, 0.4, -0.05, 0.6, 0.7});
        assertThat(test.exact()).isTrue();
        expected.check("wilcoxon.exact.V", test.v(), STATISTIC);
        expected.check("wilcoxon.exact.p", test.p(), STATISTIC);
    }

    @Test
    void wilcoxon_drops_zeros_and_corrects_for_ties_with_the_normal_approximation_as_in_R() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        WilcoxonSignedRankTest test =
                WilcoxonSignedRankTest.of(new double[] {0.1, -0.1, 0.2, 0.2, 0, 0.3, -0.4, 0.5});
        assertThat(test.exact()).isFalse();
        assertThat(test.n()).isEqualTo(7);
        expected.check("wilcoxon.ties.V", test.v(), STATISTIC);
        expected.check("wilcoxon.ties.p", test.p(), STATISTIC);
    }

    @Test
    void wilcoxon_uses_the_normal_approximation_from_fifty_differences_on() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        double[] d = new double[60];
        List<String> lines = Files.readAllLines(
                ReferenceValues.folder().resolve("wilcoxon-large.csv"));
        for (int i = 0; i < 60; i++) {
            d[i] = Double.parseDouble(lines.get(i + 1));
        }
        WilcoxonSignedRankTest test = WilcoxonSignedRankTest.of(d);
        expected.check("wilcoxon.large.V", test.v(), STATISTIC);
        expected.check("wilcoxon.large.p", test.p(), STATISTIC);
    }

    @Test
    void wilcoxon_of_only_zero_differences_has_no_p_value() {
        WilcoxonSignedRankTest test = WilcoxonSignedRankTest.of(new double[] {0, 0, 0});
        assertThat(test.n()).isZero();
        assertThat(test.p()).isNaN();
    }
}
