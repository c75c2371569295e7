package org.dermread.analysis.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.dermread.accounts.Role;
import org.dermread.analysis.BundleExport;
import org.dermread.analysis.MalignancyGrouping;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.report.AnalysisWarnings;
import org.dermread.analysis.StudyResultsSummary;
import org.dermread.analysis.StudySnapshot;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.bundle.StudyTables;
import org.dermread.stats.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A study's results: overview, the first table per phase, the ROC plot with every reader's point, per-reader
 * figures, experience groups and confusion matrices, the MRMC comparison of the phases, study sizing with this study
 * as the pilot, the averaged ROC and the t-SNE map; downloads of the figures and of the export bundle. The study is
 * read once and analysed on the application's task executor, off the UI thread; the overview and then the analysis are
 * pushed to the page. The bundle offered here is the bundle of exactly that analysis.
 */
@Route("results/:study(\\d+)")
@RolesAllowed({Role.Names.STATISTICIAN, Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudyResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(StudyResultsView.class);

    private final StudyResultsService results;
    private final BundleExport export;
    private final AsyncTaskExecutor executor;
    private final FigureDownloads downloads;
    private final Div overview = new Div();
    private final Div content = new Div();
    private StudyResultsSummary summary;
    private ResultsOverview shownOverview;

    public StudyResultsView(StudyResultsService results, BundleExport export,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
        this.results = results;
        this.export = export;
        this.executor = executor;
        this.downloads = new FigureDownloads(executor);
        setId("study-results");
        content.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long studyId = Long.parseLong(event.getRouteParameters().get("study").orElseThrow());
        try {
            summary = results.summary(studyId);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        H2 title = new H2(summary.name());
        title.setId("results-title");
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        overview.removeAll();
        content.removeAll();
        content.add(new Paragraph(getTranslation("results.computing")), progress);
        add(title, overview, content);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (summary == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long studyId = summary.studyId();
        Locale locale = getLocale();
        Executor background = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
        CompletableFuture.supplyAsync(() -> analyse(studyId, ui, locale), background)
                .whenComplete((analysis, error) -> ui.access(() -> {
                    if (error != null) {
                        log.error("Analysis of study {} failed", studyId, error);
                        showFailure();
                    } else {
                        show(analysis);
                    }
                }));
    }

    /** Off the UI thread: one snapshot (its overview pushed at once), its analysis and the t-SNE map. */
    private StudyAnalysis analyse(long studyId, UI ui, Locale locale) {
        StudySnapshot snapshot = results.snapshot(studyId);
        String runModel = snapshot.tables().predictions().isEmpty() && results.mayRunModel(studyId)
                ? "inference/study/" + studyId : null;
        ui.access(() -> {
            shownOverview = new ResultsOverview(snapshot, runModel);
            overview.removeAll();
            overview.add(shownOverview);
        });
        StudyAnalysis analysis = results.analyse(snapshot);
        analysis.figures().prepareTsne();
        return analysis;
    }

    private void showFailure() {
        content.removeAll();
        Paragraph failed = new Paragraph(getTranslation("results.failed"));
        failed.setId("results-failed");
        content.add(failed);
    }

    private void show(StudyAnalysis analysis) {
        content.removeAll();
        shownOverview.offerDownloads(analysis, export, executor);
        Locale locale = getLocale();
        StudyReport report = analysis.report();
        StudyFigures figures = analysis.figures();
        if (report.phases().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("results.no-answers"));
            none.setId("results-no-answers");
            content.add(none);
        }
        Map<String, StudyTables.LabelRecord> names = new LinkedHashMap<>();
        analysis.snapshot().tables().labelNames().forEach(label -> names.put(label.code(), label));
        boolean chinese = "zh".equals(locale.getLanguage());
        Function<String, String> classLabel = code -> names.containsKey(code)
                ? code + " · " + (chinese ? names.get(code).nameZh() : names.get(code).nameEn()) : code;
        for (StudyReport.PhaseReport phase : report.phases()) {
            content.add(new H3(getTranslation("results.first-table", phaseName(phase.phase()))),
                    new ClassComparisonTable(report, phase, classLabel));
        }
        showGrouped(report);
        content.add(new RocSection(figures, report.study().labels(), report.study().phases(), downloads));
        report.phases().forEach(phase -> content.add(new PhaseReaderSection(phase)));
        if (report.ai() != null) {
            content.add(new H3(getTranslation("results.confusion.ai")), new ConfusionHeatMap(report.ai().confusion()));
        }
        if (report.mrmc() != null) {
            content.add(new H3(getTranslation("results.mrmc")), new MrmcTable(report.mrmc()));
        }
        if (report.collaboration() != null) {
            content.add(new CollaborationSection(report.collaboration(), classLabel, figures, downloads));
        }
        content.add(new H3(getTranslation("results.sizing")), new SizingSection(results, analysis));
        if (!report.warnings().isEmpty()) {
            content.add(new H3(getTranslation("results.warnings")));
            report.warnings().forEach(w -> content.add(new Paragraph(
                    AnalysisWarnings.inWords(w, this::getTranslation))));
        }
        for (String phase : report.study().phases()) {
            figures.averagedRoc(phase, locale).ifPresent(figure -> content.add(
                    new H3(getTranslation("results.averaged", phaseName(phase))),
                    downloads.box(figure, "roc-average-" + phase, "averaged-roc-" + phase)));
        }
        figures.tsne(locale).ifPresent(figure -> content.add(new H3(getTranslation("results.tsne")),
                new Paragraph(getTranslation("results.tsne.text")), downloads.box(figure, "tsne", "tsne-map")));
    }

    /**
     * Every reader and AI figure again for malignant against benign (the groups of the study's taxonomy), the AI's
     * malignancy score being the sum of its probabilities over the malignant labels.
     */
    private void showGrouped(StudyReport report) {
        StudyReport.GroupedReport grouped = report.grouped();
        if (grouped == null || grouped.phases().isEmpty()) {
            return;
        }
        StudyReport asReport = new StudyReport(report.schemaVersion(), report.settings(), grouped.study(),
                grouped.warnings(), grouped.ai(), grouped.phases(), grouped.mrmc());
        Div section = new Div();
        section.setId("grouped-results");
        section.add(new H3(getTranslation("results.grouped.title")),
                new Paragraph(getTranslation("results.grouped.text", String.join(", ",
                        groupMembers(grouped, MalignancyGrouping.MALIGNANT)), String.join(", ",
                        groupMembers(grouped, MalignancyGrouping.BENIGN)))));
        for (StudyReport.PhaseReport phase : grouped.phases()) {
            ClassComparisonTable table = new ClassComparisonTable(asReport, phase,
                    group -> getTranslation("taxonomy.group." + group), "results.grouped.group");
            table.setId("grouped-table-" + phase.phase());
            section.add(new H3(getTranslation("results.grouped.table", phaseName(phase.phase()))), table);
        }
        if (grouped.mrmc() != null) {
            MrmcTable mrmc = new MrmcTable(grouped.mrmc());
            mrmc.setId("grouped-mrmc-table");
            section.add(new H3(getTranslation("results.grouped.mrmc")), mrmc);
        }
        grouped.warnings().forEach(w -> section.add(new Paragraph(
                AnalysisWarnings.inWords(w, this::getTranslation))));
        content.add(section);
    }

    private static List<String> groupMembers(StudyReport.GroupedReport grouped, String group) {
        return grouped.grouping().groupOf().entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey).toList();
    }

    private String phaseName(String phase) {
        return ResultsCells.phaseName(this, phase);
    }

    @Override
    public String getPageTitle() {
        return summary == null ? getTranslation("statistics.title") : summary.name();
    }
}
