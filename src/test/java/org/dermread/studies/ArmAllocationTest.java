package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArmAllocationTest {

    static final List<String> THREE = List.of("A", "B", "C");

    @Test
    void every_block_of_k_readers_of_a_group_gets_each_arm_once() {
        for (long seed : new long[] {0L, 1L, -7L, Long.MAX_VALUE, 0x5DEECE66DL}) {
            for (ExperienceGroup group : ExperienceGroup.values()) {
                for (int block = 0; block < 50; block++) {
                    Map<String, Integer> counts = new HashMap<>();
                    for (int position = 1; position <= 3; position++) {
                        counts.merge(ArmAllocation.armFor(seed, group, block * 3 + position, THREE), 1, Integer::sum);
                    }
                    assertThat(counts).containsOnlyKeys(THREE).containsValues(1, 1, 1);
                }
            }
        }
    }

    @Test
    void the_sequence_depends_only_on_seed_group_and_rank_and_differs_between_seeds_and_groups() {
        List<String> first = sequence(42L, ExperienceGroup.BEGINNER, 60);
        assertThat(sequence(42L, ExperienceGroup.BEGINNER, 60)).isEqualTo(first);
        assertThat(sequence(43L, ExperienceGroup.BEGINNER, 60)).isNotEqualTo(first);
        assertThat(sequence(42L, ExperienceGroup.EXPERT, 60)).isNotEqualTo(first);
    }

    @Test
    void over_many_blocks_each_arm_leads_a_block_about_equally_often() {
        // 3,000 blocks: each arm first in about 1,000 (binomial sd about 26); a biased shuffle would drift far more.
        Map<String, Integer> leads = new HashMap<>();
        for (int block = 0; block < 3000; block++) {
            leads.merge(ArmAllocation.armFor(2026L, ExperienceGroup.INTERMEDIATE, block * 3 + 1, THREE), 1,
                    Integer::sum);
        }
        assertThat(leads.values()).allSatisfy(n -> assertThat(n).isBetween(880, 1120));
    }

    @Test
    void one_arm_is_every_readers_and_a_rank_below_one_or_no_arms_are_refused() {
        assertThat(sequence(5L, ExperienceGroup.EXPERT, 7, List.of("A"))).containsOnly("A");
        assertThatThrownBy(() -> ArmAllocation.armFor(5L, ExperienceGroup.EXPERT, 0, THREE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmAllocation.armFor(5L, ExperienceGroup.EXPERT, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> sequence(long seed, ExperienceGroup group, int n) {
        return sequence(seed, group, n, THREE);
    }

    private static List<String> sequence(long seed, ExperienceGroup group, int n, List<String> arms) {
        return IntStream.rangeClosed(1, n).mapToObj(rank -> ArmAllocation.armFor(seed, group, rank,
                arms)).toList();
    }
}
