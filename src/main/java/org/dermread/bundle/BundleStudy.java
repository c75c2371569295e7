package org.dermread.bundle;

import java.util.ArrayList;
import java.util.List;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.StudyAnalyzer;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;

/**
 * The study a bundle holds, with the settings of its {@code analysis.json} and what reading it had to leave out.
 * {@link #analyze} is the one way from a bundle to its {@code metrics.json}: the application's export and the
 * {@code analyze} command both take it, so they agree byte for byte.
 */
public record BundleStudy(StudyData study, AnalysisSettings settings, List<String> notes) {

    public BundleStudy {
        notes = List.copyOf(notes);
    }

    /** The report with the bundle's settings. */
    public StudyReport analyze() {
        return analyze(null, null);
    }

    /**
     * The report, optionally with another number of bootstrap replicates or seed; the reading notes come first in
     * its warnings.
     */
    public StudyReport analyze(Integer bootstrapReplicates, Long seed) {
        AnalysisSettings s = settings.withBootstrap(
                bootstrapReplicates == null ? settings.bootstrapReplicates() : bootstrapReplicates,
                seed == null ? settings.seed() : seed);
        StudyReport report = StudyAnalyzer.analyze(study, s);
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(report.warnings());
        return report.withWarnings(warnings);
    }
}
