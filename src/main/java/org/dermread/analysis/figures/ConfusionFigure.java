package org.dermread.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.stats.ConfusionMatrix;
import org.jfree.chart.ui.Drawable;

/**
 * Confusion matrices side by side (truth in rows, chosen label in columns), each cell shaded by its share of the row
 * and labelled with its count: the readers' pooled answers beside the AI's top-1 labels. Double-column width
 * (175 mm), no text under 7 pt at that size.
 */
public final class ConfusionFigure extends Figure {

    /** One matrix with its heading. */
    public record Panel(String title, ConfusionMatrix matrix) {
    }

    private ConfusionFigure(Drawable drawing, double height, Locale locale, String title) {
        super(drawing, DOUBLE_COLUMN, height, locale, title);
    }

    /** The matrices with their rows and columns labelled by the classes' codes. */
    public static ConfusionFigure of(String title, List<Panel> panels, Locale locale) {
        return of(title, panels, locale, ClassNames.NONE);
    }

    /**
     * The matrices with their rows and columns labelled by the classes' codes (a cell is too narrow for a name) and,
     * below them, a key giving each code's name in the figure's language ("MEL melanoma; NV melanocytic nevus; ...").
     */
    public static ConfusionFigure of(String title, List<Panel> panels, Locale locale, ClassNames names) {
        FigureText text = FigureText.of(locale);
        int labels = panels.isEmpty() ? 1 : panels.get(0).matrix().labels().size();
        double panelWidth = (DOUBLE_COLUMN - 12 * (panels.size() - 1)) / Math.max(1, panels.size());
        double cell = Math.min(30, (panelWidth - HEADER - LABEL) / labels);
        double matrices = TITLE + LABEL + cell * labels + 14;
        List<String> key = key(panels.isEmpty() ? List.of() : panels.get(0).matrix().labels(), names,
                text.locale());
        double height = matrices + key.size() * KEY_LEADING + (key.isEmpty() ? 0 : 4);
        Drawable drawing = (g, area) -> {
            g.setPaint(Color.WHITE);
            g.fill(area);
            for (int i = 0; i < panels.size(); i++) {
                drawPanel(g, area.getX() + i * (panelWidth + 12), area.getY(), cell, panels.get(i), text);
            }
            g.setPaint(Color.BLACK);
            g.setFont(KEY_FONT);
            for (int line = 0; line < key.size(); line++) {
                g.drawString(key.get(line), (float) area.getX(), (float) (area.getY() + matrices + 2
                        + (line + 1) * KEY_LEADING - 2.5));
            }
        };
        return new ConfusionFigure(drawing, height, text.locale(), title);
    }

    private static final Font KEY_FONT = FigureFont.plain(SMALLEST_TEXT + 0.5);
    private static final double KEY_LEADING = 10;

    /** The key's lines at the figure's width: "code name" of every named class, separated by semicolons. */
    static List<String> key(List<String> codes, ClassNames names, Locale locale) {
        List<String> entries = codes.stream().filter(names::named)
                .map(code -> code + " " + names.name(code, locale)).toList();
        if (entries.isEmpty()) {
            return List.of();
        }
        FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(KEY_FONT);
        String separator = "zh".equals(locale.getLanguage()) ? "；" : "; ";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String entry : entries) {
            String candidate = line.isEmpty() ? entry : line + separator + entry;
            if (!line.isEmpty() && width(metrics, candidate) > DOUBLE_COLUMN) {
                lines.add(line + separator.strip());
                line.setLength(0);
                line.append(entry);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static final double TITLE = 16;
    private static final double HEADER = 14;
    private static final double LABEL = 30;

    private static void drawPanel(Graphics2D g, double x, double y, double cell, Panel panel, FigureText text) {
        List<String> labels = panel.matrix().labels();
        double[][] counts = panel.matrix().counts();
        int n = labels.size();
        Font titleFont = FigureFont.of(Font.BOLD, 8.5);
        Font labelFont = FigureFont.plain(SMALLEST_TEXT + 0.5);
        Font countFont = FigureFont.plain(SMALLEST_TEXT);
        g.setPaint(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(panel.title(), (float) x, (float) (y + 10));
        double gridX = x + HEADER + LABEL;
        double gridY = y + TITLE + LABEL;
        g.setFont(labelFont);
        centred(g, text.get("figure.confusion.chosen"), gridX + cell * n / 2, y + TITLE + 9);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x + 8, gridY + cell * n / 2);
        centred(g, text.get("figure.confusion.truth"), x + 8, gridY + cell * n / 2 + 3);
        g.setTransform(saved);
        for (int c = 0; c < n; c++) {
            centred(g, labels.get(c), gridX + (c + 0.5) * cell, gridY - 5);
        }
        for (int t = 0; t < n; t++) {
            FontMetrics metrics = g.getFontMetrics(labelFont);
            g.setFont(labelFont);
            g.setPaint(Color.BLACK);
            g.drawString(labels.get(t), (float) (gridX - 4 - metrics.stringWidth(labels.get(t))),
                    (float) (gridY + (t + 0.5) * cell + 3));
            double total = 0;
            for (int c = 0; c < n; c++) {
                total += counts[t][c];
            }
            for (int c = 0; c < n; c++) {
                double share = total == 0 ? 0 : counts[t][c] / total;
                Rectangle2D box = new Rectangle2D.Double(gridX + c * cell, gridY + t * cell, cell, cell);
                g.setPaint(shade(share));
                g.fill(box);
                g.setPaint(new Color(0xCC, 0xCC, 0xCC));
                g.setStroke(new BasicStroke(0.4f));
                g.draw(box);
                g.setPaint(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.setFont(countFont);
                double count = counts[t][c];
                String label = count == Math.rint(count) ? String.valueOf((long) count)
                        : String.format(Locale.ROOT, "%.1f", count);
                centred(g, label, box.getCenterX(), box.getCenterY() + 2.5);
            }
        }
    }

    /** A line's width in the figure's own font (every format draws that font, the PDF as outlines). */
    private static double width(FontMetrics metrics, String line) {
        return metrics.stringWidth(line);
    }

    /** White to the dark blue of the AI's curve, by share of the row. */
    private static Color shade(double share) {
        int r = (int) Math.round(255 + (0x1F - 255) * share);
        int gr = (int) Math.round(255 + (0x4E - 255) * share);
        int b = (int) Math.round(255 + (0x79 - 255) * share);
        return new Color(r, gr, b);
    }

    private static void centred(Graphics2D g, String s, double cx, double baseline) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(s, (float) (cx - metrics.stringWidth(s) / 2.0), (float) baseline);
    }
}
