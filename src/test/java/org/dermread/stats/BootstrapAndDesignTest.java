package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/** Reproducibility of the bootstrap and designs beyond two modalities. */
class BootstrapAndDesignTest {

    private static StudyData smallStudy() {
        SplittableRandom rng = new SplittableRandom(3);
        int cases = 60;
        int readers = 7;
        int[] truth = new int[cases];
        List<String> ids = new ArrayList<>();
        double[][] ai = new double[cases][3];
        for (int c = 0; c < cases; c++) {
            truth[c] = rng.nextInt(3);
            ids.add("c" + c);
            for (int k = 0; k < 3; k++) {
                ai[c][k] = rng.nextDouble() + (k == truth[c] ? 0.6 : 0);
            }
        }
        List<StudyReader> people = new ArrayList<>();
        List<ReaderReadings> answers = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            people.add(new StudyReader("r" + r, r * 3, r, "", "", ""));
            int[] cs = new int[cases - r];
            int[] labels = new int[cases - r];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = i + r;
                labels[i] = rng.nextDouble() < 0.7 ? truth[cs[i]] : rng.nextInt(3);
            }
            answers.add(new ReaderReadings(r, cs, labels, new int[cs.length]));
        }
        return new StudyData(List.of("A", "B", "C"), ids, truth, people,
                List.of(new PhaseReadings("unaided", answers)), ai);
    }

    @Test
    void bootstrap_intervals_do_not_depend_on_the_number_of_threads() throws Exception {
        StudyData study = smallStudy();
        AnalysisSettings settings = new AnalysisSettings(300, 11, List.of(3.0, 10.0), "years_dermatology",
                List.of(), 0.95);
        StudyReport parallel = StudyAnalyzer.analyze(study, settings);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            StudyReport serial = single.submit(() -> StudyAnalyzer.analyze(study, settings)).get();
            StudyReport.PanelSummary a = parallel.phases().get(0).panel();
            StudyReport.PanelSummary b = serial.phases().get(0).panel();
            assertThat(b.accuracy()).isEqualTo(a.accuracy());
            assertThat(b.perClass()).isEqualTo(a.perClass());
            assertThat(serial.phases().get(0).experienceGroups())
                    .isEqualTo(parallel.phases().get(0).experienceGroups());
            assertThat(serial.phases().get(0).aiComparison().operatingPoints())
                    .isEqualTo(parallel.phases().get(0).aiComparison().operatingPoints());
        } finally {
            single.shutdown();
        }
        assertThat(parallel.phases().get(0).panel().accuracy().meanLower()).isFinite();
    }

    @Test
    void count_based_replicates_equal_the_previous_case_by_case_bootstrap_bit_for_bit() {
        StudyData study = smallStudy();
        int k = study.labels().size();
        List<ReaderReadings> readers = study.phases().get(0).readers();
        // panel, then two disjoint groups that leave reader 6 out; readers read different case sets, AI scores tie
        int[][] groups = {{0, 1, 2, 3, 4, 5, 6}, {0, 2, 4}, {1, 3, 5}};
        double[][] probabilities = study.aiProbabilities();
        for (double[] row : probabilities) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.round(row[c] * 5) / 5.0;
            }
        }
        StudyData tied = new StudyData(study.labels(), study.caseIds(), study.truth(), study.readers(),
                study.phases(), probabilities);
        List<PanelBootstrap.AiClassScores> ai = AiAnalysis.classScores(tied);
        PanelBootstrap.Replicates before = PanelBootstrapBefore.run(k, study.truth(), readers, groups, ai, 257, 99);
        PanelBootstrap.Replicates now = PanelBootstrap.run(k, study.truth(), readers, groups, ai, 257, 99);
        assertThat(now.panel()).isDeepEqualTo(before.panel());
        assertThat(now.aiSensitivityAtMeanSpecificity()).isDeepEqualTo(before.aiSensitivityAtMeanSpecificity());
        assertThat(now.aiSpecificityAtMeanSensitivity()).isDeepEqualTo(before.aiSpecificityAtMeanSensitivity());
        assertThat(now.panel()[1][ReaderFigures.ACCURACY][PanelBootstrap.MEDIAN]).doesNotContain(Double.NaN);
    }

    @Test
    void percentile_intervals_by_selection_equal_the_quantiles_of_the_sorted_replicates() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(trial < 200 ? 12 : 3000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // heavy ties, both zeros, NaN (left out), and distinct values
                values[i] = switch (rng.nextInt(6)) {
                    case 0 -> Double.NaN;
                    case 1 -> 0.0;
                    case 2 -> -0.0;
                    case 3 -> rng.nextInt(4) / 4.0;
                    default -> rng.nextDouble() * 2 - 1;
                };
            }
            double level = rng.nextBoolean() ? 0.95 : 0.5 + 0.49 * rng.nextDouble();
            double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double alpha = 1 - level;
            double[] expected = {Descriptives.quantileOfSorted(defined, defined.length, alpha / 2),
                    Descriptives.quantileOfSorted(defined, defined.length, 1 - alpha / 2)};
            double[] copy = values.clone();
            double[] interval = PanelBootstrap.percentileInterval(values, level);
            // bit for bit, -0.0 and 0.0 told apart
            assertThat(Double.doubleToRawLongBits(interval[0])).isEqualTo(Double.doubleToRawLongBits(expected[0]));
            assertThat(Double.doubleToRawLongBits(interval[1])).isEqualTo(Double.doubleToRawLongBits(expected[1]));
            assertThat(values).isEqualTo(copy);
        }
    }

    @Test
    void group_medians_by_bucket_counts_equal_the_middle_of_the_sorted_multiset() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int trial = 0; trial < 300; trial++) {
            int r = 1 + rng.nextInt(60);
            double[] values = new double[r];
            int[] groupOf = new int[r];
            int[][] mult = new int[3][r];
            for (int j = 0; j < r; j++) {
                // ties, NaN, values below the key range and values a hair apart inside one bucket
                values[j] = switch (rng.nextInt(5)) {
                    case 0 -> Double.NaN;
                    case 1 -> 0.5;
                    case 2 -> -1.7 + rng.nextDouble();
                    case 3 -> 0.3 + rng.nextInt(3) * 1e-12;
                    default -> rng.nextDouble();
                };
                groupOf[j] = rng.nextInt(3) == 0 ? -1 : 1 + rng.nextInt(2);
                mult[0][j] = rng.nextInt(3);
                if (groupOf[j] > 0) {
                    mult[groupOf[j]][j] = rng.nextInt(3);
                }
            }
            double[] mean = new double[3];
            double[] median = new double[3];
            new GroupSummaries(groupOf, 3).summarize(values, 0, -1, 1, mult, mean, median);
            for (int g = 0; g < 3; g++) {
                List<Double> multiset = new ArrayList<>();
                double sum = 0;
                for (int j = 0; j < r; j++) {
                    for (int copy = 0; copy < mult[g][j] && !Double.isNaN(values[j]); copy++) {
                        multiset.add(values[j]);
                    }
                    if (!Double.isNaN(values[j])) {
                        sum += mult[g][j] * values[j];
                    }
                }
                multiset.sort(null);
                int n = multiset.size();
                if (n == 0) {
                    assertThat(median[g]).isNaN();
                    assertThat(mean[g]).isNaN();
                } else {
                    assertThat(median[g]).isEqualTo((multiset.get((n - 1) / 2) + multiset.get(n / 2)) / 2);
                    assertThat(mean[g]).isEqualTo(sum / n);
                }
            }
        }
    }

    @Test
    void three_modalities_give_one_global_test_and_every_pairwise_difference() {
        SplittableRandom rng = new SplittableRandom(8);
        int cases = 50;
        boolean[] truth = new boolean[cases];
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            truth[c] = c % 3 == 0;
            ids.add("c" + c);
        }
        double[][][] ratings = new double[3][4][cases];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int c = 0; c < cases; c++) {
                    ratings[i][j][c] = rng.nextGaussian() + (truth[c] ? 0.5 + 0.4 * i : 0);
                }
            }
        }
        MrmcData data = new MrmcData(List.of("x", "y", "z"), List.of("1", "2", "3", "4"), ids, truth, ratings);
        OrResult or = ObuchowskiRockette.analyze(data, FigureOfMerit.AUC, CovarianceMethod.JACKKNIFE, 0.95);
        assertThat(or.randomReadersRandomCases().df1()).isEqualTo(2);
        assertThat(or.randomReadersRandomCases().differences()).extracting(OrResult.Difference::modalityA)
                .containsExactly("x", "x", "y");
        assertThat(or.randomReadersRandomCases().p()).isBetween(0.0, 1.0);
        assertThat(or.fixedReadersRandomCases().perReader()).hasSize(12);
    }
}
