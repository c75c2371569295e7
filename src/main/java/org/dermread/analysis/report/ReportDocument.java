package org.dermread.analysis.report;

import java.util.List;
import java.util.Locale;
import org.dermread.analysis.figures.Figure;

/**
 * The study report as a sequence of blocks, laid out the same way as PDF ({@link PdfReport}) and as HTML
 * ({@link HtmlReport}), so both carry the same words and numbers.
 *
 * @param metricsSha256 SHA-256 of the {@code metrics.json} the numbers come from
 */
public record ReportDocument(Locale locale, String title, String subtitle, String metricsSha256, List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    /** A part of the report. */
    public sealed interface Block permits Heading, Paragraph, Table, FigureBlock {
    }

    /** A section (level 1) or subsection (level 2) heading. */
    public record Heading(int level, String text) implements Block {
    }

    /** Running text; {@code small} for notes and references. */
    public record Paragraph(String text, boolean small) implements Block {

        public Paragraph(String text) {
            this(text, false);
        }
    }

    /**
     * A table with a caption above and an optional note below; every cell is text as the reader sees it.
     *
     * @param id      a stable identifier (HTML {@code id}; tests find tables by it)
     * @param widths  relative column widths
     */
    public record Table(String id, String caption, List<String> header, List<List<String>> rows, double[] widths,
            String note) implements Block {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            widths = widths.clone();
        }
    }

    /** A figure with its caption below. */
    public record FigureBlock(String id, Figure figure, String caption) implements Block {
    }
}
