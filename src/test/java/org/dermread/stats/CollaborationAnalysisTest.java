package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The collaboration analysis on readers whose behaviour is known: a simulated reader answers each case right with
 * its own probability p (otherwise a wrong label at random), then, shown the AI's answer, switches to it with the
 * arm's probability f whenever they disagree. With the AI right with probability a, the expected figures follow
 * from that model alone (derived in {@link Truth}), independently of the code under test.
 */
class CollaborationAnalysisTest {

    private static final int K = 7;
    private static final double AI_ACCURACY = 0.8;

    /** A study simulated from the model in the class comment. */
    record Simulated(int[] truth, int[] ai, List<ReaderReadings> unaided, List<ReaderReadings> aided,
                     String[] arms, String[] groups) {
    }

    /**
     * Expected values under the model: P(aided right) = p + f (a - p), so the gain is f (a - p); switching rates are f
     * whether the AI is right or wrong; on the cases the AI got wrong, unaided accuracy is p and aided p (1 - f) (a
     * right reader always disagrees with a wrong AI and keeps the answer with probability 1 - f).
     */
    record Truth(double f, double meanP) {
        double gain() {
            return f * (AI_ACCURACY - meanP);
        }

        /**
         * Every class's sensitivity gains as accuracy does (truth is uniform, so P(right | class) is the same for
         * every class). A wrong answer, the reader's own or the AI's, is uniform over the other K - 1 labels, so
         * P(answer c | truth not c) = P(wrong) / (K - 1) in both phases, and specificity gains gain() / (K - 1).
         */
        double specificityGain() {
            return gain() / (K - 1);
        }

        double aidedOnAiWrong() {
            return meanP * (1 - f);
        }
    }

    /**
     * Arms "top1" (f 0.6) and "probabilities" (f 0.25), alternating; within each, novices (p uniform in 0.45-0.60,
     * mean 0.525) and experts (p uniform in 0.70-0.80, mean 0.75) alternating.
     */
    static Simulated simulate(int cases, int readers, long seed) {
        Random random = new Random(seed);
        int[] truth = new int[cases];
        int[] ai = new int[cases];
        for (int c = 0; c < cases; c++) {
            truth[c] = random.nextInt(K);
            ai[c] = random.nextDouble() < AI_ACCURACY ? truth[c] : otherThan(truth[c], random);
        }
        List<ReaderReadings> unaided = new ArrayList<>();
        List<ReaderReadings> aided = new ArrayList<>();
        String[] arms = new String[readers];
        String[] groups = new String[readers];
        for (int j = 0; j < readers; j++) {
            arms[j] = j % 2 == 0 ? "top1" : "probabilities";
            double f = j % 2 == 0 ? 0.6 : 0.25;
            boolean novice = (j / 2) % 2 == 0;
            groups[j] = novice ? "novice" : "expert";
            double p = novice ? 0.45 + 0.15 * random.nextDouble() : 0.70 + 0.10 * random.nextDouble();
            int[] ids = new int[cases];
            int[] first = new int[cases];
            int[] second = new int[cases];
            for (int c = 0; c < cases; c++) {
                ids[c] = c;
                first[c] = random.nextDouble() < p ? truth[c] : otherThan(truth[c], random);
                second[c] = first[c] != ai[c] && random.nextDouble() < f ? ai[c] : first[c];
            }
            unaided.add(new ReaderReadings(j, ids, first, new int[cases]));
            aided.add(new ReaderReadings(j, ids.clone(), second, new int[cases]));
        }
        return new Simulated(truth, ai, unaided, aided, arms, groups);
    }

    private static int otherThan(int label, Random random) {
        int other = random.nextInt(K - 1);
        return other >= label ? other + 1 : other;
    }

    private static CollaborationAnalysis.Result analyze(Simulated s, int replicates, long seed, double level) {
        return CollaborationAnalysis.analyze(K, s.truth(), s.ai(), s.unaided(), s.aided(), s.arms(), s.groups(),
                replicates, seed, level);
    }

