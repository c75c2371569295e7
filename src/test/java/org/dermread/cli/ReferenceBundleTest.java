package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.dermread.bundle.MetricsJson;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.FleissKappa;
import org.dermread.stats.ReferenceValues;
import org.dermread.stats.StudyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyze command on the reference bundle (10 readers, 150 cases, 5 labels of which DF has no case, an incomplete
 * unaided phase and a complete aided phase), against values computed independently in R (generate_reference.R).
 */
class ReferenceBundleTest {

    private static ReferenceValues expected;
    private static StudyReport report;
    private static final List<String> PHASES = List.of("unaided", "aided");
    private static final List<String> LABELS = List.of("MN", "BCC", "SK", "Pso", "DF");

    @BeforeAll
    static void analyzeTheReferenceBundle() throws Exception {
        expected = ReferenceValues.load();
        report = AnalyzeCommand.analyze(ReferenceValues.folder().resolve("bundle"), null, null);
    }

    private static StudyReport.PhaseReport phase(String name) {
        return report.phases().stream().filter(p -> p.phase().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void per_reader_figures_match_the_textbook_formulas_computed_in_R() {
        for (String ph : PHASES) {
            for (StudyReport.ReaderReport r : phase(ph).readerResults()) {
                String key = ph + ".reader." + r.readerId();
                assertThat((double) r.cases()).isEqualTo(expected.get(key + ".cases"));
                expected.check(key + ".accuracy", r.accuracy(), PROPORTION);
                expected.check(key + ".balanced_accuracy", r.balancedAccuracy(), PROPORTION);
                expected.check(key + ".kappa", r.kappa().kappa(), PROPORTION);
                expected.check(key + ".kappa_se", r.kappa().standardError(), STATISTIC);
                for (ClassMetrics m : r.perClass()) {
                    expected.check(key + "." + m.code() + ".sensitivity", m.sensitivity(), PROPORTION);
                    expected.check(key + "." + m.code() + ".specificity", m.specificity(), PROPORTION);
                    expected.check(key + "." + m.code() + ".ppv", m.ppv(), PROPORTION);
                    expected.check(key + "." + m.code() + ".npv", m.npv(), PROPORTION);
                    expected.check(key + "." + m.code() + ".f1", m.f1(), PROPORTION);
                }
            }
        }
    }

    @Test
    void panel_means_and_medians_over_readers_match_R_and_skip_undefined_figures() {
        for (String ph : PHASES) {
            StudyReport.PanelSummary panel = phase(ph).panel();
            expected.check(ph + ".panel.accuracy.mean", panel.accuracy().mean(), PROPORTION);
            expected.check(ph + ".panel.accuracy.median", panel.accuracy().median(), PROPORTION);
            expected.check(ph + ".panel.balanced_accuracy.mean", panel.balancedAccuracy().mean(), PROPORTION);
            expected.check(ph + ".panel.kappa.median", panel.kappa().median(), PROPORTION);
            for (StudyReport.ClassPanel c : panel.perClass()) {
                String key = ph + ".panel." + c.code();
                expected.check(key + ".sensitivity.mean", c.sensitivity().mean(), PROPORTION);
                expected.check(key + ".specificity.median", c.specificity().median(), PROPORTION);
                expected.check(key + ".ppv.mean", c.ppv().mean(), PROPORTION);
                expected.check(key + ".f1.median", c.f1().median(), PROPORTION);
                assertThat((double) c.ppv().readers()).isEqualTo(expected.get(key + ".ppv.readers"));
            }
        }
    }

    @Test
    void bootstrap_intervals_bracket_the_panel_means() {
        StudyReport.Estimate accuracy = phase("aided").panel().accuracy();
        assertThat(accuracy.meanLower()).isLessThan(accuracy.mean());
        assertThat(accuracy.meanUpper()).isGreaterThan(accuracy.mean());
        assertThat(accuracy.medianLower()).isLessThanOrEqualTo(accuracy.median());
        StudyReport.Estimate dfSensitivity = phase("aided").panel().perClass().get(4).sensitivity();
        assertThat(dfSensitivity.readers()).isZero();
        assertThat(dfSensitivity.meanLower()).isNaN();
    }

    @Test
    void fleiss_kappa_matches_fleiss_1971_and_the_1979_standard_error() {
        for (String ph : PHASES) {
            FleissKappa f = phase(ph).fleissKappa();
            expected.check(ph + ".fleiss.kappa", f.kappa(), PROPORTION);
            for (FleissKappa.Category c : f.categories()) {
                expected.check(ph + ".fleiss." + c.code() + ".kappa", c.kappa(), PROPORTION);
            }
        }
        FleissKappa aided = phase("aided").fleissKappa();
        assertThat(aided.ratersPerSubject()).isEqualTo(10);
        expected.check("aided.fleiss.se", aided.standardError(), STATISTIC);
        expected.check("aided.fleiss.z", aided.z(), STATISTIC);
        expected.check("aided.fleiss.category_se", aided.categories().get(0).standardError(), STATISTIC);
        assertThat(phase("unaided").fleissKappa().standardError()).isNaN();
    }

    @Test
    void pairwise_cohen_kappa_uses_the_cases_both_readers_answered() {
        for (String ph : PHASES) {
            for (String[] pair : new String[][] {{"R01", "R02"}, {"R03", "R09"}, {"R05", "R10"}}) {
                StudyReport.KappaPair p = phase(ph).pairwiseKappa().pairList().stream()
                        .filter(k -> k.readerA().equals(pair[0]) && k.readerB().equals(pair[1])).findFirst()
                        .orElseThrow();
                String key = ph + ".pair." + pair[0] + "." + pair[1];
                assertThat((double) p.cases()).isEqualTo(expected.get(key + ".cases"));
                expected.check(key + ".kappa", p.kappa(), PROPORTION);
            }
            assertThat(phase(ph).pairwiseKappa().pairs()).isEqualTo(45);
        }
    }

    @Test
    void mcnemar_per_reader_matches_R_mcnemar_test_and_binom_test() {
        for (String ph : PHASES) {
            for (StudyReport.ReaderMcNemar m : phase(ph).aiComparison().mcnemar()) {
                String key = ph + ".mcnemar." + m.readerId();
                assertThat((double) m.test().onlyFirstCorrect()).isEqualTo(expected.get(key + ".b"));
                assertThat((double) m.test().onlySecondCorrect()).isEqualTo(expected.get(key + ".c"));
                expected.check(key + ".statistic", m.test().chiSquare(), STATISTIC);
                expected.check(key + ".p", m.test().p(), STATISTIC);
                expected.check(key + ".exact_p", m.test().exactP(), STATISTIC);
            }
        }
    }

    @Test
    void wilcoxon_over_readers_matches_R_wilcox_test_defaults() {
        for (String ph : PHASES) {
            for (StudyReport.WilcoxonResult w : phase(ph).aiComparison().wilcoxon()) {
                String key;
                if (w.figure().equals("accuracy")) {
                    key = ph + ".wilcoxon.accuracy";
                    assertThat(w.test().exact()).isEqualTo(expected.get(key + ".exact") == 1);
                } else if (w.figure().equals("sensitivity") && !w.code().equals("DF")) {
                    key = ph + ".wilcoxon." + w.code() + ".sensitivity";
                } else {
                    continue;
                }
                expected.check(key + ".V", w.test().v(), STATISTIC);
                expected.check(key + ".p", w.test().p(), STATISTIC);
            }
        }
    }

    @Test
    void ai_auc_delong_interval_youden_and_macro_micro_auc_match_pROC() {
        StudyReport.AiReport ai = report.ai();
        expected.check("ai.top1_accuracy", ai.top1Accuracy(), PROPORTION);
        for (StudyReport.AiClass c : ai.classes()) {
            if (c.code().equals("DF")) {
                assertThat(c.auc()).isNull();
                assertThat(c.positives()).isZero();
                continue;
            }
            String key = "ai." + c.code();
            expected.check(key + ".auc", c.auc().auc(), PROPORTION);
            expected.check(key + ".se", c.auc().standardError(), STATISTIC);
            expected.check(key + ".lower", c.auc().lower(), STATISTIC);
            expected.check(key + ".upper", c.auc().upper(), STATISTIC);
            assertThat((double) c.roc().size()).isEqualTo(expected.get(key + ".points"));
            expected.check(key + ".youden_sensitivity", c.youden().sensitivity(), PROPORTION);
            expected.check(key + ".youden_specificity", c.youden().specificity(), PROPORTION);
        }
        expected.check("ai.macro_auc", ai.macroAuc(), PROPORTION);
        expected.check("ai.micro_auc", ai.microAuc(), PROPORTION);
    }

    @Test
    void ai_sensitivity_at_the_readers_mean_specificity_matches_pROC_coords() {
        for (String ph : PHASES) {
            for (StudyReport.OperatingPointComparison op : phase(ph).aiComparison().operatingPoints()) {
                if (op.code().equals("DF")) {
                    assertThat(op.aiSensitivityAtMeanSpecificity().estimate()).isNaN();
                    continue;
                }
                String key = ph + ".op." + op.code();
                expected.check(key + ".ai_sens_at_mean_spec", op.aiSensitivityAtMeanSpecificity().estimate(),
                        PROPORTION);
                expected.check(key + ".ai_spec_at_mean_sens", op.aiSpecificityAtMeanSensitivity().estimate(),
                        PROPORTION);
                assertThat((double) op.readersBeatenAtTheirSpecificity()).isEqualTo(expected.get(key + ".beaten"));
                assertThat(op.aiSensitivityAtMeanSpecificity().lower())
                        .isLessThanOrEqualTo(op.aiSensitivityAtMeanSpecificity().upper());
            }
        }
    }

    @Test
    void paired_delong_of_ai_against_a_reader_matches_pROC_roc_test() {
        for (String ph : PHASES) {
            for (String reader : List.of("R01", "R07")) {
                for (String code : List.of("MN", "SK")) {
                    StudyReport.ReaderAucComparison c = phase(ph).aiComparison().pairedDelong().stream()
                            .filter(d -> d.readerId().equals(reader) && d.code().equals(code)).findFirst()
                            .orElseThrow();
                    String key = ph + ".delong." + reader + "." + code;
                    expected.check(key + ".auc_ai", c.test().aucA(), PROPORTION);
                    expected.check(key + ".auc_reader", c.test().aucB(), PROPORTION);
                    expected.check(key + ".z", c.test().z(), STATISTIC);
                    expected.check(key + ".p", c.test().p(), STATISTIC);
                    expected.check(key + ".lower", c.test().lower(), STATISTIC);
                    expected.check(key + ".upper", c.test().upper(), STATISTIC);
                }
            }
        }
    }

    @Test
    void mrmc_of_unaided_against_aided_matches_an_independent_R_or_hillis_with_brute_force_jackknife() {
        StudyReport.MrmcReport mrmc = report.mrmc();
        assertThat(mrmc.modalities()).containsExactly("unaided", "aided");
        OrChecks.check(expected, "bundle.accuracy.jackknife", mrmc.accuracy().jackknife());
        StudyReport.MrmcClass mn = mrmc.classes().get(0);
        assertThat(mn.code()).isEqualTo("MN");
        OrChecks.check(expected, "bundle.MN.sensitivity.jackknife", mn.sensitivity().jackknife());
        StudyReport.MrmcClass df = mrmc.classes().get(4);
        assertThat(df.auc().note()).isNotBlank();
        assertThat(df.auc().delong()).isNull();
    }

    @Test
    void experience_groups_follow_the_cut_points_with_ten_years_counted_as_intermediate() {
        List<StudyReport.PanelSummary> groups = phase("aided").experienceGroups();
        assertThat(groups).extracting(StudyReport.PanelSummary::group)
                .containsExactly("<3", "3-10", ">10", "unknown");
        assertThat(groups).extracting(StudyReport.PanelSummary::readers).containsExactly(3, 4, 2, 1);
    }

    @Test
    void the_same_seed_gives_byte_identical_metrics_and_another_seed_other_intervals() throws Exception {
        Path bundle = ReferenceValues.folder().resolve("bundle");
        byte[] first = json(AnalyzeCommand.analyze(bundle, 50, 99L));
        byte[] second = json(AnalyzeCommand.analyze(bundle, 50, 99L));
        byte[] other = json(AnalyzeCommand.analyze(bundle, 50, 100L));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static byte[] json(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsJson.write(value, out, false);
        return out.toByteArray();
    }
}
