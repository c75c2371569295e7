package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** ROC points, AUC ties and the O(N log N) placements against the O(N^2) definition. */
class RocAndDeLongTest {

    @Test
    void placements_by_binary_search_equal_the_quadratic_mann_whitney_definition_with_ties() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] pos = new double[57];
        double[] neg = new double[83];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = rng.nextInt(6) + 1;
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = rng.nextInt(5);
        }
        Placements p = Placements.of(pos, neg);
        double sum = 0;
        for (int i = 0; i < pos.length; i++) {
            double v10 = 0;
            for (double y : neg) {
                v10 += pos[i] > y ? 1 : pos[i] == y ? 0.5 : 0;
            }
            assertThat(p.v10()[i]).isCloseTo(v10 / neg.length, within(1e-15));
            sum += v10;
        }
        assertThat(p.auc()).isCloseTo(sum / (pos.length * neg.length), within(1e-15));
    }

    @Test
    void a_constant_score_gives_an_auc_of_one_half_and_a_two_point_roc() {
        boolean[] truth = {true, false, true, false};
        double[] scores = {0.3, 0.3, 0.3, 0.3};
        assertThat(Placements.of(scores, truth).auc()).isEqualTo(0.5);
        RocCurve roc = RocCurve.of(scores, truth);
        assertThat(roc.points()).hasSize(2);
        assertThat(roc.points().get(0).sensitivity()).isEqualTo(1.0);
        assertThat(roc.points().get(1).threshold()).isInfinite();
    }

    @Test
    void a_perfect_score_has_zero_delong_variance_and_an_interval_clipped_at_one() {
        AucEstimate e = DeLong.estimate(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {true, true, false, false},
                0.95);
        assertThat(e.auc()).isEqualTo(1.0);
        assertThat(e.variance()).isZero();
        assertThat(e.upper()).isEqualTo(1.0);
    }

    @Test
    void sensitivity_at_a_specificity_between_points_is_interpolated_along_the_polyline() {
        // negatives 0.1, 0.2; positives 0.15, 0.3 -> points (spec, sens): (0,1) (0.5,1) (0.5,0.5) (1,0.5) (1,0)
        RocCurve roc = RocCurve.of(new double[] {0.1, 0.2, 0.15, 0.3}, new boolean[] {false, false, true, true});
        assertThat(roc.sensitivityAtSpecificity(0.5)).isEqualTo(1.0);
        assertThat(roc.sensitivityAtSpecificity(0.75)).isEqualTo(0.5);
        assertThat(roc.sensitivityAtSpecificity(0.25)).isEqualTo(1.0);
        assertThat(roc.specificityAtSensitivity(0.5)).isEqualTo(1.0);
        assertThat(roc.specificityAtSensitivity(0.75)).isEqualTo(0.5);
        assertThat(roc.youden().threshold()).isEqualTo(0.15);
    }

    @Test
    void an_auc_needs_both_positive_and_negative_cases() {
        assertThatThrownBy(() -> Placements.of(new double[] {1, 2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_bootstrap_ordering_of_readers_equals_a_full_sort() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(300);
            double[] values = new double[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                values[i] = rng.nextInt(4) == 0 ? 0.5 : rng.nextDouble() * 2 - 1;
                ids[i] = i;
            }
            int[] out = new int[n];
            PanelBootstrapBefore.sortIndices(values, ids, n, out, new int[n + 1]);
            for (int i = 1; i < n; i++) {
                assertThat(values[out[i - 1]]).isLessThanOrEqualTo(values[out[i]]);
            }
            assertThat(Arrays.stream(out).sorted().toArray()).isEqualTo(ids);
        }
    }
}
