package org.dermread.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.Locale;
import org.dermread.stats.StudyReport;

/** How the results page writes its tables and numbers: percentages with one decimal, "–" where undefined. */
final class ResultsCells {

    static final String UNDEFINED = "–";

    private ResultsCells() {
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

    static NativeTableRow row(String... cells) {
        NativeTableRow row = new NativeTableRow();
        for (String cell : cells) {
            row.add(new NativeTableCell(cell));
        }
        return row;
    }

    /** The panel mean with its bootstrap CI where there is one. */
    static String estimate(StudyReport.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) {
            return UNDEFINED;
        }
        if (Double.isNaN(e.meanLower())) {
            return percent(e.mean());
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f)", 100 * e.mean(), 100 * e.meanLower(),
                100 * e.meanUpper());
    }

    static String percent(double value) {
        return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The phase's name in the reader's language. */
    static String phaseName(Component owner, String phase) {
        return owner.getTranslation("results.phase." + phase.toLowerCase(Locale.ROOT));
    }
}
