package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-vs-rest accuracies, macro specificity and accuracy, the AI's kappa, tie counts and weighted AUC, and the grouped
 * (two-group) analysis of the reference bundle, against generate_reference.R (textbook formulas and pROC).
 */
class ReaderStudyFiguresTest {

    private static ReferenceValues expected;
    private static StudyData study;
    private static StudyReport report;

    @BeforeAll
    static void analyse() throws Exception {
        expected = ReferenceValues.load();
        study = ReferenceBundle.load();
        report = StudyAnalyzer.analyze(study, ReferenceBundle.settings());
    }

    @Test
    void per_reader_one_vs_rest_accuracy_and_macro_figures_match_the_formulas_in_R() {
        for (StudyReport.PhaseReport phase : report.phases()) {
            for (StudyReport.ReaderReport r : phase.readerResults()) {
                String key = phase.phase() + ".reader." + r.readerId() + ".";
                for (ClassMetrics m : r.perClass()) {
                    expected.check(key + m.code() + ".ovr_accuracy", m.accuracy(), PROPORTION);
                }
                expected.check(key + "macro_specificity", r.macroSpecificity(), PROPORTION);
                expected.check(key + "macro_accuracy", r.macroAccuracy(), PROPORTION);
            }
            expected.check(phase.phase() + ".panel.macro_specificity.mean", phase.panel().macroSpecificity().mean(),
                    PROPORTION);
            expected.check(phase.phase() + ".panel.macro_accuracy.median", phase.panel().macroAccuracy().median(),
                    PROPORTION);
            assertThat(phase.panel().macroAccuracy().meanLower()).isLessThan(phase.panel().macroAccuracy().mean());
            assertThat(phase.panel().perClass().get(0).accuracy().meanUpper())
                    .isGreaterThan(phase.panel().perClass().get(0).accuracy().mean());
        }
    }

    @Test
    void the_ai_kappa_macro_figures_weighted_auc_and_score_ties_match_R() {
        StudyReport.AiReport ai = report.ai();
        expected.check("ai.kappa", ai.kappa().kappa(), PROPORTION);
        expected.check("ai.macro_specificity", ai.macroSpecificity(), PROPORTION);
        expected.check("ai.macro_accuracy", ai.macroAccuracy(), PROPORTION);
        expected.check("ai.weighted_macro_auc", ai.weightedMacroAuc(), PROPORTION);
        expected.check("ai.macro_auc", ai.macroAuc(), PROPORTION);
        for (int k = 0; k < study.labels().size(); k++) {
            assertThat((double) ai.distinctScores().get(k))
                    .isEqualTo(expected.get("ai." + study.labels().get(k) + ".distinct_scores"));
        }
        assertThat((double) ai.argmaxTies()).isEqualTo(expected.get("ai.argmax_ties"));
    }

    @Test
    void every_figure_of_the_grouped_study_matches_R_with_the_ai_group_score_the_sum_of_probabilities() {
        Grouping grouping = new Grouping("example", List.of("groupA", "groupB"),
                Map.of("MN", "groupA", "BCC", "groupA", "SK", "groupB", "Pso", "groupB", "DF", "groupB"));
        StudyReport grouped = StudyAnalyzer.analyze(study, ReferenceBundle.settings(), grouping);
        assertThat(grouped.study().labels()).containsExactly("groupA", "groupB");
        for (StudyReport.PhaseReport phase : grouped.phases()) {
            for (StudyReport.ReaderReport r : phase.readerResults()) {
                String key = "grouped." + phase.phase() + ".reader." + r.readerId() + ".";
                expected.check(key + "sensitivity", r.perClass().get(0).sensitivity(), PROPORTION);
                expected.check(key + "specificity", r.perClass().get(0).specificity(), PROPORTION);
                expected.check(key + "accuracy", r.accuracy(), PROPORTION);
            }
        }
        expected.check("grouped.ai.auc", grouped.ai().classes().get(0).auc().auc(), PROPORTION);
        expected.check("grouped.ai.auc_lower", grouped.ai().classes().get(0).auc().lower(), STATISTIC);
        expected.check("grouped.ai.top1_accuracy", grouped.ai().top1Accuracy(), PROPORTION);
        assertThat(grouped.mrmc().classes().get(0).auc().jackknife()).isNotNull();
    }

    @Test
    void a_grouping_must_give_every_label_a_known_group() {
        assertThatThrownBy(() -> new Grouping("g", List.of("a", "b"), Map.of("MN", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of");
        Grouping partial = new Grouping("g", List.of("a", "b"), Map.of("MN", "a", "BCC", "b"));
        assertThatThrownBy(() -> partial.apply(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gives label SK no group");
        assertThatThrownBy(() -> new Grouping("g", List.of("a"), Map.of()))
                .hasMessageContaining("at least two distinct groups");
    }
}
