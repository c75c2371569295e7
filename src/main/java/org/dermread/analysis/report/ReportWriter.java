package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.analysis.figures.ClassNames;
import org.dermread.analysis.figures.FigureText;
import org.dermread.analysis.figures.Numbers;
import org.dermread.analysis.report.ReportDocument.Block;
import org.dermread.analysis.report.ReportDocument.Heading;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.StudyReportDocument.ReportInput;
import org.dermread.stats.StudyReport;


/**
 * What every section of the study report shares: the analysis, the language, number formatting and the blocks
 * written so far (see {@link StudyReportDocument}).
 */
abstract class ReportWriter {

    final ReportInput input;
    final StudyReport report;
    final FigureText text;
    final Numbers numbers;
    final List<Block> blocks = new ArrayList<>();
    private int tables;

    ReportWriter(ReportInput input, Locale locale) {
        this.input = input;
        this.report = input.report();
        this.text = FigureText.of(locale);
        this.numbers = Numbers.of(text);
    }

    String t(String key, Object... arguments) {
        return text.get(key, arguments);
    }

    void heading(String key, Object... arguments) {
        blocks.add(new Heading(1, t(key, arguments)));
    }

    void subheading(String textValue) {
        blocks.add(new Heading(2, textValue));
    }

    void paragraph(String value) {
        blocks.add(new Paragraph(value));
    }

    /** The classes' names in the study's taxonomy (labels.csv), by which figures label them. */
    ClassNames classNames() {
        return ClassNames.of(input.labelNames());
    }

    String nextTable() {
        return t("report.table", ++tables);
    }

    // ---- 1. Study design -------------------------------------------------------------------------------------
}
