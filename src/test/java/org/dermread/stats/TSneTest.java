package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TSneTest {

    /** Two clusters far apart in 10 dimensions, 30 points each. */
    private static double[][] clusters() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] data = new double[60][10];
        for (int i = 0; i < 60; i++) {
            for (int d = 0; d < 10; d++) {
                data[i][d] = (i < 30 ? 0 : 8) + random.nextDouble() - 0.5;
            }
        }
        return data;
    }

    @Test
    void points_of_one_cluster_stay_together_and_apart_from_the_other() {
        double[][] y = TSne.embed(clusters(), 15, 400, 1);

        int agreeing = 0;
        for (int i = 0; i < y.length; i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < y.length; j++) {
                double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            if ((i < 30) == (nearest < 30)) {
                agreeing++;
            }
        }
        assertThat(agreeing).isEqualTo(60);
        double[] a = centroid(y, 0, 30);
        double[] b = centroid(y, 30, 60);
        double between = Math.hypot(a[0] - b[0], a[1] - b[1]);
        double within = 0;
        for (int i = 0; i < 30; i++) {
            within = Math.max(within, Math.hypot(y[i][0] - a[0], y[i][1] - a[1]));
        }
        assertThat(between).isGreaterThan(within);
    }

    @Test
    void the_same_seed_gives_the_same_map() {
        assertThat(TSne.embed(clusters(), 10, 100, 3)).isDeepEqualTo(TSne.embed(clusters(), 10, 100, 3));
    }

    @Test
    void tiny_inputs_are_handled() {
        assertThat(TSne.embed(new double[0][3], 30, 10, 1)).isEmpty();
        assertThat(TSne.embed(new double[][] {{1, 2}, {3, 4}}, 30, 10, 1)).hasNumberOfRows(2);
    }

    private static double[] centroid(double[][] y, int from, int to) {
        double[] c = new double[2];
        for (int i = from; i < to; i++) {
            c[0] += y[i][0] / (to - from);
            c[1] += y[i][1] / (to - from);
        }
        return c;
    }
}
