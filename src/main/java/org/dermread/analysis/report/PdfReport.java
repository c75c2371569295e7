package org.dermread.analysis.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.dermread.analysis.figures.FigureFont;
import org.dermread.analysis.report.ReportDocument.Block;
import org.dermread.analysis.report.ReportDocument.FigureBlock;
import org.dermread.analysis.report.ReportDocument.Heading;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;

/**
 * The study report as an A4 PDF (Apache PDFBox): text in the application's font, embedded as a subset (so Chinese
 * prints anywhere), tables in the three-rule style journals use, figures imported as vector forms from their own
 * PDFs. Byte-reproducible: a fixed creation date and a document id derived from the content, never the clock.
 */
public final class PdfReport {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 14;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8f;
    private static final float TABLE = 8f;
    private static final Color RULE = new Color(0x33, 0x33, 0x33);
    private static final Color HEADER_FILL = new Color(0xF2, 0xF4, 0xF7);
    /** A fixed creation date (as the bundle's ZIP entries): the same report gives the same bytes. */
    private static final Calendar FIXED_DATE = fixedDate();

    private final ReportDocument report;
    private PDDocument document;
    private PDType0Font font;
    private PDPageContentStream content;
    private float y;
    private int pageNumber;
    private final List<PDDocument> figureSources = new ArrayList<>();

    private PdfReport(ReportDocument report) {
        this.report = report;
    }

    /** The PDF's bytes. */
    public static byte[] write(ReportDocument report) {
        return new PdfReport(report).render();
    }

