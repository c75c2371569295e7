package org.dermread.studies;

/**
 * The phase order of a reader in a study that randomises it: stratified permuted blocks of two (Altman &amp;
 * Bland, "How to randomise", BMJ 1999;319:703-4; Schulz &amp; Grimes, "Generation of allocation sequences in
 * randomised trials: chance, not choice", Lancet 2002;359:515-9). The strata are the {@link ExperienceGroup}s:
 * within a group, readers 1 and 2 get the two orders in a random arrangement, readers 3 and 4 likewise, and so on,
 * so each group is balanced to within one reader at every moment, and exactly after every second reader.
 *
 * <p>The arrangement of a block depends only on the study's recorded seed, the group and the block number, so the
 * whole sequence can be reproduced from the seed and each reader's (group, rank).
 */
public final class PhaseOrderAllocation {

    private PhaseOrderAllocation() {
    }

    /**
     * @param studySeed the study's {@code phase_order_seed}
     * @param rank      1 for the group's first reader to start, 2 for the second, ...
     */
    public static PhaseOrder orderFor(long studySeed, ExperienceGroup group, int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1: " + rank);
        }
        int block = (rank - 1) / 2;
        PhaseOrder lead = mix(studySeed, group.ordinal(), block) < 0 ? PhaseOrder.AIDED_FIRST
                : PhaseOrder.UNAIDED_FIRST;
        return (rank - 1) % 2 == 0 ? lead : lead.other();
    }

    /**
     * SplitMix64's finaliser (Steele, Lea &amp; Flood, OOPSLA 2014) over seed, group and block: fixed arithmetic, so
     * the same seed gives the same sequence on every Java version.
     */
    private static long mix(long seed, int group, int block) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + group + 3L * block);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
