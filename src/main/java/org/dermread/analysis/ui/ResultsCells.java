package org.dermread.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.Locale;
import org.dermread.analysis.figures.Numbers;
import org.dermread.stats.StudyReport;

/**
 * How the results page writes its tables and numbers, with the report's rules ({@link Numbers}): percentages with
 * one decimal, intervals "a to b", p values "&lt; 0.0001"; a figure that cannot be estimated reads "not estimable"
 * with the reason in a tooltip, never {@code NaN}.
 */
final class ResultsCells {

    private ResultsCells() {
    }

    /** A cell's text and, when the figure is not estimable, why (shown as a tooltip). */
    record Cell(String text, String reason) {

        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /** A results table's header row of translated column names. */
    static NativeTableHeader header(Component owner, String... keys) {
        NativeTableRow row = new NativeTableRow();
        for (String key : keys) {
            row.add(new NativeTableHeaderCell(owner.getTranslation(key)));
        }
        NativeTableHeader header = new NativeTableHeader();
        header.add(row);
        return header;
    }

    static NativeTableRow row(Object... cells) {
        NativeTableRow row = new NativeTableRow();
        for (Object cell : cells) {
            row.add(cell instanceof Cell c ? cell(c) : new NativeTableCell(String.valueOf(cell)));
        }
        return row;
    }

    static NativeTableCell cell(Cell c) {
        NativeTableCell cell = new NativeTableCell(c.text());
        if (c.reason() != null) {
            cell.getElement().setAttribute("title", c.reason());
            cell.addClassName("not-estimable");
        }
        return cell;
    }

    static Numbers numbers(Component owner) {
        return Numbers.of(locale());
    }

    /** The page's language (English outside a UI). */
    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    /** "Not estimable" with the reason. */
    static Cell notEstimable(Component owner, String reasonKey, Object... arguments) {
        return new Cell(numbers(owner).notEstimable(), owner.getTranslation(reasonKey, arguments));
    }

    /** The panel mean with its bootstrap CI where there is one. */
    static Cell estimate(Component owner, StudyReport.Estimate e, String reasonKey) {
        if (e == null || !Numbers.defined(e.mean())) {
            return notEstimable(owner, reasonKey);
        }
        return Cell.of(numbers(owner).percentWithInterval(e.mean(), e.meanLower(), e.meanUpper()));
    }

    static Cell percent(Component owner, double value, String reasonKey) {
        return Numbers.defined(value) ? Cell.of(numbers(owner).percent(value)) : notEstimable(owner, reasonKey);
    }

    static Cell decimal(Component owner, double value, String reasonKey) {
        return Numbers.defined(value) ? Cell.of(numbers(owner).decimal(value)) : notEstimable(owner, reasonKey);
    }

    /** The phase's name in the reader's language. */
    static String phaseName(Component owner, String phase) {
        return owner.getTranslation("results.phase." + phase.toLowerCase(Locale.ROOT));
    }
}
