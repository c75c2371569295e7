package org.dermread.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dermread.analysis.BundleExport;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.StudySnapshot;
import org.dermread.analysis.figures.FigureFormat;
import org.dermread.analysis.figures.FigureText;
import org.dermread.analysis.report.HtmlReport;
import org.dermread.analysis.report.PdfReport;
import org.dermread.analysis.report.ReportDocument;
import org.dermread.audit.AuditLog;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleFormat;
import org.dermread.bundle.BundleManifest;
import org.dermread.bundle.BundleWriter;
import org.dermread.studies.StudyAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A study's export bundle (a ZIP): the data files and {@code metrics.json} of one analysis, every figure as SVG,
 * 300 dpi PNG and PDF, the study report ({@code report.pdf} and {@code report.html}) in the requester's language,
 * the data dictionary and the manifest. Readers appear only as {@code R001}, ...; names and logins never leave the
 * database. Only statisticians, administrators and the study's own coordinators may export; every export is audited.
 * An unchanged study exports to identical files apart from the manifest's time.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
public class ExportService implements BundleExport {

    private final StudyResultsService results;
    private final StudyAccess access;
    private final AuditLog audit;
    private final String version;

    public ExportService(StudyResultsService results, StudyAccess access, AuditLog audit,
            @Value("${dermread.version:unknown}") String version) {
        this.results = results;
        this.access = access;
        this.audit = audit;
        this.version = version;
    }

    /** The bundle of the study as it is now (one snapshot, analysed), plots and report in English. */
    public byte[] bundle(long studyId) {
        return bundle(studyId, FigureText.ENGLISH);
    }

    /** The bundle of the study as it is now, plots and report in a language. */
    public byte[] bundle(long studyId, Locale locale) {
        StudySnapshot snapshot = results.snapshot(studyId);
        return bundle(results.analyse(snapshot), locale);
    }

    /** The bundle of exactly this analysis, e.g. the one a results page shows. */
    @Override
    public byte[] bundle(StudyAnalysis analysis, Locale locale) {
        access.requireMayReadResults(analysis.studyId());
        Locale language = FigureText.supported(locale);
        Map<String, byte[]> written = new LinkedHashMap<>();
        analysis.figures().bundleFigures(language).forEach((name, figure) -> {
            for (FigureFormat format : FigureFormat.values()) {
                written.put(BundleFormat.PLOTS_FOLDER + format.fileName(name), format.render(figure));
            }
        });
        ReportDocument report = analysis.reportDocument(language);
        written.put(BundleFormat.REPORT_PDF, PdfReport.write(report));
        written.put(BundleFormat.REPORT_HTML, HtmlReport.write(report));
        StudySnapshot snapshot = analysis.snapshot();
        BundleManifest manifest = new BundleManifest("DermRead " + version, Instant.now(), snapshot.studyId(),
                snapshot.name(), snapshot.modelSha256(), snapshot.modelName(), snapshot.modelVersion(),
                language.getLanguage());
        BundleFiles bundle = BundleWriter.complete(analysis.dataFiles(), analysis.metricsJson(), written, manifest);
        audit.record("export.bundle", "study " + snapshot.studyId(), bundle.size() + " files");
        return bundle.zip();
    }
}