    @Test
    void counts_each_kind_of_answer_change_as_counted_by_hand() {
        // case:        0  1  2  3  4  5  6
        int[] truth = {0, 1, 2, 0, 1, 2, 3};
        int[] ai = {0, 1, 0, 0, 2, -1, 3};
        int[] before = {1, 1, 2, 0, 0, 1, 3};
        int[] after = {0, 2, 0, 0, 2, 2, 3};
        int[] cases = {0, 1, 2, 3, 4, 5, 6};
        AnswerChanges changes = AnswerChanges.of(truth, ai,
                new ReaderReadings(0, cases, before, new int[cases.length]),
                new ReaderReadings(0, cases.clone(), after, new int[cases.length]));
        // case 0 wrong->right (AI right, disagreed, switched); 1 right->wrong (AI right, agreed before);
        // 2 right->wrong (AI wrong, disagreed, switched); 3 right->right (AI right, agreed);
        // 4 wrong->other wrong (AI wrong, disagreed, switched); 5 wrong->right (no AI); 6 right->right (AI agreed)
        assertThat(changes.pairs()).isEqualTo(7);
        assertThat(changes.rightToRight()).isEqualTo(2);
        assertThat(changes.wrongToRight()).isEqualTo(2);
        assertThat(changes.rightToWrong()).isEqualTo(2);
        assertThat(changes.wrongToSameWrong()).isZero();
        assertThat(changes.wrongToOtherWrong()).isEqualTo(1);
        assertThat(changes.aiRightDisagreed()).isEqualTo(1);
        assertThat(changes.aiRightSwitched()).isEqualTo(1);
        assertThat(changes.aiWrongDisagreed()).isEqualTo(2);
        assertThat(changes.aiWrongSwitched()).isEqualTo(2);
        assertThat(changes.aiWrongCases()).isEqualTo(2);
        assertThat(changes.aiWrongUnaidedRight()).isEqualTo(1);
        assertThat(changes.aiWrongAidedRight()).isZero();
        assertThat(changes.gain()).isEqualTo(0.0);
        assertThat(changes.unaidedAccuracy()).isEqualTo(4.0 / 7);
    }

    @Test
    void a_large_study_recovers_the_known_switching_rates_gains_and_group_gains() {
        Simulated s = simulate(3000, 80, 11);
        CollaborationAnalysis.Result result = analyze(s, 400, 5, 0.99);
        assertThat(result.arms()).extracting(CollaborationAnalysis.ArmResult::arm)
                .containsExactly("top1", "probabilities");
        double meanP = (0.525 + 0.75) / 2;
        for (CollaborationAnalysis.ArmResult arm : result.arms()) {
            double f = arm.arm().equals("top1") ? 0.6 : 0.25;
            Truth expected = new Truth(f, meanP);
            assertThat(arm.readers()).isEqualTo(40);
            assertCovers(arm.reliance(), f, 0.02);
            assertCovers(arm.overReliance(), f, 0.03);
            assertCovers(arm.gain(), expected.gain(), 0.02);
            assertCovers(arm.accuracyOnAiWrongAided(), expected.aidedOnAiWrong(), 0.03);
            assertCovers(arm.gainByGroup().get("novice"), new Truth(f, 0.525).gain(), 0.02);
            assertCovers(arm.gainByGroup().get("expert"), new Truth(f, 0.75).gain(), 0.02);
            // The least experienced gain most, as the model says.
            assertThat(arm.gainByGroup().get("novice").value()).isGreaterThan(arm.gainByGroup().get("expert").value());
        }
        int intervals = 0;
        int covering = 0;
        for (CollaborationAnalysis.ArmResult arm : result.arms()) {
            Truth expected = new Truth(arm.arm().equals("top1") ? 0.6 : 0.25, meanP);
            assertThat(arm.classGains()).hasSize(K);
            double meanSensitivityGain = 0;
            for (CollaborationAnalysis.ClassGain c : arm.classGains()) {
                assertThat(c.sensitivityGain().value()).isCloseTo(expected.gain(), within(0.03));
                assertThat(c.specificityGain().value()).isCloseTo(expected.specificityGain(), within(0.01));
                meanSensitivityGain += c.sensitivityGain().value() / K;
                for (var e : List.of(Map.entry(c.sensitivityGain(), expected.gain()),
                        Map.entry(c.specificityGain(), expected.specificityGain()))) {
                    intervals++;
                    covering += e.getKey().lower() <= e.getValue() && e.getValue() <= e.getKey().upper() ? 1 : 0;
                }
            }
            // every reader read every case of every class, so the balanced-accuracy gain is the mean class gain
            assertThat(arm.balancedAccuracyGain().value()).isCloseTo(meanSensitivityGain, within(1e-12));
        }
        // 28 intervals at 99 %: about 0.3 expected to miss; three or more misses would be far out of line
        assertThat(covering).isGreaterThanOrEqualTo(intervals - 2);
        CollaborationAnalysis.ArmDifference difference = result.differences().get(0);
        assertThat(difference.first()).isEqualTo("top1");
        assertThat(difference.second()).isEqualTo("probabilities");
        assertCovers(difference.gainDifference(), new Truth(0.25, meanP).gain() - new Truth(0.6, meanP).gain(), 0.02);
        assertThat(difference.p()).isLessThan(0.001);
    }

