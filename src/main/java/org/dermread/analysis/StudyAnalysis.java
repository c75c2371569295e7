package org.dermread.analysis;

import org.dermread.analysis.figures.StudyFigures;
import org.dermread.bundle.BundleFiles;
import org.dermread.stats.StudyReport;

/**
 * A study's analysis over one snapshot: the export bundle's data files, the report the statistics compute from
 * exactly those files (as the {@code analyze} command does from the unpacked bundle), {@code metrics.json} and the
 * figures drawn from the same report. Everything here comes from one read of the database.
 */
public final class StudyAnalysis {

    private final StudySnapshot snapshot;
    private final BundleFiles dataFiles;
    private final StudyReport report;
    private final byte[] metricsJson;
    private final StudyFigures figures;

    StudyAnalysis(StudySnapshot snapshot, BundleFiles dataFiles, StudyReport report, byte[] metricsJson,
            StudyFigures figures) {
        this.snapshot = snapshot;
        this.dataFiles = dataFiles;
        this.report = report;
        this.metricsJson = metricsJson.clone();
        this.figures = figures;
    }

    public long studyId() {
        return snapshot.studyId();
    }

    public StudySnapshot snapshot() {
        return snapshot;
    }

    /** The bundle's data files ({@code labels.csv} ... {@code imrmc/}) the report was computed from. */
    public BundleFiles dataFiles() {
        return dataFiles;
    }

    public StudyReport report() {
        return report;
    }

    /** The bundle's {@code metrics.json}. */
    public byte[] metricsJson() {
        return metricsJson.clone();
    }

    public StudyFigures figures() {
        return figures;
    }
}
