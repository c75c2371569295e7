package org.dermread.stats;

import java.util.List;

/**
 * Settings of an analysis (the bundle's optional analysis.json).
 *
 * @param bootstrapReplicates replicates for the reader-and-case bootstrap (default 2000; 0 turns CIs off)
 * @param seed                seed of the bootstrap (default 20210101); same seed, same numbers
 * @param experienceCutPoints increasing cut points in years (default 3, 10: groups &lt;3, 3-10, &gt;10)
 * @param experienceField     "years_dermatology" (default) or "years_dermoscopy"
 * @param mrmcModalities      the phases compared by MRMC (default unaided and aided when both exist); empty = auto
 * @param confidenceLevel     for every interval (default 0.95)
 * @param specificityTargets  specificities at which the AI's ROC curves are read (sensitivity, conservative point);
 *                            default none
 * @param sensitivityTargets  sensitivities at which the AI's ROC curves are read (specificity, conservative point);
 *                            default none
 * @param grouping            a grouping of the labels (e.g. malignant vs benign) under which the whole analysis is
 *                            repeated; null for none
 */
public record AnalysisSettings(int bootstrapReplicates, long seed, List<Double> experienceCutPoints,
                               String experienceField, List<String> mrmcModalities, double confidenceLevel,
                               List<Double> specificityTargets, List<Double> sensitivityTargets, Grouping grouping) {

    public static final String YEARS_DERMATOLOGY = "years_dermatology";
    public static final String YEARS_DERMOSCOPY = "years_dermoscopy";

    public AnalysisSettings {
        if (bootstrapReplicates < 0) {
            throw new IllegalArgumentException("bootstrap replicates must not be negative");
        }
        experienceCutPoints = List.copyOf(experienceCutPoints);
        for (int i = 1; i < experienceCutPoints.size(); i++) {
            if (!(experienceCutPoints.get(i) > experienceCutPoints.get(i - 1))) {
                throw new IllegalArgumentException("experience cut points must increase");
            }
        }
        if (!YEARS_DERMATOLOGY.equals(experienceField) && !YEARS_DERMOSCOPY.equals(experienceField)) {
            throw new IllegalArgumentException("experience field must be years_dermatology or years_dermoscopy");
        }
        mrmcModalities = List.copyOf(mrmcModalities);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidenceLevel);
        }
        specificityTargets = proportions(specificityTargets, "specificity");
        sensitivityTargets = proportions(sensitivityTargets, "sensitivity");
    }

    /** Without targets and grouping. */
    public AnalysisSettings(int bootstrapReplicates, long seed, List<Double> experienceCutPoints,
                            String experienceField, List<String> mrmcModalities, double confidenceLevel) {
        this(bootstrapReplicates, seed, experienceCutPoints, experienceField, mrmcModalities, confidenceLevel,
                List.of(), List.of(), null);
    }

    /** The defaults: 2000 replicates, seed 20210101, cut points 3 and 10 years of dermatology, 95% intervals. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(2000, 20210101L, List.of(3.0, 10.0), YEARS_DERMATOLOGY, List.of(), 0.95);
    }

    /** These settings with another number of bootstrap replicates and seed. */
    public AnalysisSettings withBootstrap(int replicates, long newSeed) {
        return new AnalysisSettings(replicates, newSeed, experienceCutPoints, experienceField, mrmcModalities,
                confidenceLevel, specificityTargets, sensitivityTargets, grouping);
    }

    /** These settings with another confidence level. */
    public AnalysisSettings withConfidenceLevel(double level) {
        return new AnalysisSettings(bootstrapReplicates, seed, experienceCutPoints, experienceField, mrmcModalities,
                level, specificityTargets, sensitivityTargets, grouping);
    }

    /** These settings with other targets at which the AI's ROC curves are read. */
    public AnalysisSettings withTargets(List<Double> specificities, List<Double> sensitivities) {
        return new AnalysisSettings(bootstrapReplicates, seed, experienceCutPoints, experienceField, mrmcModalities,
                confidenceLevel, specificities, sensitivities, grouping);
    }

    /** These settings with another grouping (null for none). */
    public AnalysisSettings withGrouping(Grouping newGrouping) {
        return new AnalysisSettings(bootstrapReplicates, seed, experienceCutPoints, experienceField, mrmcModalities,
                confidenceLevel, specificityTargets, sensitivityTargets, newGrouping);
    }

    private static List<Double> proportions(List<Double> targets, String what) {
        List<Double> copy = List.copyOf(targets);
        for (double target : copy) {
            if (!(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException(what + " targets must lie in [0, 1]: " + target);
            }
        }
        return copy;
    }
}
