package org.dermread.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.dermread.stats.StudyReport;

/** The readers of one phase: a sortable per-reader table, the experience groups and the pooled confusion matrix. */
final class PhaseReaderSection extends VerticalLayout {

    /** Above this many readers the table scrolls instead of growing. */
    private static final int ROWS_SHOWN = 20;

    PhaseReaderSection(StudyReport.PhaseReport phase) {
        setPadding(false);
        String name = ResultsCells.phaseName(this, phase.phase());
        add(new H3(getTranslation("results.readers-table", name)), readerGrid(phase),
                new H3(getTranslation("results.groups", name)), groupTable(phase),
                new H3(getTranslation("results.confusion.readers", name)),
                new ConfusionHeatMap(phase.pooledConfusion()));
    }

    private Grid<StudyReport.ReaderReport> readerGrid(StudyReport.PhaseReport phase) {
        Grid<StudyReport.ReaderReport> grid = new Grid<>();
        grid.setId("reader-grid-" + phase.phase());
        var id = grid.addColumn(StudyReport.ReaderReport::readerId).setHeader(getTranslation("results.reader"))
                .setSortable(true);
        grid.addColumn(StudyReport.ReaderReport::experienceGroup).setHeader(getTranslation("results.group"))
                .setSortable(true);
        grid.addColumn(StudyReport.ReaderReport::cases).setHeader(getTranslation("results.cases")).setSortable(true);
        grid.addColumn(r -> ResultsCells.percent(this, r.accuracy(), "results.reason.no-answers").text())
                .setHeader(getTranslation("results.accuracy"))
                .setComparator(StudyReport.ReaderReport::accuracy).setSortable(true);
        grid.addColumn(r -> ResultsCells.percent(this, r.balancedAccuracy(), "results.reason.no-answers").text())
                .setHeader(getTranslation("results.balanced"))
                .setComparator(StudyReport.ReaderReport::balancedAccuracy).setSortable(true);
        grid.addColumn(r -> r.kappa() == null ? ResultsCells.numbers(this).notEstimable()
                : ResultsCells.numbers(this).decimal(r.kappa().kappa()))
                .setHeader(getTranslation("results.kappa-truth"));
        grid.setItems(phase.readerResults());
        grid.sort(List.of(new GridSortOrder<>(id, SortDirection.ASCENDING)));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        boolean many = phase.readerResults().size() > ROWS_SHOWN;
        grid.setAllRowsVisible(!many);
        if (many) {
            grid.setHeight("30em");
        }
        return grid;
    }

    private NativeTable groupTable(StudyReport.PhaseReport phase) {
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.add(ResultsCells.header(this, "results.group", "results.readers.count", "results.accuracy",
                "results.balanced"));
        NativeTableBody body = new NativeTableBody();
        body.add(groupRow(phase.panel()));
        phase.experienceGroups().forEach(group -> body.add(groupRow(group)));
        table.add(body);
        return table;
    }

    private NativeTableRow groupRow(StudyReport.PanelSummary group) {
        String name = "all".equals(group.group()) ? getTranslation("results.group.all") : group.group();
        return ResultsCells.row(name, String.valueOf(group.readers()),
                ResultsCells.estimate(this, group.accuracy(), "results.reason.no-answers"),
                ResultsCells.estimate(this, group.balancedAccuracy(), "results.reason.no-answers"));
    }
}
