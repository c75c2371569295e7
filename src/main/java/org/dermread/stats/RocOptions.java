package org.dermread.stats;

import java.util.List;

/**
 * What a ROC table analysis reports beyond the AUC with its DeLong interval.
 *
 * @param confidenceLevel       every interval (e.g. 0.95)
 * @param bootstrapReplicates   replicates of the stratified percentile bootstrap of each AUC; 0 for none
 * @param seed                  seed of that bootstrap
 * @param specificities         targets at which to read the sensitivity (pROC {@code coords(input = "specificity")})
 *                              and the conservative point
 * @param sensitivities         targets at which to read the specificity
 */
public record RocOptions(double confidenceLevel, int bootstrapReplicates, long seed, List<Double> specificities,
                         List<Double> sensitivities) {

    public RocOptions {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidenceLevel);
        }
        if (bootstrapReplicates < 0 || bootstrapReplicates == 1) {
            throw new IllegalArgumentException("bootstrap replicates must be 0 (none) or at least 2");
        }
        specificities = List.copyOf(specificities);
        sensitivities = List.copyOf(sensitivities);
        for (double target : specificities) {
            requireProportion(target, "specificity");
        }
        for (double target : sensitivities) {
            requireProportion(target, "sensitivity");
        }
    }

    /** The confidence level only: no bootstrap, no targets. */
    public static RocOptions level(double confidenceLevel) {
        return new RocOptions(confidenceLevel, 0, 0, List.of(), List.of());
    }

    private static void requireProportion(double target, String what) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException(what + " target must lie in [0, 1]: " + target);
        }
    }
}
