package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exact nearest-neighbour retrieval against a brute-force cosine ranking computed here in double precision. */
class SimilarCaseIndexTest {

    private static List<SimilarCaseIndex.Entry> library(int n, int d, long seed) {
        Random random = new Random(seed);
        List<SimilarCaseIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] e = new float[d];
            for (int j = 0; j < d; j++) {
                e[j] = (float) random.nextGaussian();
            }
            // Lesions of two images each: cases 2m and 2m+1 share lesion m.
            entries.add(new SimilarCaseIndex.Entry(1000 + i, "L" + i / 2, "D" + i % 7, e));
        }
        return entries;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void returns_the_k_most_similar_cases_in_order_as_a_brute_force_ranking_does() {
        List<SimilarCaseIndex.Entry> entries = library(500, 64, 1);
        SimilarCaseIndex index = new SimilarCaseIndex(entries);
        Random random = new Random(2);
        for (int q = 0; q < 20; q++) {
            float[] query = new float[64];
            for (int j = 0; j < query.length; j++) {
                query[j] = (float) random.nextGaussian();
            }
            List<SimilarCaseIndex.Entry> ranked = entries.stream()
                    .sorted(Comparator.comparingDouble((SimilarCaseIndex.Entry e) -> -cosine(query, e.embedding())))
                    .toList();
            List<SimilarCaseIndex.Match> matches = index.nearest(-1, null, query, 5, Set.of());
            assertThat(matches).extracting(SimilarCaseIndex.Match::caseId)
                    .containsExactlyElementsOf(ranked.subList(0, 5).stream().map(SimilarCaseIndex.Entry::caseId)
                            .toList());
            for (int i = 0; i < 5; i++) {
                assertThat(matches.get(i).similarity()).isCloseTo(cosine(query, ranked.get(i).embedding()),
                        within(1e-5));
                assertThat(matches.get(i).diagnosis()).isEqualTo(ranked.get(i).diagnosis());
            }
        }
    }

    @Test
    void never_returns_the_case_itself_another_image_of_its_lesion_or_an_excluded_case() {
        List<SimilarCaseIndex.Entry> entries = library(200, 16, 3);
        SimilarCaseIndex index = new SimilarCaseIndex(entries);
        SimilarCaseIndex.Entry self = entries.get(10);
        // Its lesion partner is case 1011; case 1050 stands for a case of the study's own case set.
        List<SimilarCaseIndex.Match> all = index.nearest(self.caseId(), self.lesionId(), self.embedding(), 200,
                Set.of(1050L));
        assertThat(all).extracting(SimilarCaseIndex.Match::caseId).doesNotContain(1010L, 1011L, 1050L)
                .hasSize(197);
        assertThat(all).isSortedAccordingTo(
                Comparator.comparingDouble((SimilarCaseIndex.Match m) -> m.similarity()).reversed());
        // Without the lesion (unknown), the partner may come back, the case itself still not.
        assertThat(index.nearest(self.caseId(), null, self.embedding(), 200, Set.of()))
                .extracting(SimilarCaseIndex.Match::caseId).contains(1011L).doesNotContain(1010L);
    }

    @Test
    void refuses_a_query_of_another_length_and_a_k_below_one() {
        SimilarCaseIndex index = new SimilarCaseIndex(library(10, 8, 4));
        assertThatThrownBy(() -> index.nearest(1, null, new float[7], 3, Set.of()))
                .hasMessageContaining("7 features");
        assertThatThrownBy(() -> index.nearest(1, null, new float[8], 0, Set.of())).hasMessageContaining("k");
        assertThat(new SimilarCaseIndex(List.of()).nearest(1, null, new float[3], 2, Set.of())).isEmpty();
    }
}