    /** Within the tolerance of the truth (law of large numbers) and inside its interval. */
    private static void assertCovers(CollaborationAnalysis.Estimate estimate, double truth, double tolerance) {
        assertThat(estimate.value()).isCloseTo(truth, within(tolerance));
        assertThat(estimate.lower()).isLessThanOrEqualTo(truth);
        assertThat(estimate.upper()).isGreaterThanOrEqualTo(truth);
    }

    @Test
    void the_gain_intervals_cover_the_true_gain_about_as_often_as_they_claim() {
        int studies = 60;
        int gainCovered = 0;
        int differenceCovered = 0;
        double meanP = (0.525 + 0.75) / 2;
        double trueTop1 = new Truth(0.6, meanP).gain();
        double trueDifference = new Truth(0.25, meanP).gain() - trueTop1;
        for (int i = 0; i < studies; i++) {
            CollaborationAnalysis.Result result = analyze(simulate(200, 16, 1000 + i), 300, i, 0.95);
            CollaborationAnalysis.Estimate gain = result.arms().get(0).gain();
            gainCovered += gain.lower() <= trueTop1 && trueTop1 <= gain.upper() ? 1 : 0;
            CollaborationAnalysis.Estimate difference = result.differences().get(0).gainDifference();
            differenceCovered += difference.lower() <= trueDifference && trueDifference <= difference.upper() ? 1 : 0;
        }
        // Nominal 95 %: of 60 studies about 57 cover; below 51 (85 %) is 3.5 binomial SDs too few.
        assertThat(gainCovered).isGreaterThanOrEqualTo(51);
        assertThat(differenceCovered).isGreaterThanOrEqualTo(51);
    }

    @Test
    void the_same_seed_gives_the_same_numbers_on_one_thread_and_on_many() throws Exception {
        Simulated s = simulate(300, 12, 3);
        CollaborationAnalysis.Result parallel = analyze(s, 200, 9, 0.95);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            CollaborationAnalysis.Result serial = single.submit(() -> analyze(s, 200, 9, 0.95)).get();
            assertThat(serial).usingRecursiveComparison().isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
        assertThat(analyze(s, 200, 10, 0.95).arms().get(0).gain())
                .isNotEqualTo(parallel.arms().get(0).gain());
    }

    @Test
    void a_reader_missing_a_phase_is_refused() {
        Simulated s = simulate(50, 4, 1);
        List<ReaderReadings> aided = s.aided().subList(0, 3);
        assertThatThrownBy(() -> CollaborationAnalysis.analyze(K, s.truth(), s.ai(),
                s.unaided(), aided, s.arms(), s.groups(), 10, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reader 3");
    }
}
