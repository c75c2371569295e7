package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Study sizing (Hillis, Obuchowski &amp; Berbaum 2011) against an independent computation in R with its noncentral F
 * distribution (generate_reference.R, the formulas of RJafroc's SsPowerGivenJKOrVarComp), from the OR components that
 * OR-DBM MRMC 2.51 published for the Van Dyke data.
 */
class StudySizingTest {

    /** Van Dyke, jackknife, as printed by OR-DBM MRMC 2.51 (RJafroc inst/IowaResults/VanDyke.txt). */
    private static final StudySizing.Pilot VAN_DYKE = new StudySizing.Pilot(114, 0.00020040, 0.00080229,
            0.00034661, 0.00034407, 0.00023903);

    @Test
    void power_degrees_of_freedom_and_expected_interval_match_R_with_its_noncentral_f() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        for (int[] jk : new int[][] {{5, 100}, {6, 251}, {10, 163}, {4, 1000}}) {
            StudySizing.Design d = StudySizing.design(VAN_DYKE, jk[0], jk[1], 0.05, 0.05);
            String key = "sizing.J" + jk[0] + ".K" + jk[1] + ".";
            expected.check(key + "power", d.power(), 1e-9);
            expected.check(key + "ddf", d.ddf(), 1e-9);
            expected.check(key + "ncp", d.noncentrality(), 1e-9);
            expected.check(key + "width", d.expectedCiWidth(), 1e-9);
        }
    }

    @Test
    void the_table_of_fewest_cases_for_80_percent_power_matches_a_case_by_case_search_in_R() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        StudySizing.Table table = StudySizing.forPower(VAN_DYKE, 0.05, 0.05, 0.8, List.of(4, 5, 6, 7, 8, 9, 10),
                5000);
        for (StudySizing.Design d : table.designs()) {
            assertThat((double) d.cases()).as(d.readers() + " readers")
                    .isEqualTo(expected.get("sizing.power80.J" + d.readers() + ".K"));
            assertThat(d.power()).isGreaterThanOrEqualTo(0.8);
            assertThat(StudySizing.design(VAN_DYKE, d.readers(), d.cases() - 1, 0.05, 0.05).power()).isLessThan(0.8);
        }
    }

    @Test
    void the_pilot_can_be_any_or_analysis_and_an_unreachable_target_says_so() throws Exception {
        OrResult or = ObuchowskiRockette.analyze(VanDyke.load(), FigureOfMerit.AUC, CovarianceMethod.JACKKNIFE, 0.95);
        StudySizing.Pilot pilot = StudySizing.Pilot.of(or);
        assertThat(pilot.cases()).isEqualTo(114);
        assertThat(pilot.cov2()).isCloseTo(0.00034407, within(5e-9));
        // 2 readers cannot reach 99% power however many cases: sigma^2_TR stays
        StudySizing.Table hopeless = StudySizing.forPower(pilot, 0.05, 0.05, 0.99, List.of(2), 100_000);
        assertThat(hopeless.designs().get(0).cases()).isEqualTo(-1);
        StudySizing.Table width = StudySizing.forCiWidth(pilot, 0.05, 0.05, 0.08, List.of(5, 10), 100_000);
        assertThat(width.designs()).allSatisfy(d -> assertThat(d.expectedCiWidth()).isLessThanOrEqualTo(0.08));
        assertThat(width.designs().get(1).cases()).isLessThan(width.designs().get(0).cases());
        assertThatThrownBy(() -> StudySizing.forPower(pilot, 0, 0.05, 0.8, List.of(5), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero");
    }

    @Test
    void the_noncentral_f_reduces_to_the_central_one_and_matches_a_large_noncentrality_limit() {
        FDistribution central =
                new FDistribution(null, 1, 12);
        assertThat(NoncentralF.upperTail(3.2, 1, 12, 0)).isCloseTo(1 - central.cumulativeProbability(3.2),
                within(1e-12));
        // with a huge noncentrality nearly every draw exceeds a moderate critical value
        assertThat(NoncentralF.upperTail(4.0, 1, 30, 400)).isGreaterThan(0.999999);
    }
}
