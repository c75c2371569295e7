package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dermread.stats.AnswerChanges;
import org.dermread.stats.StudyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-arm collaboration study whose readers behave by a known model ({@link SimulatedCollaboration}), read from its
 * bundle files and analysed as the application and the {@code analyze} command do ({@link BundleStudy#analyze}): the
 * collaboration section recovers the model's switching rates, gains and answer changes.
 *
 * <p>Sizes (400 cases, 24 readers per arm) and the seed were fixed before the first run; the intervals are at 99 %, so
 * each of the intervals checked misses its true value with probability about 1 %.
 */
class CollaborationBundleTest {

    private static final int CASES = 400;
    private static final int READERS_PER_ARM = 24;

    private static Map<String, byte[]> files;
    private static StudyReport report;

    @BeforeAll
    static void analyse() {
        files = SimulatedCollaboration.files(CASES, READERS_PER_ARM, 18, 1000, 0.99);
        report = BundleReader.read(BundleFiles.of(files)).analyze();
    }

    @Test
    void the_arms_of_arms_csv_come_with_their_names_forms_of_help_and_readers() {
        StudyReport.CollaborationReport collaboration = report.collaboration();
        assertThat(collaboration).isNotNull();
        assertThat(collaboration.unaidedPhase()).isEqualTo("unaided");
        assertThat(collaboration.aidedPhase()).isEqualTo("aided");
        assertThat(collaboration.arms()).extracting(StudyReport.ArmReport::arm).containsExactly("A", "B");
        StudyReport.ArmReport a = collaboration.arms().get(0);
        StudyReport.ArmReport b = collaboration.arms().get(1);
        assertThat(a.name()).isEqualTo("Top-1 only");
        assertThat(a.help()).isEqualTo(new StudyReport.ArmHelp(true, false, false, false, 0, false));
        assertThat(b.help()).isEqualTo(new StudyReport.ArmHelp(false, false, false, true, 8, true));
        assertThat(a.readers()).isEqualTo(READERS_PER_ARM);
        assertThat(a.readerIds()).hasSize(READERS_PER_ARM).startsWith("R001").endsWith("R024");
        assertThat(b.readerIds()).startsWith("R025");
        assertThat(collaboration.method()).contains("bootstrap").contains("Wald");
        assertThat(collaboration.references()).anyMatch(r -> r.contains("Nat Med 2020"))
                .anyMatch(r -> r.contains("Acad Radiol 2000"));
        assertThat(collaboration.confidenceLevel()).isEqualTo(0.99);
    }

    @Test
    void each_arm_recovers_the_known_switching_rates_and_gains_within_their_intervals() {
        double meanP = SimulatedCollaboration.meanP();
        for (StudyReport.ArmReport arm : report.collaboration().arms()) {
            double f = SimulatedCollaboration.follow(arm.arm());
            assertCovers(arm.reliance(), f);
            assertCovers(arm.overReliance(), f);
            assertCovers(arm.unaidedAccuracy(), meanP);
            assertCovers(arm.gain(), SimulatedCollaboration.gain(arm.arm(), meanP));
            assertCovers(arm.balancedAccuracyGain(), SimulatedCollaboration.gain(arm.arm(), meanP));
            assertCovers(arm.accuracyOnAiWrongUnaided(), meanP);
            assertCovers(arm.accuracyOnAiWrongAided(), meanP * (1 - f));
            assertThat(arm.experienceGroups()).extracting(StudyReport.GroupGain::group).containsExactly("<3", ">10");
            assertThat(arm.experienceGroups()).extracting(StudyReport.GroupGain::readers)
                    .containsExactly(READERS_PER_ARM / 2, READERS_PER_ARM / 2);
            assertCovers(arm.experienceGroups().get(0).gain(),
                    SimulatedCollaboration.gain(arm.arm(), SimulatedCollaboration.P_NOVICE));
            assertCovers(arm.experienceGroups().get(1).gain(),
                    SimulatedCollaboration.gain(arm.arm(), SimulatedCollaboration.P_EXPERT));
        }
        // Arm A follows the AI three times as often, so it gains more: (0.6 - 0.2) (0.8 - 0.625) = 0.07, a minus b.
        StudyReport.ArmDifference difference = report.collaboration().differences().get(0);
        assertThat(difference.armA()).isEqualTo("A");
        assertThat(difference.armB()).isEqualTo("B");
        assertCovers(difference.gainDifference(), (SimulatedCollaboration.F_A - SimulatedCollaboration.F_B)
                * (SimulatedCollaboration.AI_ACCURACY - SimulatedCollaboration.meanP()));
        assertThat(difference.gainDifference().estimate()).isEqualTo(report.collaboration().arms().get(0).gain()
                .estimate() - report.collaboration().arms().get(1).gain().estimate(), within(1e-12));
        assertThat(difference.z()).isCloseTo(difference.gainDifference().estimate() / difference.standardError(),
                within(1e-12));
        assertThat(difference.p()).isLessThan(0.01);
    }

    @Test
    void per_class_sensitivity_and_specificity_gains_match_the_model() {
        int intervals = 0;
        int covering = 0;
        for (StudyReport.ArmReport arm : report.collaboration().arms()) {
            double gain = SimulatedCollaboration.gain(arm.arm(), SimulatedCollaboration.meanP());
            assertThat(arm.perClass()).extracting(StudyReport.ClassGain::code)
                    .containsExactlyElementsOf(SimulatedCollaboration.LABELS);
            for (StudyReport.ClassGain c : arm.perClass()) {
                for (var pair : Map.of(c.sensitivityGain(), gain,
                        c.specificityGain(), gain / (SimulatedCollaboration.K - 1)).entrySet()) {
                    intervals++;
                    covering += pair.getKey().lower() <= pair.getValue() && pair.getValue() <= pair.getKey().upper()
                            ? 1 : 0;
                }
            }
        }
        // 16 intervals at 99 %: about 0.16 expected to miss; three misses would be far out of line
        assertThat(covering).isGreaterThanOrEqualTo(intervals - 2);
    }

    @Test
    void answer_changes_match_their_expected_counts_in_total_and_add_up_over_readers() {
        // Conditional on the cases the AI got right (its accuracy as the report gives it), each count is a sum of
        // independent Bernoulli trials over readers and cases: within 4 SD (sqrt of the mean bounds it) of its mean.
        double a = report.ai().top1Accuracy();
        int k = SimulatedCollaboration.K;
        for (StudyReport.ArmReport arm : report.collaboration().arms()) {
            double f = SimulatedCollaboration.follow(arm.arm());
            AnswerChanges total = arm.answerChanges();
            assertThat(total.pairs()).isEqualTo(CASES * READERS_PER_ARM);
            double wrongToRight = 0;
            double rightToWrong = 0;
            double wrongToOtherWrong = 0;
            for (double p : new double[] {SimulatedCollaboration.P_NOVICE, SimulatedCollaboration.P_EXPERT}) {
                double n = CASES * READERS_PER_ARM / 2.0;
                wrongToRight += n * (1 - p) * a * f;
                rightToWrong += n * p * (1 - a) * f;
                wrongToOtherWrong += n * (1 - p) * (1 - a) * f * (k - 2) / (k - 1);
            }
            assertThat((double) total.wrongToRight()).isCloseTo(wrongToRight, within(4 * Math.sqrt(wrongToRight)));
            assertThat((double) total.rightToWrong()).isCloseTo(rightToWrong, within(4 * Math.sqrt(rightToWrong)));
            assertThat((double) total.wrongToOtherWrong())
                    .isCloseTo(wrongToOtherWrong, within(4 * Math.sqrt(wrongToOtherWrong)));

            assertThat(arm.readerChanges()).hasSize(READERS_PER_ARM);
            assertThat(arm.readerChanges().stream().mapToInt(r -> r.changes().wrongToRight()).sum())
                    .isEqualTo(total.wrongToRight());
            assertThat(arm.readerChanges().stream().mapToInt(r -> r.changes().rightToWrong()).sum())
                    .isEqualTo(total.rightToWrong());
            assertThat(arm.readerChanges().stream().mapToInt(r -> r.changes().wrongToOtherWrong()).sum())
                    .isEqualTo(total.wrongToOtherWrong());
            // the switching diagram's counts split the same transitions by whether the AI was right
            StudyReport.Switching aiRight = arm.switching().get(0);
            StudyReport.Switching aiWrong = arm.switching().get(1);
            assertThat(aiRight.ai()).isEqualTo("right");
            assertThat(aiWrong.ai()).isEqualTo("wrong");
            assertThat(aiRight.wrongToRight() + aiWrong.wrongToRight()).isEqualTo(total.wrongToRight());
            assertThat(aiRight.rightToWrong() + aiWrong.rightToWrong()).isEqualTo(total.rightToWrong());
            assertThat(aiWrong.rightToRight() + aiWrong.rightToWrong()).isEqualTo(total.aiWrongUnaidedRight());
            assertThat(aiWrong.rightToRight() + aiWrong.wrongToRight()).isEqualTo(total.aiWrongAidedRight());
            // a reader can only be led from right to wrong by a wrong AI, and from wrong to right by a right one
            assertThat(aiRight.rightToWrong()).isZero();
            assertThat(aiWrong.wrongToRight()).isZero();
            StudyReport.ReaderChanges first = arm.readerChanges().get(0);
            assertThat(first.experienceGroup()).isEqualTo("<3");
            assertThat(first.gain()).isEqualTo(first.changes().gain());
        }
    }

    @Test
    void each_arm_has_its_own_mrmc_comparison_whose_accuracy_difference_is_the_arms_gain() {
        for (StudyReport.ArmReport arm : report.collaboration().arms()) {
            StudyReport.MrmcReport mrmc = arm.mrmc();
            assertThat(mrmc).isNotNull();
            assertThat(mrmc.modalities()).containsExactly("unaided", "aided");
            assertThat(mrmc.readers()).containsExactlyElementsOf(arm.readerIds());
            double[] fom = mrmc.accuracy().jackknife().modalityFom();
            // fully crossed: the OR accuracy per modality is the readers' mean accuracy
            assertThat(fom[1] - fom[0]).isCloseTo(arm.gain().estimate(), within(1e-12));
            assertThat(mrmc.classes()).hasSize(SimulatedCollaboration.K);
        }
    }

    @Test
    void metrics_json_has_the_collaboration_object_and_the_readme_names_every_key_in_it() throws Exception {
        JsonNode json = new ObjectMapper().readTree(MetricsJson.bytes(report));
        JsonNode collaboration = json.get("collaboration");
        assertThat(collaboration.get("arms")).hasSize(2);
        JsonNode arm = collaboration.get("arms").get(0);
        assertThat(arm.get("name").asText()).isEqualTo("Top-1 only");
        assertThat(arm.get("help").get("top1").asBoolean()).isTrue();
        assertThat(arm.get("gain").get("estimate").asDouble())
                .isEqualTo(report.collaboration().arms().get(0).gain().estimate());
        assertThat(arm.get("answer_changes").get("wrong_to_right").asInt())
                .isEqualTo(report.collaboration().arms().get(0).answerChanges().wrongToRight());
        assertThat(arm.get("reader_changes").get(0).get("reader_id").asText()).isEqualTo("R001");
        assertThat(collaboration.get("differences").get(0).get("p").isNumber()).isTrue();

        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Output\n");
        int end = readme.indexOf("### Definitions\n", start);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z0-9_]+)`").matcher(readme.substring(start, end));
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> written = new TreeSet<>();
        keys(collaboration, written);
        written.add("collaboration");
        written.removeAll(documented);
        assertThat(written).as("collaboration keys the README's Output section does not name").isEmpty();
    }

    @Test
    void a_study_without_arms_has_no_collaboration_section_and_no_warning_about_it() {
        Map<String, byte[]> plain = new LinkedHashMap<>(files);
        plain.remove(BundleFormat.ARMS);
        plain.put(BundleFormat.READERS, bytes("reader_id,years_dermatology\nR001,1\n"));
        StudyReport without = BundleReader.read(BundleFiles.of(plain)).analyze(0, null);
        assertThat(without.collaboration()).isNull();
        assertThat(without.warnings()).noneMatch(w -> w.contains("collaboration"));
        assertThat(MetricsJson.text(without)).contains("\"collaboration\":null");
    }

    @Test
    void a_study_with_arms_but_no_ai_predictions_says_why_it_has_no_collaboration_section() {
        Map<String, byte[]> noAi = new LinkedHashMap<>(files);
        noAi.remove(BundleFormat.AI_PREDICTIONS);
        StudyReport without = BundleReader.read(BundleFiles.of(noAi)).analyze(0, null);
        assertThat(without.collaboration()).isNull();
        assertThat(without.warnings()).anyMatch(w -> w.contains("collaboration") && w.contains("no AI predictions"));
    }

    @Test
    void a_reader_who_did_not_read_both_phases_and_a_reader_without_an_arm_are_left_out_and_named() {
        Map<String, byte[]> partial = new LinkedHashMap<>(files);
        String readings = new String(files.get(BundleFormat.READINGS), StandardCharsets.UTF_8).lines()
                .filter(line -> !(line.startsWith("R001,") && line.contains(",aided,")))
                .reduce("", (text, line) -> text + line + "\n");
        partial.put(BundleFormat.READINGS, bytes(readings));
        partial.put(BundleFormat.READERS, bytes(new String(files.get(BundleFormat.READERS), StandardCharsets.UTF_8)
                .replace("R002,15,A,", "R002,15,,")));
        StudyReport partly = BundleReader.read(BundleFiles.of(partial)).analyze(0, null);
        assertThat(partly.collaboration().arms().get(0).readers()).isEqualTo(READERS_PER_ARM - 2);
        assertThat(partly.collaboration().arms().get(0).readerIds()).doesNotContain("R001", "R002");
        assertThat(partly.warnings()).contains(
                "collaboration: readers who did not answer in both phases are left out: [R001]",
                "collaboration: readers without an arm are left out: [R002]");
        // without replicates there are no intervals and no test, written as null, not as a number
        assertThat(partly.collaboration().differences().get(0).p()).isNaN();
        assertThat(MetricsJson.text(partly)).contains("\"standard_error\":null");
    }

    @Test
    void a_reader_in_an_arm_that_arms_csv_does_not_define_is_refused_with_the_arm_named() {
        Map<String, byte[]> bad = new LinkedHashMap<>(files);
        bad.put(BundleFormat.READERS, bytes("reader_id,years_dermatology,arm\nR001,1,A\nR002,3,C\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessage("readers.csv row 3, column arm: reader R002 is in arm C, which is not an arm of arms.csv"
                        + " (arms: [A, B])");
        bad.remove(BundleFormat.ARMS);
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessageContaining("reader R001 is in arm A, which is not defined: the bundle has no arms.csv");
    }

    @Test
    void arms_csv_with_a_repeated_arm_a_flag_that_is_not_true_or_false_or_similar_cases_without_a_number_is_refused() {
        String header = "arm,name,top1,probabilities,malignancy,similar_cases,similar_k,saliency\n";
        Map<String, byte[]> bad = new LinkedHashMap<>(files);
        bad.put(BundleFormat.ARMS, bytes(header + "A,x,true,false,false,false,,false\nA,y,true,false,false,false,,"
                + "false\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessage("arms.csv row 3, column arm: the arm A is repeated");
        bad.put(BundleFormat.ARMS, bytes(header + "A,x,yes,false,false,false,,false\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessage("arms.csv row 2, column top1: true or false, not 'yes'");
        bad.put(BundleFormat.ARMS, bytes(header + "A,x,false,false,false,true,,false\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessage("arms.csv row 2, column similar_k: arm A shows similar cases, so it needs their number"
                        + " (>= 1)");
        bad.put(BundleFormat.ARMS, bytes(header + "A,x,false,false,false,true,2.5,false\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(bad)))
                .hasMessageContaining("whole number");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertCovers(StudyReport.Interval interval, double truth) {
        assertThat(interval.lower()).as("lower bound of %s against %s", interval, truth).isLessThanOrEqualTo(truth);
        assertThat(interval.upper()).as("upper bound of %s against %s", interval, truth)
                .isGreaterThanOrEqualTo(truth);
    }

    private static void keys(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey());
                keys(e.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(child -> keys(child, out));
        }
    }
}
