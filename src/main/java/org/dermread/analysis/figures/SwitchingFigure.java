package org.dermread.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.dermread.stats.StudyReport;
import org.jfree.chart.ui.Drawable;

/**
 * How answers moved from the unaided to the AI-assisted reading in each arm of a collaboration study: per arm, one
 * panel for the cases the AI got right and one for those it got wrong; in each, the unaided answers (right above,
 * wrong below) on the left, the aided answers on the right, and a band for each path (right to right, right to wrong,
 * wrong to right, wrong to wrong) as thick as its share of the panel's readings. A wrong AI that misled readers shows
 * as a red band from right to wrong (Tschandl et al., Nat Med 2020). Double-column width (175 mm), no text under
 * 7 pt.
 */
public final class SwitchingFigure extends Figure {

    static final Color RIGHT = new Color(0x00, 0x9E, 0x73);
    static final Color WRONG = new Color(0xD5, 0x5E, 0x00);

    private static final double TITLE = 16;
    private static final double PANEL_HEAD = 22;
    private static final double BAR_HEIGHT = 90;
    private static final double BAR_WIDTH = 12;
    private static final double PANEL_GAP = 18;
    private static final double ROW_GAP = 14;
    private static final double LEGEND = 14;

    private SwitchingFigure(Drawable drawing, double height, Locale locale, String title) {
        super(drawing, DOUBLE_COLUMN, height, locale, title);
    }

    public static SwitchingFigure of(StudyReport.CollaborationReport collaboration, Locale locale) {
        FigureText text = FigureText.of(locale);
        List<StudyReport.ArmReport> arms = collaboration.arms();
        double rowHeight = PANEL_HEAD + BAR_HEIGHT + 12 + ROW_GAP;
        double height = TITLE + rowHeight * arms.size() + LEGEND;
        String title = text.get("figure.collab.switching.title");
        Drawable drawing = (g, area) -> {
            g.setPaint(Color.WHITE);
            g.fill(area);
            g.setPaint(Color.BLACK);
            g.setFont(FigureFont.of(Font.BOLD, 8.5));
            g.drawString(title, (float) area.getX(), (float) (area.getY() + 10));
            double panelWidth = (DOUBLE_COLUMN - PANEL_GAP) / 2;
            for (int a = 0; a < arms.size(); a++) {
                StudyReport.ArmReport arm = arms.get(a);
                String name = arm.name().equals(arm.arm()) ? arm.arm() : arm.name() + " (" + arm.arm() + ")";
                double y = area.getY() + TITLE + a * rowHeight;
                for (int p = 0; p < arm.switching().size() && p < 2; p++) {
                    StudyReport.Switching s = arm.switching().get(p);
                    String heading = text.get("right".equals(s.ai()) ? "figure.collab.switching.ai-right"
                            : "figure.collab.switching.ai-wrong", name);
                    drawPanel(g, area.getX() + p * (panelWidth + PANEL_GAP), y, panelWidth, heading, s, text);
                }
            }
            drawLegend(g, area.getX(), area.getY() + TITLE + rowHeight * arms.size(), text);
        };
        return new SwitchingFigure(drawing, height, text.locale(), title);
    }

