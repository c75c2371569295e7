package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.Locale;
import org.dermread.analysis.figures.Numbers;
import org.dermread.analysis.report.AnalysisWarnings;
import org.dermread.analysis.report.MrmcSummary;
import org.dermread.analysis.ui.ResultsCells.Cell;
import org.dermread.stats.StudyReport;

/**
 * The MRMC comparison of the phases (Obuchowski-Rockette with Hillis degrees of freedom, random readers and
 * cases): accuracy and each class's AUC, with jackknife covariances where available, else DeLong's. Shown as
 * AI-assisted - unaided, so an improvement is positive.
 */
final class MrmcTable extends NativeTable {

    MrmcTable(StudyReport.MrmcReport mrmc) {
        addClassName("results-table");
        setId("mrmc-table");
        String first = ResultsCells.phaseName(this, mrmc.modalities().get(0));
        String second = ResultsCells.phaseName(this, mrmc.modalities().get(1));
        NativeTableRow head = new NativeTableRow();
        for (String title : new String[] {getTranslation("results.figure"), first, second,
            getTranslation("results.mrmc.difference", second, first), getTranslation("results.mrmc.f"),
            getTranslation("results.mrmc.p")}) {
            head.add(new NativeTableHeaderCell(title));
        }
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        add(header);
        NativeTableBody body = new NativeTableBody();
        body.add(row(getTranslation("results.accuracy"), MrmcSummary.of(mrmc.accuracy(), mrmc.modalities())));
        for (StudyReport.MrmcClass c : mrmc.classes()) {
            body.add(row("AUC " + AnalysisWarnings.className(c.code(), this::getTranslation),
                    MrmcSummary.of(c.auc(), mrmc.modalities())));
        }
        add(body);
    }

    private NativeTableRow row(String figure, MrmcSummary s) {
        Numbers numbers = ResultsCells.numbers(this);
        if (s.unavailable() != null) {
            Cell why = new Cell(numbers.notEstimable(),
                    AnalysisWarnings.inWords(s.unavailable(), this::getTranslation));
            return ResultsCells.row(figure, why, why, why, why, why);
        }
        Cell untested = ResultsCells.notEstimable(this, "results.reason.mrmc-random-readers");
        Cell difference = Numbers.defined(s.difference())
                ? Cell.of(numbers.decimalWithInterval(s.difference(), s.lower(), s.upper())) : untested;
        Cell f = s.tested() ? Cell.of(String.format(Locale.ROOT, "F(%.0f, %s) = %s", s.df1(),
                numbers.oneDecimal(s.df2()), numbers.twoDecimals(s.statistic()))) : untested;
        Cell p = s.tested() ? Cell.of(numbers.p(s.p())) : untested;
        return ResultsCells.row(figure, ResultsCells.decimal(this, s.first(), "results.reason.mrmc-figure"),
                ResultsCells.decimal(this, s.second(), "results.reason.mrmc-figure"), difference, f, p);
    }
}
