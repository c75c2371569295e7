package org.dermread.analysis.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dermread.analysis.report.ReportDocument.Block;
import org.dermread.analysis.report.ReportDocument.FigureBlock;
import org.dermread.analysis.report.ReportDocument.Heading;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;

/**
 * The study report as one self-contained HTML file, the editable twin of the PDF: a statistician opens it in a
 * browser or in Word (both keep the tables as tables when pasted or opened) and copies tables and text into a
 * manuscript. HTML rather than DOCX: no further library, opens everywhere, diffs as text. Figures are embedded as
 * 300 dpi PNGs (pasted figures keep their print resolution). The same report gives the same bytes.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', Arial, Helvetica, sans-serif; font-size: 10.5pt;
                   max-width: 175mm; margin: 2em auto; color: #111; line-height: 1.45; }
            h1 { font-size: 16pt; margin-bottom: 0.2em; }
            h2 { font-size: 13pt; margin-top: 1.6em; }
            h3 { font-size: 11pt; }
            .subtitle, .small, .note { color: #555; font-size: 8.5pt; }
            table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.2em; font-size: 9pt; }
            caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
            thead th { border-top: 1.2px solid #333; border-bottom: 0.8px solid #333; background: #f2f4f7;
                       text-align: left; padding: 3px 5px; vertical-align: bottom; }
            tbody td { padding: 2px 5px; vertical-align: top; }
            tbody tr:last-child td { border-bottom: 1.2px solid #333; }
            figure { margin: 1em 0; }
            figure img { width: 100%; height: auto; }
            figcaption { font-size: 8.5pt; color: #333; }
            """;

    private HtmlReport() {
    }

    public static byte[] write(ReportDocument report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(report.locale().toLanguageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(report.title())).append("</h1>\n");
        html.append("<p class=\"subtitle\">").append(escape(report.subtitle())).append("</p>\n");
        for (Block block : report.blocks()) {
            if (block instanceof Heading h) {
                html.append(h.level() == 1 ? "<h2>" : "<h3>").append(escape(h.text()))
                        .append(h.level() == 1 ? "</h2>\n" : "</h3>\n");
            } else if (block instanceof Paragraph p) {
                html.append(p.small() ? "<p class=\"small\">" : "<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Table t) {
                table(html, t);
            } else if (block instanceof FigureBlock f) {
                html.append("<figure id=\"").append(f.id()).append("\"><img alt=\"")
                        .append(escape(f.figure().title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.figure().png(300))).append("\"><figcaption>")
                        .append(escape(f.caption())).append("</figcaption></figure>\n");
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder html, Table t) {
        html.append("<table id=\"").append(t.id()).append("\">\n<caption>").append(escape(t.caption()))
                .append("</caption>\n<thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell.strip())).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (t.note() != null && !t.note().isEmpty()) {
            html.append("<p class=\"note\">").append(escape(t.note())).append("</p>\n");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
