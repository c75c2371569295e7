package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Kappas, confusion-matrix figures and their defined behaviour at the edges. */
class AgreementAndMetricsTest {

    @Test
    void fleiss_kappa_reproduces_the_textbook_example_of_ten_subjects_and_fourteen_raters() {
        int[][] table = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        FleissKappa f = FleissKappa.of(List.of("a", "b", "c", "d", "e"), table);
        assertThat(f.meanAgreement()).isCloseTo(0.378, within(0.0005));
        assertThat(f.chanceAgreement()).isCloseTo(0.213, within(0.0005));
        assertThat(f.kappa()).isCloseTo(0.210, within(0.0005));
        assertThat(f.ratersPerSubject()).isEqualTo(14);
    }

    @Test
    void fleiss_kappa_of_a_category_nobody_chose_is_undefined() {
        FleissKappa f = FleissKappa.of(List.of("a", "b", "c"), new int[][] {{2, 1, 0}, {0, 3, 0}, {3, 0, 0}});
        assertThat(f.categories().get(2).kappa()).isNaN();
        assertThat(f.kappa()).isFinite();
    }

    @Test
    void cohen_kappa_matches_the_hand_computed_value_and_is_undefined_when_chance_agreement_is_total() {
        CohenKappa k = CohenKappa.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);
        // p_o = 4/6; p_e = (2*2 + 2*3 + 2*1)/36 = 12/36
        assertThat(k.kappa()).isCloseTo((4.0 / 6 - 1.0 / 3) / (1 - 1.0 / 3), within(1e-12));
        assertThat(CohenKappa.of(new int[] {1, 1}, new int[] {1, 1}, 2).kappa()).isNaN();
    }

    @Test
    void a_class_never_chosen_has_no_ppv_and_an_f1_of_zero_while_a_class_without_cases_has_no_sensitivity() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("MN", "BCC", "DF"), new int[] {0, 0, 1, 1},
                new int[] {0, 0, 0, 0});
        ClassMetrics bcc = m.perClass().get(1);
        assertThat(bcc.sensitivity()).isZero();
        assertThat(bcc.ppv()).isNaN();
        assertThat(bcc.f1()).isZero();
        ClassMetrics df = m.perClass().get(2);
        assertThat(df.sensitivity()).isNaN();
        assertThat(df.specificity()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.balancedAccuracy()).isEqualTo(0.5);
    }

    @Test
    void experience_groups_put_ten_years_in_the_intermediate_group_and_missing_years_in_unknown() {
        ExperienceGroups groups = new ExperienceGroups(List.of(3.0, 10.0));
        assertThat(groups.names()).containsExactly("<3", "3-10", ">10", "unknown");
        assertThat(groups.groupOf(2.9)).isZero();
        assertThat(groups.groupOf(3)).isEqualTo(1);
        assertThat(groups.groupOf(10)).isEqualTo(1);
        assertThat(groups.groupOf(10.5)).isEqualTo(2);
        assertThat(groups.groupOf(Double.NaN)).isEqualTo(3);
        ExperienceGroups three = new ExperienceGroups(List.of(2.0, 5.0, 10.0));
        assertThat(three.names()).containsExactly("<2", "2-5", "5-10", ">10", "unknown");
        assertThat(three.groupOf(5)).isEqualTo(2);
        assertThat(three.groupOf(10)).isEqualTo(2);
    }

    @Test
    void settings_reject_decreasing_cut_points_and_an_unknown_experience_field() {
        assertThatThrownBy(() -> new AnalysisSettings(10, 1, List.of(10.0, 3.0), "years_dermatology", List.of(),
                0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnalysisSettings(10, 1, List.of(3.0), "age", List.of(), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reader_cannot_answer_the_same_case_twice_in_one_phase() {
        assertThatThrownBy(() -> new ReaderReadings(0, new int[] {3, 3}, new int[] {0, 1}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_study_rejects_an_answer_outside_the_label_set() {
        assertThatThrownBy(() -> new StudyData(List.of("MN", "BCC"), List.of("c1"), new int[] {0},
                List.of(StudyReader.unknown("r1")),
                List.of(new PhaseReadings("unaided", List.of(new ReaderReadings(0, new int[] {0}, new int[] {2},
                        new int[] {0})))), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
