package org.dermread.analysis;

import java.util.Locale;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.analysis.report.HtmlReport;
import org.dermread.analysis.report.PdfReport;
import org.dermread.analysis.report.ReportDocument;
import org.dermread.analysis.report.StudyReportDocument;
import org.dermread.analysis.report.StudyReportDocument.ReportInput;
import org.dermread.bundle.BundleFiles;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;

/**
 * A study's analysis over one snapshot: the export bundle's data files, the report the statistics compute from
 * exactly those files (as the {@code analyze} command does from the unpacked bundle), {@code metrics.json} and the
 * figures drawn from the same report. Everything here comes from one read of the database.
 */
public final class StudyAnalysis {

    private final StudySnapshot snapshot;
    private final BundleFiles dataFiles;
    private final StudyData study;
    private final StudyReport report;
    private final byte[] metricsJson;
    private final StudyFigures figures;

    StudyAnalysis(StudySnapshot snapshot, BundleFiles dataFiles, StudyData study, StudyReport report,
            byte[] metricsJson, StudyFigures figures) {
        this.snapshot = snapshot;
        this.dataFiles = dataFiles;
        this.study = study;
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

    /** The study as the statistics read it from the data files. */
    public StudyData study() {
        return study;
    }

    /** What the study report is written from: this analysis, its data files and the study's facts. */
    public ReportInput reportInput() {
        return ReportInput.of(snapshot.name(), snapshot.modelSha256(), snapshot.modelName(), snapshot.modelVersion(),
                study, report, metricsJson, dataFiles);
    }

    /** The study report in a language (CPU work: it draws the figures). */
    public ReportDocument reportDocument(Locale locale) {
        return StudyReportDocument.of(reportInput(), locale);
    }

    /** The study report as PDF. */
    public byte[] reportPdf(Locale locale) {
        return PdfReport.write(reportDocument(locale));
    }

    /** The study report as HTML (the editable twin of the PDF). */
    public byte[] reportHtml(Locale locale) {
        return HtmlReport.write(reportDocument(locale));
    }
}
