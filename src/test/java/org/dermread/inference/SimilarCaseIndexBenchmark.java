package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How exact similar-case search scales with the reference library (README, *Arms*): the time of one query and of
 * building the index, for libraries of 1,000 to 20,000 cases of 1,792 features (EfficientNet-b4's embedding), with
 * the ratio to the 1,000-case library in the same run. Prints figures, asserts no time.
 * {@code mvn -Pbenchmark test -Dtest=SimilarCaseIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class SimilarCaseIndexBenchmark {

    static final int FEATURES = 1792;
    static final int QUERIES = 200;

    @Test
    void exact_search_time_grows_linearly_with_the_library() {
        Random random = new Random(18);
        double baseline = 0;
        for (int n : new int[] {1_000, 5_000, 10_000, 20_000}) {
            List<SimilarCaseIndex.Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new SimilarCaseIndex.Entry(i, "lesion-" + i, "MN", vector(random)));
            }
            long b0 = System.nanoTime();
            SimilarCaseIndex index = new SimilarCaseIndex(entries);
            double buildMs = (System.nanoTime() - b0) / 1e6;
            float[][] queries = new float[QUERIES][];
            for (int q = 0; q < QUERIES; q++) {
                queries[q] = vector(random);
            }
            for (int q = 0; q < 20; q++) {
                index.nearest(-1, null, queries[q], 5, Set.of());
            }
            double[] ms = new double[QUERIES];
            for (int q = 0; q < QUERIES; q++) {
                long t0 = System.nanoTime();
                assertThat(index.nearest(-1, null, queries[q], 5, Set.of())).hasSize(5);
                ms[q] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[QUERIES / 2];
            if (baseline == 0) {
                baseline = median;
            }
            System.out.printf(Locale.ROOT, "similar cases: library %,6d x %d features: query median %.2f ms, p95 %.2f"
                    + " ms (x%.1f of 1,000 cases); index built in %.0f ms, %.0f MB of floats%n", n, FEATURES, median,
                    ms[(int) (QUERIES * 0.95)], median / baseline, buildMs, n * (double) FEATURES * 4 / 1e6);
        }
    }

    private static float[] vector(Random random) {
        float[] v = new float[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
