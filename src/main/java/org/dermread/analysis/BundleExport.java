package org.dermread.analysis;

/**
 * The export bundle of an analysis, as the results page offers it for download. The {@code export} feature
 * implements it; the page depends on this interface so that {@code analysis} never depends on {@code export}.
 */
public interface BundleExport {

    /** The bundle ZIP of exactly this analysis (the snapshot the page shows). */
    byte[] bundle(StudyAnalysis analysis);

    /** The file name the bundle is offered under. */
    default String fileName(StudyAnalysis analysis) {
        return "dermread-study-" + analysis.studyId() + ".zip";
    }
}
