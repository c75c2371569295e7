package org.dermread.studies;

import java.util.List;

/**
 * The arm of a reader in a study with arms: stratified permuted blocks of size k, one block per k readers of an
 * experience group (Altman &amp; Bland, "How to randomise", BMJ 1999;319:703-4; Schulz &amp; Grimes, Lancet
 * 2002;359:515-9), the generalisation to k arms of {@link PhaseOrderAllocation}'s blocks of two. Within a group,
 * readers 1..k get the k arms in a random permutation, readers k+1..2k in another, and so on, so each group is
 * balanced to within one reader per arm at every moment, and exactly after every k-th reader.
 *
 * <p>The permutation of a block depends only on the study's recorded {@code arm_seed}, the group and the block
 * number (SplitMix64, Steele, Lea &amp; Flood, OOPSLA 2014, driving a Fisher-Yates shuffle: fixed arithmetic, the
 * same on every Java version), so the whole allocation is reproduced from the seed and each reader's (group, rank).
 */
public final class ArmAllocation {

    private ArmAllocation() {
    }

    /**
     * @param armSeed the study's {@code arm_seed}
     * @param codes   the study's arm codes in their order (at least one)
     * @param rank    1 for the group's first reader to start, 2 for the second, ...
     */
    public static String armFor(long armSeed, ExperienceGroup group, int rank, List<String> codes) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1: " + rank);
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a study without arms allocates none");
        }
        int k = codes.size();
        int block = (rank - 1) / k;
        return codes.get(permutation(armSeed, group.ordinal(), block, k)[(rank - 1) % k]);
    }

    /** A permutation of 0..k-1 for one block, by Fisher-Yates over a SplitMix64 stream. */
    static int[] permutation(long seed, int group, int block, int k) {
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        long state = seed + 0x9E3779B97F4A7C15L * (1 + group + 3L * block);
        for (int i = k - 1; i > 0; i--) {
            state += 0x9E3779B97F4A7C15L;
            int j = (int) Long.remainderUnsigned(mix(state), i + 1L);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
