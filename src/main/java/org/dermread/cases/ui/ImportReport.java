package org.dermread.cases.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.ImportResult;
import org.dermread.cases.StudySetLayout;

/**
 * The outcome of an import: what was stored, or the problems with their file and line. The problems are shown in a
 * grid, which sends the browser only the rows in view; the service keeps at most
 * {@value ImportProblems#KEPT_PER_KIND} of each kind and counts the rest, which are listed per kind. A page of one
 * element per problem made a hostile manifest of 500,000 problems fill the heap (issue 12, finding 1).
 */
class ImportReport extends Div {

    /** How a taxonomy is named on the page (its name, code and version); the code alone by default. */
    private final Function<String, String> taxonomyLabel;

    ImportReport() {
        this(Function.identity());
    }

    ImportReport(Function<String, String> taxonomyLabel) {
        this.taxonomyLabel = taxonomyLabel;
        setId("import-report");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
    }

    void success(ImportResult result) {
        removeAll();
        getElement().setAttribute("data-outcome", result.alreadyPresent() ? "unchanged" : "imported");
        Paragraph text = new Paragraph(result.alreadyPresent()
                ? getTranslation("cases.import.unchanged", result.name(), result.cases())
                : getTranslation("cases.import.done", result.name(), result.cases()));
        text.setId("import-outcome");
        text.getStyle().set("color", "var(--lumo-success-text-color)");
        Paragraph taxonomy = new Paragraph(getTranslation("cases.import.taxonomy",
                taxonomyLabel.apply(result.taxonomy())));
        taxonomy.setId("import-taxonomy");
        add(text, layout(result.layout()), taxonomy);
        getElement().setAttribute("data-layout", result.layout().id());
        if (result.skipped() > 0) {
            Paragraph skipped = new Paragraph(getTranslation("cases.import.skipped", result.skipped()));
            skipped.setId("import-skipped");
            add(skipped);
        }
        highlight();
    }

    void failure(ImportFailedException refused) {
        removeAll();
        getElement().setAttribute("data-outcome", "refused");
        H3 title = new H3(getTranslation(refused.messageKey(), refused.arguments()));
        title.setId("import-outcome");
        title.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-l)");
        add(title);
        refused.layout().ifPresent(layout -> {
            add(layout(layout));
            getElement().setAttribute("data-layout", layout.id());
        });

        Grid<ImportProblem> problems = new Grid<>();
        problems.setId("import-problems");
        problems.addColumn(this::where).setHeader(getTranslation("cases.import.where")).setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(this::message).setHeader(getTranslation("cases.import.problem")).setFlexGrow(1);
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setItems(refused.problems());
        if (refused.problems().size() > 12) {
            problems.setHeight("28em");
        } else {
            problems.setAllRowsVisible(true);
        }
        problems.setWidthFull();
        add(problems);

        if (refused.totalProblems() > refused.problems().size()) {
            Paragraph capped = new Paragraph(getTranslation("cases.import.capped", ImportProblems.KEPT_PER_KIND,
                    refused.totalProblems()));
            capped.setId("import-capped");
            UnorderedList kinds = new UnorderedList();
            kinds.setId("import-kinds");
            refused.totalsPerKind().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .forEach(kind -> refused.problems().stream()
                            .filter(problem -> problem.messageKey().equals(kind.getKey())).findFirst()
                            .ifPresent(example -> kinds.add(new ListItem(getTranslation("cases.import.kind-total",
                                    kind.getValue(), message(example))))));
            add(capped, kinds);
        }
        highlight();
    }

    /** Which layout the set was recognised as, so a coordinator sees at once whether it was read as intended. */
    private Paragraph layout(StudySetLayout layout) {
        Paragraph recognised = new Paragraph(getTranslation("cases.import.layout", getTranslation(layout.nameKey())));
        recognised.setId("import-layout");
        return recognised;
    }

    private String where(ImportProblem problem) {
        if (problem.file().isEmpty()) {
            return "";
        }
        return problem.line() > 0 ? getTranslation("cases.import.where-line", problem.file(), problem.line())
                : problem.file();
    }

    private String message(ImportProblem problem) {
        return getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    private void highlight() {
        getStyle().set("border-left", "4px solid " + ("refused".equals(getElement().getAttribute("data-outcome"))
                ? "var(--lumo-error-color)" : "var(--lumo-success-color)")).set("padding-left", "var(--lumo-space-m)");
        scrollIntoView();
    }

    void clear() {
        getStyle().remove("border-left");
        removeAll();
        getElement().removeAttribute("data-outcome");
        getElement().removeAttribute("data-layout");
    }
}
