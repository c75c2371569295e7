package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Operating points, coords, bootstrap intervals and paired covariances against pROC 1.18 (generate_reference.R). */
class RocParityTest {

    private static final List<String> SCORES = List.of("model_a", "model_b", "reader");

    /** roc-table.csv: case, truth, then the three score columns. */
    private static double[][] table(boolean[] truthOut) throws IOException {
        String text;
        try (InputStream in = RocParityTest.class.getResourceAsStream("/stats/reference/roc-table.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.strip().split("\n");
        double[][] scores = new double[3][lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            truthOut[i - 1] = f[1].equals("1");
            for (int s = 0; s < 3; s++) {
                scores[s][i - 1] = Double.parseDouble(f[2 + s]);
            }
        }
        return scores;
    }

    @Test
    void youden_and_closest_topleft_points_with_their_tables_match_pROC_coords_best() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        boolean[] truth = new boolean[120];
        double[][] scores = table(truth);
        RocTableReport report = RocTableReport.analyze(SCORES, scores, truth,
                new RocOptions(0.95, 0, 0, List.of(0.5, 0.8, 0.9), List.of(0.5, 0.8, 0.9)));
        for (RocTableReport.Score s : report.scores()) {
            for (OperatingPoint p : s.operatingPoints()) {
                String key = "roc." + s.name() + "." + p.criterion() + ".";
                expected.check(key + "sensitivity", p.sensitivity(), PROPORTION);
                expected.check(key + "specificity", p.specificity(), PROPORTION);
                expected.check(key + "accuracy", p.accuracy(), PROPORTION);
                expected.check(key + "tp", p.truePositives(), 1e-9);
                expected.check(key + "fp", p.falsePositives(), 1e-9);
                expected.check(key + "tn", p.trueNegatives(), 1e-9);
                expected.check(key + "fn", p.falseNegatives(), 1e-9);
                assertThat((double) p.tiedOptima()).isEqualTo(expected.get(key + "ties"));
                assertThat(p.youdenJ()).isCloseTo(p.sensitivity() + p.specificity() - 1, within(1e-15));
            }
            for (RocTableReport.Coordinate c : s.atSpecificity()) {
                expected.check("roc." + s.name() + ".sens_at_spec_" + c.target(), c.value(), PROPORTION);
                // the conservative point reaches the target and is no better than the interpolated reading
                assertThat(c.conservative().specificity()).isGreaterThanOrEqualTo(c.target());
                assertThat(c.conservative().sensitivity()).isLessThanOrEqualTo(c.value() + 1e-12);
            }
            for (RocTableReport.Coordinate c : s.atSensitivity()) {
                expected.check("roc." + s.name() + ".spec_at_sens_" + c.target(), c.value(), PROPORTION);
                assertThat(c.conservative().sensitivity()).isGreaterThanOrEqualTo(c.target());
            }
        }
        for (RocTableReport.Pair p : report.paired()) {
            expected.check("roc." + p.scoreA() + "." + p.scoreB() + ".cov", p.test().covariance(), 1e-12);
            assertThat(p.test().standardError()).isCloseTo(
                    Math.sqrt(p.test().varianceA() + p.test().varianceB() - 2 * p.test().covariance()), within(1e-15));
        }
    }

    @Test
    void tied_optima_are_counted_as_pROC_returns_them() {
        RocCurve roc = RocCurve.of(new double[] {2, 4, 1, 3}, new boolean[] {true, true, false, false});
        List<OperatingPoint> best = roc.optimalPoints();
        assertThat(best.get(0).tiedOptima()).isEqualTo(2);
        assertThat(best.get(1).tiedOptima()).isEqualTo(2);
        assertThat(best.get(0).threshold()).isEqualTo(2.0);
    }

    @Test
    void a_mean_of_readers_fractions_that_misses_a_point_in_the_last_bits_reads_as_that_point() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        double[] scores = new double[20];
        boolean[] truth = new boolean[20];
        double[] positives = {8.2, 8.4, 9.5, 9.5, 9.5, 9.5, 10.5, 10.5, 10.5, 10.5};
        for (int i = 0; i < 10; i++) {
            scores[i] = positives[i];
            truth[i] = true;
            scores[10 + i] = i + 1;
        }
        RocCurve roc = RocCurve.of(scores, truth);
        // three readers with specificities 9/10, 8/10, 7/10: the mean is 0.8 exactly, summed as doubles
        // 0.8000000000000002
        double meanSpecificity = (0.9 + 0.8 + 0.7) / 3;
        assertThat(meanSpecificity).isNotEqualTo(0.8);
        expected.check("vertical.sens_at_spec_0.8", roc.sensitivityAtSpecificity(meanSpecificity), PROPORTION);
        expected.check("vertical.sens_at_spec_0.8", roc.sensitivityAtSpecificity(0.8), PROPORTION);
        assertThat(roc.bestSensitivityAtSpecificity(meanSpecificity).sensitivity()).isEqualTo(1.0);
        assertThat(roc.bestSensitivityAtSpecificity(meanSpecificity).threshold()).isEqualTo(8.2);
        double meanSensitivity = (0.9 + 0.8 + 0.7) / 3;
        expected.check("vertical.spec_at_sens_0.8", roc.specificityAtSensitivity(meanSensitivity), PROPORTION);
        // a target well between points is still interpolated
        assertThat(roc.sensitivityAtSpecificity(0.85)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void the_stratified_bootstrap_interval_agrees_with_pROC_within_monte_carlo_error_and_is_reproducible()
            throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        boolean[] truth = new boolean[120];
        double[][] scores = table(truth);
        for (int s = 0; s < 3; s++) {
            AucBootstrap.Interval ci = AucBootstrap.stratified(scores[s], truth, 20000, 42, 0.95);
            // 20,000 replicates each side: the bounds' Monte Carlo standard error is about 0.001
            assertThat(ci.lower()).as(SCORES.get(s)).isCloseTo(expected.get("roc." + SCORES.get(s) + ".boot_lower"),
                    within(0.006));
            assertThat(ci.upper()).as(SCORES.get(s)).isCloseTo(expected.get("roc." + SCORES.get(s) + ".boot_upper"),
                    within(0.006));
            expected.check("roc." + SCORES.get(s) + ".auc", ci.auc(), STATISTIC);
        }
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            AucBootstrap.Interval parallel = AucBootstrap.stratified(scores[0], truth, 500, 9, 0.9);
            AucBootstrap.Interval serial = single.submit(() -> AucBootstrap.stratified(scores[0], truth, 500, 9, 0.9))
                    .get();
            assertThat(serial).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void a_replicate_auc_from_case_counts_equals_the_auc_of_the_expanded_sample() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] scores = new double[40];
        boolean[] truth = new boolean[40];
        int[] w = new int[40];
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            scores[c] = rng.nextInt(6);
            truth[c] = c % 3 == 0;
            w[c] = rng.nextInt(3);
            for (int copy = 0; copy < w[c]; copy++) {
                (truth[c] ? pos : neg).add(scores[c]);
            }
        }
        Integer[] boxed = IntStream.range(0, 40).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Double.compare(scores[a], scores[b]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        int[] tieEnd = new int[40];
        for (int i = 0; i < 40; ) {
            int j = i;
            while (j < 40 && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            Arrays.fill(tieEnd, i, j, j);
            i = j;
        }
        double expanded = Placements.of(pos.stream().mapToDouble(Double::doubleValue).toArray(),
                neg.stream().mapToDouble(Double::doubleValue).toArray()).auc();
        assertThat(AucBootstrap.weightedAuc(order, tieEnd, truth, w, pos.size(), neg.size()))
                .isCloseTo(expanded, within(1e-15));
    }
}
