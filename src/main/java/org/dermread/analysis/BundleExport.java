package org.dermread.analysis;

import java.util.Locale;

/**
 * The export bundle of an analysis, as the results page offers it for download. The {@code export} feature
 * implements it; the page depends on this interface so that {@code analysis} never depends on {@code export}.
 */
public interface BundleExport {

    /**
     * The bundle ZIP of exactly this analysis (the snapshot the page shows), its plots and report in a language.
     */
    byte[] bundle(StudyAnalysis analysis, Locale locale);

    /** The file name the bundle is offered under. */
    default String fileName(StudyAnalysis analysis) {
        return "dermread-study-" + analysis.studyId() + ".zip";
    }
}
