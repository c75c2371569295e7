package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseOrderAllocationTest {

    @Test
    void every_block_of_two_in_a_group_holds_both_orders_so_a_group_never_leans_by_more_than_one() {
        for (long seed = -500; seed < 500; seed++) {
            for (ExperienceGroup group : ExperienceGroup.values()) {
                int difference = 0;
                for (int rank = 1; rank <= 40; rank++) {
                    difference += PhaseOrderAllocation.orderFor(seed, group, rank) == PhaseOrder.AIDED_FIRST ? 1 : -1;
                    assertThat(Math.abs(difference)).isLessThanOrEqualTo(1);
                    if (rank % 2 == 0) {
                        assertThat(difference).isZero();
                    }
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_sequence_and_seeds_and_groups_give_different_ones() {
        List<PhaseOrder> a = sequence(42L, ExperienceGroup.EXPERT);
        assertThat(sequence(42L, ExperienceGroup.EXPERT)).isEqualTo(a);
        assertThat(sequence(43L, ExperienceGroup.EXPERT)).isNotEqualTo(a);
        assertThat(sequence(42L, ExperienceGroup.BEGINNER)).isNotEqualTo(a);
    }

    @Test
    void which_order_leads_a_block_is_a_fair_coin_over_seeds_and_blocks() {
        int aidedFirst = 0;
        int blocks = 0;
        for (long seed = 0; seed < 2000; seed++) {
            for (int rank = 1; rank <= 19; rank += 2) {
                blocks++;
                if (PhaseOrderAllocation.orderFor(seed * 7919L, ExperienceGroup.INTERMEDIATE, rank)
                        == PhaseOrder.AIDED_FIRST) {
                    aidedFirst++;
                }
            }
        }
        // 20,000 fair coins: 0.5 +- 0.0035 (SD); 0.48-0.52 is beyond 5 SD.
        assertThat((double) aidedFirst / blocks).isBetween(0.48, 0.52);
    }

    @Test
    void ranks_start_at_one() {
        assertThatThrownBy(() -> PhaseOrderAllocation.orderFor(1L, ExperienceGroup.EXPERT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void experience_groups_use_the_analysis_cut_points() {
        assertThat(group(0)).isEqualTo(ExperienceGroup.BEGINNER);
        assertThat(group(2)).isEqualTo(ExperienceGroup.BEGINNER);
        assertThat(group(3)).isEqualTo(ExperienceGroup.INTERMEDIATE);
        assertThat(group(10)).isEqualTo(ExperienceGroup.INTERMEDIATE);
        assertThat(group(11)).isEqualTo(ExperienceGroup.EXPERT);
    }

    private static ExperienceGroup group(int years) {
        return ExperienceGroup.of(new ReaderProfile(years, 0, true, ReaderTitle.ATTENDING, HospitalLevel.TERTIARY));
    }

    private static List<PhaseOrder> sequence(long seed, ExperienceGroup group) {
        List<PhaseOrder> orders = new ArrayList<>();
        for (int rank = 1; rank <= 30; rank++) {
            orders.add(PhaseOrderAllocation.orderFor(seed, group, rank));
        }
        return orders;
    }
}