    private byte[] render() {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            try (InputStream in = FigureFont.open()) {
                font = PDType0Font.load(doc, in, true);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(report.title());
            info.setAuthor("DermRead");
            info.setCreator("DermRead");
            info.setProducer("DermRead (Apache PDFBox)");
            info.setCreationDate(FIXED_DATE);
            info.setModificationDate(FIXED_DATE);
            doc.getDocumentCatalog().setLanguage(report.locale().toLanguageTag());
            newPage();
            title();
            for (Block block : report.blocks()) {
                if (block instanceof Heading h) {
                    heading(h);
                } else if (block instanceof Paragraph p) {
                    paragraph(p.text(), p.small() ? SMALL : BODY, p.small() ? 10 : 12.5f);
                } else if (block instanceof Table t) {
                    table(t);
                } else if (block instanceof FigureBlock f) {
                    figure(f);
                }
            }
            content.close();
            byte[] id = documentId();
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument source : figureSources) {
                try {
                    source.close();
                } catch (IOException e) {
                    // a figure's source document is in memory; closing it cannot lose anything
                }
            }
        }
    }

    /** The document id: a digest of what the report says (PDF 32000-1, 14.4), not of the time. */
    private byte[] documentId() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((report.metricsSha256() + "|" + report.locale() + "|" + report.title())
                    .getBytes(StandardCharsets.UTF_8));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar fixedDate() {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        date.set(1980, Calendar.JANUARY, 1, 0, 0, 0);
        return date;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pageNumber++;
        y = TOP;
        content.setNonStrokingColor(new Color(0x66, 0x66, 0x66));
        String footer = report.title() + "  ·  " + pageNumber;
        text(footer, MARGIN + WIDTH - width(footer, 7.5f), MARGIN - 10, 7.5f, false);
        content.setNonStrokingColor(Color.BLACK);
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void title() throws IOException {
        for (String line : wrap(report.title(), 16, WIDTH)) {
            ensure(22);
            text(line, MARGIN, y - 16, 16, true);
            y -= 22;
        }
        content.setNonStrokingColor(new Color(0x55, 0x55, 0x55));
        for (String line : wrap(report.subtitle(), SMALL, WIDTH)) {
            text(line, MARGIN, y - SMALL, SMALL, false);
            y -= 10;
        }
        content.setNonStrokingColor(Color.BLACK);
        y -= 8;
    }

    private void heading(Heading h) throws IOException {
        float size = h.level() == 1 ? 12 : 10.5f;
        ensure(size + 40);
        y -= h.level() == 1 ? 10 : 6;
        for (String line : wrap(h.text(), size, WIDTH)) {
            text(line, MARGIN, y - size, size, true);
            y -= size + 4;
        }
        y -= 3;
    }

    private void paragraph(String value, float size, float leading) throws IOException {
        for (String line : wrap(value, size, WIDTH)) {
            ensure(leading);
            text(line, MARGIN, y - size, size, false);
            y -= leading;
        }
        y -= 4;
    }

    private void table(Table t) throws IOException {
        float[] columns = columnWidths(t.widths());
        List<List<String>> headerLines = cellLines(t.header(), columns);
        float headerHeight = height(headerLines);
        List<String> caption = wrap(t.caption(), BODY, WIDTH);
        ensure(caption.size() * 12 + headerHeight + 30);
        y -= 4;
        for (String line : caption) {
            text(line, MARGIN, y - BODY, BODY, true);
            y -= 12;
        }
        y -= 2;
        tableHeader(headerLines, columns, headerHeight);
        for (List<String> row : t.rows()) {
            List<List<String>> lines = cellLines(row, columns);
            float height = height(lines);
            if (y - height < BOTTOM) {
                rule(y, 0.8f);
                newPage();
                tableHeader(headerLines, columns, headerHeight);
            }
            cells(lines, columns, false);
            y -= height;
        }
        rule(y, 0.8f);
        y -= 4;
        if (t.note() != null && !t.note().isEmpty()) {
            for (String line : wrap(t.note(), 7.5f, WIDTH)) {
                ensure(9.5f);
                text(line, MARGIN, y - 7.5f, 7.5f, false);
                y -= 9.5f;
            }
        }
        y -= 8;
    }

    private void tableHeader(List<List<String>> lines, float[] columns, float height) throws IOException {
        content.setNonStrokingColor(HEADER_FILL);
        content.addRect(MARGIN, y - height, WIDTH, height);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        rule(y, 0.8f);
        cells(lines, columns, true);
        y -= height;
        rule(y, 0.5f);
    }

    private void cells(List<List<String>> lines, float[] columns, boolean bold) throws IOException {
        float x = MARGIN;
        for (int c = 0; c < columns.length; c++) {
            float lineY = y - 3;
            for (String line : lines.get(c)) {
                lineY -= TABLE + 1.5f;
                text(line, x + 3, lineY, TABLE, bold);
            }
            x += columns[c];
        }
    }

    private List<List<String>> cellLines(List<String> cells, float[] columns) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            lines.add(wrap(c < cells.size() ? cells.get(c) : "", TABLE, columns[c] - 6));
        }
        return lines;
    }

    private static float height(List<List<String>> lines) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, most) * (TABLE + 1.5f) + 6;
    }

    private static float[] columnWidths(double[] relative) {
        double total = 0;
        for (double w : relative) {
            total += w;
        }
        float[] widths = new float[relative.length];
        for (int i = 0; i < relative.length; i++) {
            widths[i] = (float) (WIDTH * relative[i] / total);
        }
        return widths;
    }

    private void rule(float at, float thickness) throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(thickness);
        content.moveTo(MARGIN, at);
        content.lineTo(MARGIN + WIDTH, at);
        content.stroke();
    }

    private void figure(FigureBlock f) throws IOException {
        PDDocument source = Loader.loadPDF(f.figure().pdf());
        figureSources.add(source);
        PDFormXObject form = new LayerUtility(document).importPageAsForm(source, 0);
        float scale = (float) Math.min(1.0, WIDTH / f.figure().width());
        float width = (float) f.figure().width() * scale;
        float height = (float) f.figure().height() * scale;
        List<String> caption = wrap(f.caption(), SMALL, WIDTH);
        float captionHeight = caption.size() * 10 + 6;
        float available = TOP - BOTTOM - captionHeight;
        if (height > available) {
            scale *= available / height;
            width = (float) f.figure().width() * scale;
            height = available;
        }
        ensure(height + captionHeight + 6);
        y -= 4;
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(MARGIN + (WIDTH - width) / 2, y - height));
        content.transform(Matrix.getScaleInstance(scale, scale));
        content.drawForm(form);
        content.restoreGraphicsState();
        y -= height + 6;
        for (String line : caption) {
            text(line, MARGIN, y - SMALL, SMALL, false);
            y -= 10;
        }
        y -= 8;
    }

    /** One line of text; bold is drawn as fill and a thin stroke of the same glyphs (one embedded weight). */
    private void text(String line, float x, float baseline, float size, boolean bold) throws IOException {
        content.beginText();
        content.setFont(font, size);
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setLineWidth(size * 0.03f);
            content.setStrokingColor(Color.BLACK);
        } else {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /**
     * Lines of at most {@code max} points: Latin text breaks at spaces (a word longer than a line at any character),
     * Chinese between any two characters.
     */
    private List<String> wrap(String value, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : value.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String token : tokens(paragraph)) {
                String candidate = line + token;
                if (width(candidate.stripTrailing(), size) <= max || line.isEmpty()) {
                    if (line.isEmpty() && width(token, size) > max) {
                        for (int i = 0; i < token.length(); i++) {
                            if (!line.isEmpty() && width(line.toString() + token.charAt(i), size) > max) {
                                lines.add(line.toString());
                                line.setLength(0);
                            }
                            line.append(token.charAt(i));
                        }
                    } else {
                        line.append(token);
                    }
                } else {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append(token.stripLeading());
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Words with their following space; every CJK character a token of its own. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                word.append(c);
                tokens.add(word.toString());
                word.setLength(0);
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 0x3000 && c <= 0x303F
                    || c >= 0xFF00 && c <= 0xFFEF) {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
