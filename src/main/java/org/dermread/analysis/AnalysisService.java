package org.dermread.analysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.analysis.internal.ResultsRepository;
import org.dermread.export.AnalysisRunner;
import org.dermread.export.ExportService;
import org.dermread.export.plots.RocPlot;
import org.dermread.stats.StudyReport;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The human-versus-AI comparison of a study, for statisticians (every study) and the study's coordinators and
 * administrators. The figures come from the statistics engine over the study's export files, so the screen, the
 * exported {@code metrics.json} and a colleague's re-analysis agree.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
public class AnalysisService {

    private final ResultsRepository repository;
    private final ExportService export;
    private final AnalysisRunner runner;

    public AnalysisService(ResultsRepository repository, ExportService export, AnalysisRunner runner) {
        this.repository = repository;
        this.export = export;
        this.runner = runner;
    }

    public List<StudyResultsSummary> studies() {
        boolean all = CurrentUser.hasRole(Role.STATISTICIAN) || CurrentUser.hasRole(Role.ADMIN);
        return repository.studies(all ? null : CurrentUser.username().orElse(""));
    }

    public StudyResultsSummary summary(long studyId) {
        return studies().stream().filter(s -> s.studyId() == studyId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no access to study " + studyId));
    }

    /** The full analysis (cached per study state; the first call for a new state may take seconds). */
    public StudyReport report(long studyId) {
        summary(studyId);
        return runner.report(export.tables(studyId));
    }

    /** The ROC plot of a class in a phase. */
    public RocPlot rocPlot(long studyId, String code, String phase) {
        StudyReport report = report(studyId);
        return RocPlot.of(report, code, phase, code + " (" + phase + ")");
    }

    /** The export bundle with every class's ROC plot (SVG, 300 dpi PNG, PDF) under {@code plots/}. */
    public byte[] bundle(long studyId) {
        StudyReport report = report(studyId);
        Map<String, byte[]> plots = new TreeMap<>();
        for (String phase : report.study().phases()) {
            for (String code : report.study().labels()) {
                RocPlot plot = RocPlot.of(report, code, phase, code + " (" + phase + ")");
                String base = "plots/roc-" + phase + "-" + code;
                plots.put(base + ".svg", plot.svgBytes());
                plots.put(base + ".png", plot.png(300));
                plots.put(base + ".pdf", plot.pdf());
            }
        }
        return export.bundle(studyId, plots);
    }
}