    private static void drawPanel(Graphics2D g, double x, double y, double width, String heading,
            StudyReport.Switching s, FigureText text) {
        g.setFont(FigureFont.of(Font.BOLD, 7.5));
        g.setPaint(Color.BLACK);
        g.drawString(heading, (float) x, (float) (y + 8));
        Font font = FigureFont.plain(SMALLEST_TEXT);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int total = s.rightToRight() + s.rightToWrong() + s.wrongToRight() + s.wrongToWrong();
        double barsTop = y + PANEL_HEAD;
        double leftX = x + 58;
        double rightX = x + width - 58 - BAR_WIDTH;
        g.drawString(text.get("figure.collab.switching.unaided"), (float) (leftX + BAR_WIDTH / 2
                - metrics.stringWidth(text.get("figure.collab.switching.unaided")) / 2.0), (float) (barsTop - 4));
        g.drawString(text.get("figure.collab.switching.aided"), (float) (rightX + BAR_WIDTH / 2
                - metrics.stringWidth(text.get("figure.collab.switching.aided")) / 2.0), (float) (barsTop - 4));
        if (total == 0) {
            g.drawString(text.get("figure.collab.switching.none"), (float) (x + width / 2
                    - metrics.stringWidth(text.get("figure.collab.switching.none")) / 2.0),
                    (float) (barsTop + BAR_HEIGHT / 2));
            return;
        }
        double unit = BAR_HEIGHT / total;
        int leftRight = s.rightToRight() + s.rightToWrong();
        int rightRight = s.rightToRight() + s.wrongToRight();
        // bands first, bars over them: [from, to] on the left and on the right, in counts from the top
        band(g, leftX + BAR_WIDTH, rightX, barsTop, unit, 0, s.rightToRight(), 0, alpha(RIGHT, 70));
        band(g, leftX + BAR_WIDTH, rightX, barsTop, unit, s.rightToRight(), leftRight, rightRight,
                alpha(WRONG, 200));
        band(g, leftX + BAR_WIDTH, rightX, barsTop, unit, leftRight, leftRight + s.wrongToRight(), s.rightToRight(),
                alpha(RIGHT, 200));
        band(g, leftX + BAR_WIDTH, rightX, barsTop, unit, leftRight + s.wrongToRight(), total,
                rightRight + s.rightToWrong(), alpha(WRONG, 70));
        bar(g, leftX, barsTop, unit, leftRight, total);
        bar(g, rightX, barsTop, unit, rightRight, total);
        g.setPaint(Color.BLACK);
        g.setFont(font);
        sideLabel(g, metrics, leftX - 3, barsTop, unit, 0, leftRight, text.get("figure.collab.switching.right"),
                true);
        sideLabel(g, metrics, leftX - 3, barsTop, unit, leftRight, total, text.get("figure.collab.switching.wrong"),
                true);
        sideLabel(g, metrics, rightX + BAR_WIDTH + 3, barsTop, unit, 0, rightRight,
                text.get("figure.collab.switching.right"), false);
        sideLabel(g, metrics, rightX + BAR_WIDTH + 3, barsTop, unit, rightRight, total,
                text.get("figure.collab.switching.wrong"), false);
        String changes = text.get("figure.collab.switching.changes", s.wrongToRight(), s.rightToWrong());
        g.drawString(changes, (float) (x + width / 2 - metrics.stringWidth(changes) / 2.0),
                (float) (barsTop + BAR_HEIGHT + 10));
    }

    private static void bar(Graphics2D g, double x, double top, double unit, int right, int total) {
        g.setPaint(RIGHT);
        g.fill(new Rectangle2D.Double(x, top, BAR_WIDTH, right * unit));
        g.setPaint(WRONG);
        g.fill(new Rectangle2D.Double(x, top + right * unit, BAR_WIDTH, (total - right) * unit));
        g.setPaint(Color.WHITE);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Line2D.Double(x, top + right * unit, x + BAR_WIDTH, top + right * unit));
    }

    /** "right 1,234 (61.0%)" beside a bar's segment, centred on it; nothing for an empty segment. */
    private static void sideLabel(Graphics2D g, FontMetrics metrics, double x, double top, double unit, int from,
            int to, String word, boolean leftOfBar) {
        int count = to - from;
        if (count == 0) {
            return;
        }
        int total = (int) Math.round(BAR_HEIGHT / unit);
        String label = word + " " + String.format(Locale.ROOT, "%,d", count);
        String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
        double middle = top + (from + to) / 2.0 * unit;
        for (String[] line : new String[][] {{label, "-1"}, {share, "1"}}) {
            double width = metrics.stringWidth(line[0]);
            double baseline = middle + (line[1].equals("-1") ? -1 : 7.5);
            g.drawString(line[0], (float) (leftOfBar ? x - width : x), (float) baseline);
        }
    }

    /** A band from [from, to) on the left bar to [target, target + to - from) on the right bar, as a smooth ribbon. */
    private static void band(Graphics2D g, double x0, double x1, double top, double unit, int from, int to,
            int target, Color colour) {
        if (to <= from) {
            return;
        }
        double ly0 = top + from * unit;
        double ly1 = top + to * unit;
        double ry0 = top + target * unit;
        double ry1 = top + (target + to - from) * unit;
        double mid = (x0 + x1) / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x0, ly0);
        path.curveTo(mid, ly0, mid, ry0, x1, ry0);
        path.lineTo(x1, ry1);
        path.curveTo(mid, ry1, mid, ly1, x0, ly1);
        path.closePath();
        g.setPaint(colour);
        g.fill(path);
    }

    private static void drawLegend(Graphics2D g, double x, double y, FigureText text) {
        g.setFont(FigureFont.plain(SMALLEST_TEXT));
        FontMetrics metrics = g.getFontMetrics();
        double cursor = x;
        for (Object[] item : new Object[][] {{RIGHT, "figure.collab.switching.right"},
            {WRONG, "figure.collab.switching.wrong"}, {alpha(RIGHT, 200), "figure.collab.switching.to-right"},
            {alpha(WRONG, 200), "figure.collab.switching.to-wrong"}}) {
            g.setPaint((Color) item[0]);
            g.fill(new Rectangle2D.Double(cursor, y + 2, 8, 6));
            g.setPaint(Color.BLACK);
            String label = text.get((String) item[1]);
            g.drawString(label, (float) (cursor + 11), (float) (y + 8));
            cursor += 11 + metrics.stringWidth(label) + 14;
        }
    }

    private static Color alpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
