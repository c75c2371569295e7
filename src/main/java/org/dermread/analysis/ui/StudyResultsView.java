package org.dermread.analysis.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.dermread.accounts.Role;
import org.dermread.analysis.AnalysisService;
import org.dermread.analysis.StudyResultsSummary;
import org.dermread.export.plots.RocPlot;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.ConfusionMatrix;
import org.dermread.stats.OrResult;
import org.dermread.stats.StudyReport;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * A study's results: overview, the first table (per class sensitivity and specificity of the mean reader beside
 * the AI's), per-reader figures, the ROC plot with every reader's point, confusion matrices, experience groups and
 * the MRMC comparison of the phases; downloads of the plots and the export bundle. The analysis runs off the UI
 * thread and is pushed to the page when ready.
 */
@Route("results/:study(\\d+)")
@RolesAllowed({Role.Names.STATISTICIAN, Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudyResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Executor ANALYSES = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "results-analysis");
        thread.setDaemon(true);
        return thread;
    });

    private final AnalysisService analysis;
    private final Div content = new Div();
    private StudyResultsSummary summary;

    public StudyResultsView(AnalysisService analysis) {
        this.analysis = analysis;
        setId("study-results");
        content.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long studyId = Long.parseLong(event.getRouteParameters().get("study").orElseThrow());
        try {
            summary = analysis.summary(studyId);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        H2 title = new H2(summary.name());
        title.setId("results-title");
        add(title, overview(summary), content);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        content.removeAll();
        content.add(new Paragraph(getTranslation("results.computing")), progress);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (summary == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long studyId = summary.studyId();
        CompletableFuture.supplyAsync(() -> analysis.report(studyId), new DelegatingSecurityContextExecutor(ANALYSES))
                .whenComplete((report, error) -> ui.access(() -> {
                    content.removeAll();
                    if (error != null) {
                        Paragraph failed = new Paragraph(getTranslation("results.failed"));
                        failed.setId("results-failed");
                        content.add(failed);
                    } else {
                        show(report);
                    }
                }));
    }

    private Component overview(StudyResultsSummary s) {
        Div overview = new Div();
        overview.addClassName("results-overview");
        overview.setId("results-overview");
        overview.add(fact("results.status", getTranslation("results.status." + s.status())),
                fact("results.cases", String.valueOf(s.cases())),
                fact("results.labels", String.valueOf(s.labels())),
                fact("results.readers", s.readersFinished() + " / " + s.readers()),
                fact("results.model", s.modelSha256() == null ? "–" : s.modelSha256().substring(0, 12) + "…"),
                fact("results.phases", getTranslation(s.aidedPhase() ? "results.phases.two" : "results.phases.one")));
        Button bundle = new Button(getTranslation("results.download.bundle"));
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] zip = analysis.bundle(s.studyId());
            return new DownloadResponse(new ByteArrayInputStream(zip), "dermread-study-" + s.studyId() + ".zip",
                    "application/zip", zip.length);
        }), "");
        download.setId("download-bundle");
        download.getElement().setAttribute("download", true);
        download.add(bundle);
        bundle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        overview.add(download);
        return overview;
    }

    private Component fact(String key, String value) {
        Div fact = new Div(new Span(getTranslation(key)), new Span(value));
        fact.addClassName("results-fact");
        return fact;
    }

    private void show(StudyReport report) {
        if (report.phases().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("results.no-answers"));
            none.setId("results-no-answers");
            content.add(none);
        }
        for (StudyReport.PhaseReport phase : report.phases()) {
            content.add(new H3(getTranslation("results.first-table", phaseName(phase.phase()))));
            content.add(firstTable(report, phase));
        }
        content.add(rocSection(report));
        for (StudyReport.PhaseReport phase : report.phases()) {
            content.add(new H3(getTranslation("results.readers-table", phaseName(phase.phase()))));
            content.add(readerGrid(phase));
            content.add(new H3(getTranslation("results.groups", phaseName(phase.phase()))));
            content.add(groupTable(phase));
            content.add(new H3(getTranslation("results.confusion.readers", phaseName(phase.phase()))));
            content.add(heatMap(phase.pooledConfusion()));
        }
        if (report.ai() != null) {
            content.add(new H3(getTranslation("results.confusion.ai")));
            content.add(heatMap(report.ai().confusion()));
        }
        if (report.mrmc() != null) {
            content.add(new H3(getTranslation("results.mrmc")));
            content.add(mrmc(report.mrmc()));
        }
        if (!report.warnings().isEmpty()) {
            content.add(new H3(getTranslation("results.warnings")));
            report.warnings().forEach(w -> content.add(new Paragraph(w)));
        }
    }

    private Component firstTable(StudyReport report, StudyReport.PhaseReport phase) {
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.setId("first-table-" + phase.phase());
        table.add(header("results.class", "results.reader-sens", "results.reader-spec", "results.ai-sens",
                "results.ai-spec", "results.ai-auc"));
        NativeTableBody body = new NativeTableBody();
        for (String code : report.study().labels()) {
            Optional<StudyReport.ClassPanel> panel = phase.panel().perClass().stream()
                    .filter(c -> c.code().equals(code)).findFirst();
            Optional<ClassMetrics> ai = report.ai() == null ? Optional.empty()
                    : report.ai().perClass().stream().filter(c -> c.code().equals(code)).findFirst();
            Optional<StudyReport.AiClass> aiClass = report.ai() == null ? Optional.empty()
                    : report.ai().classes().stream().filter(c -> c.code().equals(code)).findFirst();
            body.add(row(code,
                    panel.map(p -> estimate(p.sensitivity())).orElse("–"),
                    panel.map(p -> estimate(p.specificity())).orElse("–"),
                    ai.map(m -> percent(m.sensitivity())).orElse("–"),
                    ai.map(m -> percent(m.specificity())).orElse("–"),
                    aiClass.filter(c -> c.auc() != null).map(c -> String.format(Locale.ROOT, "%.3f (%.3f–%.3f)",
                            c.auc().auc(), c.auc().lower(), c.auc().upper())).orElse("–")));
        }
        body.add(row(getTranslation("results.accuracy"), estimate(phase.panel().accuracy()), "",
                report.ai() == null ? "–" : percent(report.ai().top1Accuracy()), "",
                report.ai() == null ? "–" : String.format(Locale.ROOT, "macro %.3f", report.ai().macroAuc())));
        if (phase.fleissKappa() != null) {
            body.add(row(getTranslation("results.fleiss"),
                    String.format(Locale.ROOT, "%.3f", phase.fleissKappa().kappa()), "", "", "", ""));
        }
        table.add(body);
        return table;
    }

    private Component rocSection(StudyReport report) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(getTranslation("results.roc")));
        if (report.study().labels().isEmpty() || report.phases().isEmpty()) {
            return section;
        }
        Select<String> code = new Select<>();
        code.setLabel(getTranslation("results.class"));
        code.setItems(report.study().labels());
        code.setValue(report.study().labels().get(0));
        code.setId("roc-class");
        Select<String> phase = new Select<>();
        phase.setLabel(getTranslation("results.phase"));
        phase.setItems(report.study().phases());
        phase.setItemLabelGenerator(this::phaseName);
        phase.setValue(report.study().phases().get(0));
        Div plot = new Div();
        plot.setId("roc-plot");
        plot.addClassName("roc-plot");
        HorizontalLayout downloads = new HorizontalLayout();
        Runnable draw = () -> {
            long studyId = summary.studyId();
            String c = code.getValue();
            String p = phase.getValue();
            Supplier<RocPlot> rocPlot = () -> RocPlot.of(report, c, p, c + " (" + p + ")");
            RocPlot shown = rocPlot.get();
            plot.removeAll();
            Image image = new Image(download(shown.svgBytes(), "roc-" + p + "-" + c + ".svg", "image/svg+xml"),
                    getTranslation("results.roc"));
            image.setId("roc-image");
            plot.add(image);
            downloads.removeAll();
            downloads.add(link(shown.svgBytes(), "roc-" + p + "-" + c + ".svg", "image/svg+xml", "SVG"),
                    link(shown.png(300), "roc-" + p + "-" + c + ".png", "image/png", "PNG 300 dpi"),
                    link(shown.pdf(), "roc-" + p + "-" + c + ".pdf", "application/pdf", "PDF"));
            plot.getElement().setAttribute("data-reader-points", String.valueOf(shown.readerPoints()));
            plot.getElement().setAttribute("data-study", String.valueOf(studyId));
        };
        code.addValueChangeListener(e -> draw.run());
        phase.addValueChangeListener(e -> draw.run());
        draw.run();
        section.add(new HorizontalLayout(code, phase), plot, downloads);
        return section;
    }

    private static DownloadHandler download(byte[] bytes, String name, String type) {
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes), name,
                type, bytes.length));
    }

    private static Anchor link(byte[] bytes, String name, String type, String text) {
        Anchor anchor = new Anchor(download(bytes, name, type), text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private Component readerGrid(StudyReport.PhaseReport phase) {
        Grid<StudyReport.ReaderReport> grid = new Grid<>();
        grid.setId("reader-grid-" + phase.phase());
        var id = grid.addColumn(StudyReport.ReaderReport::readerId).setHeader(getTranslation("results.reader"))
                .setSortable(true);
        grid.addColumn(StudyReport.ReaderReport::experienceGroup).setHeader(getTranslation("results.group"))
                .setSortable(true);
        grid.addColumn(StudyReport.ReaderReport::cases).setHeader(getTranslation("results.cases")).setSortable(true);
        grid.addColumn(r -> percent(r.accuracy())).setHeader(getTranslation("results.accuracy"))
                .setComparator(StudyReport.ReaderReport::accuracy).setSortable(true);
        grid.addColumn(r -> percent(r.balancedAccuracy())).setHeader(getTranslation("results.balanced"))
                .setComparator(StudyReport.ReaderReport::balancedAccuracy).setSortable(true);
        grid.addColumn(r -> r.kappa() == null ? "–" : String.format(Locale.ROOT, "%.3f", r.kappa().kappa()))
                .setHeader("κ");
        grid.setItems(phase.readerResults());
        grid.sort(List.of(new GridSortOrder<>(id, com.vaadin.flow.data.provider.SortDirection.ASCENDING)));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(phase.readerResults().size() <= 20);
        if (phase.readerResults().size() > 20) {
            grid.setHeight("30em");
        }
        return grid;
    }

    private Component groupTable(StudyReport.PhaseReport phase) {
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.add(header("results.group", "results.readers", "results.accuracy", "results.balanced"));
        NativeTableBody body = new NativeTableBody();
        body.add(row(phase.panel().group(), String.valueOf(phase.panel().readers()),
                estimate(phase.panel().accuracy()), estimate(phase.panel().balancedAccuracy())));
        for (StudyReport.PanelSummary group : phase.experienceGroups()) {
            body.add(row(group.group(), String.valueOf(group.readers()), estimate(group.accuracy()),
                    estimate(group.balancedAccuracy())));
        }
        table.add(body);
        return table;
    }

    private Component heatMap(ConfusionMatrix matrix) {
        NativeTable table = new NativeTable();
        table.addClassName("heat-map");
        List<String> labels = matrix.labels();
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(getTranslation("results.truth-chosen")));
        labels.forEach(l -> head.add(new NativeTableHeaderCell(l)));
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        table.add(header);
        NativeTableBody body = new NativeTableBody();
        double[][] counts = matrix.counts();
        for (int t = 0; t < labels.size(); t++) {
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(labels.get(t)));
            double total = 0;
            for (int c = 0; c < labels.size(); c++) {
                total += counts[t][c];
            }
            for (int c = 0; c < labels.size(); c++) {
                double count = counts[t][c];
                NativeTableCell cell = new NativeTableCell(count == Math.rint(count)
                        ? String.valueOf((long) count) : String.format(Locale.ROOT, "%.1f", count));
                double share = total == 0 ? 0 : count / total;
                cell.getStyle().set("background", String.format(Locale.ROOT, "rgba(31, 78, 121, %.2f)", share));
                if (share > 0.5) {
                    cell.getStyle().set("color", "white");
                }
                row.add(cell);
            }
            body.add(row);
        }
        table.add(body);
        return table;
    }

    private Component mrmc(StudyReport.MrmcReport mrmc) {
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.setId("mrmc-table");
        table.add(header("results.figure", "results.mrmc.modalities", "results.mrmc.difference", "results.mrmc.f",
                "results.mrmc.p"));
        NativeTableBody body = new NativeTableBody();
        body.add(mrmcRow(getTranslation("results.accuracy"), mrmc.accuracy()));
        for (StudyReport.MrmcClass c : mrmc.classes()) {
            body.add(mrmcRow("AUC " + c.code(), c.auc()));
        }
        table.add(body);
        return table;
    }

    private NativeTableRow mrmcRow(String figure, StudyReport.MrmcFom fom) {
        OrResult or = fom == null ? null : fom.jackknife() != null ? fom.jackknife() : fom.delong();
        if (or == null) {
            return row(figure, fom == null || fom.note() == null ? "–" : fom.note(), "", "", "");
        }
        var test = or.randomReadersRandomCases();
        String modalities = String.join(" · ", or.modalities());
        String difference = test.differences().isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f (%.3f–%.3f)",
                test.differences().get(0).estimate(), test.differences().get(0).lower(),
                test.differences().get(0).upper());
        return row(figure, modalities, difference,
                String.format(Locale.ROOT, "F(%.0f, %.1f) = %.2f", test.df1(), test.df2(), test.statistic()),
                String.format(Locale.ROOT, "%.4f", test.p()));
    }

    private NativeTableHeader header(String... keys) {
        NativeTableRow row = new NativeTableRow();
        for (String key : keys) {
            row.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        NativeTableHeader header = new NativeTableHeader();
        header.add(row);
        return header;
    }

    private static NativeTableRow row(String... cells) {
        NativeTableRow row = new NativeTableRow();
        for (String cell : cells) {
            row.add(new NativeTableCell(cell));
        }
        return row;
    }

    private String phaseName(String phase) {
        return getTranslation("results.phase." + phase.toLowerCase(Locale.ROOT));
    }

    private static String estimate(StudyReport.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) {
            return "–";
        }
        if (Double.isNaN(e.meanLower())) {
            return percent(e.mean());
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f)", 100 * e.mean(), 100 * e.meanLower(),
                100 * e.meanUpper());
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    @Override
    public String getPageTitle() {
        return summary == null ? getTranslation("statistics.title") : summary.name();
    }
}
