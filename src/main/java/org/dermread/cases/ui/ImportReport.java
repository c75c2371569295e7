package org.dermread.cases.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportResult;

/** The outcome of an import: what was stored, or every problem with its file and line. */
class ImportReport extends Div {

    ImportReport() {
        setId("import-report");
        setWidthFull();
    }

    void success(ImportResult result) {
        removeAll();
        getElement().setAttribute("data-outcome", result.alreadyPresent() ? "unchanged" : "imported");
        Paragraph text = new Paragraph(result.alreadyPresent()
                ? getTranslation("cases.import.unchanged", result.name(), result.cases())
                : getTranslation("cases.import.done", result.name(), result.cases()));
        text.setId("import-outcome");
        text.getStyle().set("color", "var(--lumo-success-text-color)");
        add(text);
        highlight();
    }

    void failure(ImportFailedException refused) {
        removeAll();
        getElement().setAttribute("data-outcome", "refused");
        H3 title = new H3(getTranslation(refused.messageKey(), refused.arguments()));
        title.setId("import-outcome");
        title.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-l)");
        UnorderedList list = new UnorderedList();
        list.setId("import-problems");
        for (ImportProblem problem : refused.problems()) {
            ListItem item = new ListItem();
            if (!problem.file().isEmpty()) {
                Span where = new Span(problem.line() > 0
                        ? getTranslation("cases.import.where-line", problem.file(), problem.line())
                        : problem.file());
                where.getStyle().set("font-family", "monospace").set("margin-right", "var(--lumo-space-s)");
                item.add(where);
            }
            item.add(new Span(getTranslation(problem.messageKey(), problem.arguments().toArray())));
            list.add(item);
        }
        add(title, list);
        highlight();
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
    }
}
