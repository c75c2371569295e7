package org.dermread.studies.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.dermread.cases.Diagnosis;
import org.dermread.studies.CaseSelection;

/** Per class of the label set: cases available in the library and cases chosen; and the total chosen. */
class DistributionTable extends Div {

    /** One line of the table. */
    record Row(String code, String label, int available, int chosen) {
    }

    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private final Span total = new Span();

    DistributionTable() {
        grid.setId("distribution");
        grid.addColumn(Row::label).setHeader(getTranslation("cases.field.diagnosis")).setAutoWidth(true)
                .setFlexGrow(3);
        grid.addColumn(Row::available).setHeader(getTranslation("studies.designer.available")).setAutoWidth(true);
        grid.addColumn(Row::chosen).setHeader(getTranslation("studies.designer.chosen")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setMaxWidth("44em");
        total.setId("chosen-total");
        add(grid, total);
    }

    /** @param labels the label set in taxonomy order; {@code selection} may be null (nothing chosen yet) */
    void show(List<Diagnosis> labels, Map<String, Integer> available, CaseSelection selection) {
        List<Row> rows = labels.stream().map(d -> new Row(d.code(), d.label(getLocale()),
                available.getOrDefault(d.code(), 0),
                selection == null ? 0 : selection.distribution().getOrDefault(d.code(), 0))).toList();
        grid.setItems(rows);
        total.setText(getTranslation("studies.designer.total", selection == null ? 0 : selection.caseIds().size(),
                rows.size()));
    }
}
