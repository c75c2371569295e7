package org.dermread.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.dermread.stats.StudyReport;
import org.jfree.chart.ui.Drawable;

/**
 * The gain in accuracy (AI-assisted minus unaided) of each arm of a collaboration study, for all its readers and per
 * experience group: one point per arm with its bootstrap interval, the arms side by side in each group, a dashed line
 * at no gain (as Tschandl et al., Nat Med 2020, show the benefit of each form of help by experience). Single-column
 * width (85 mm), no text under 7 pt at that size.
 */
public final class CollaborationGainFigure extends Figure {

    /** Okabe &amp; Ito's colour-blind-safe palette, in arm order. */
    static final Color[] ARM_COLOURS = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
        new Color(0x56, 0xB4, 0xE9)};

    private static final double TOP = 22;
    private static final double LEFT = 34;
    private static final double RIGHT = 6;
    private static final double PLOT_HEIGHT = 120;
    private static final double CATEGORY_LABEL = 16;
    private static final double LEGEND_LINE = 10;

    private CollaborationGainFigure(Drawable drawing, double height, Locale locale, String title) {
        super(drawing, SINGLE_COLUMN, height, locale, title);
    }

    /** One category of the x axis: all readers of the arm, or one experience group. */
    private record Category(String label, List<StudyReport.Interval> gains) {
    }

    public static CollaborationGainFigure of(StudyReport.CollaborationReport collaboration, Locale locale) {
        FigureText text = FigureText.of(locale);
        List<StudyReport.ArmReport> arms = collaboration.arms();
        List<Category> categories = new ArrayList<>();
        categories.add(new Category(text.get("figure.collab.all"), arms.stream().map(StudyReport.ArmReport::gain)
                .toList()));
        Set<String> groups = new LinkedHashSet<>();
        arms.forEach(arm -> arm.experienceGroups().forEach(g -> groups.add(g.group())));
        for (String group : groups) {
            categories.add(new Category(group, arms.stream().map(arm -> arm.experienceGroups().stream()
                    .filter(g -> g.group().equals(group)).map(StudyReport.GroupGain::gain).findFirst().orElse(null))
                    .toList()));
        }
        double low = 0;
        double high = 0;
        for (Category c : categories) {
            for (StudyReport.Interval i : c.gains()) {
                if (i != null && Numbers.defined(i.estimate())) {
                    low = Math.min(low, Numbers.defined(i.lower()) ? i.lower() : i.estimate());
                    high = Math.max(high, Numbers.defined(i.upper()) ? i.upper() : i.estimate());
                }
            }
        }
        double step = niceStep(high - low);
        double yMin = Math.floor(low / step) * step;
        double yMax = Math.ceil(high / step) * step;
        if (yMax - yMin < step) {
            yMax = yMin + step;
        }
        List<String> names = arms.stream().map(arm -> arm.name().equals(arm.arm()) ? arm.arm()
                : arm.name() + " (" + arm.arm() + ")").toList();
        double height = TOP + PLOT_HEIGHT + CATEGORY_LABEL + 12 + LEGEND_LINE * names.size() + 4;
        String title = text.get("figure.collab.gain.title");
        double finalMin = yMin;
        double finalMax = yMax;
        Drawable drawing = (g, area) -> draw(g, area.getX(), area.getY(), text, title, categories, names, finalMin,
                finalMax, step);
        return new CollaborationGainFigure(drawing, height, text.locale(), title);
    }

    private static void draw(Graphics2D g, double x0, double y0, FigureText text, String title,
            List<Category> categories, List<String> names, double yMin, double yMax, double step) {
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(x0, y0, SINGLE_COLUMN, 10_000));
        g.setPaint(Color.BLACK);
        g.setFont(FigureFont.of(Font.BOLD, 8.5));
        g.drawString(title, (float) (x0 + 1), (float) (y0 + 10));
        double plotX = x0 + LEFT;
        double plotY = y0 + TOP;
        double plotWidth = SINGLE_COLUMN - LEFT - RIGHT;
        DoubleUnaryOperator yOf = v -> plotY + PLOT_HEIGHT * (yMax - v) / (yMax - yMin);

        // axis, ticks in percentage points, and the line of no gain
        g.setFont(FigureFont.plain(SMALLEST_TEXT));
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(0.5f));
        for (double v = yMin; v <= yMax + step / 2; v += step) {
            double y = yOf.applyAsDouble(v);
            g.setPaint(new Color(0xE6, 0xE6, 0xE6));
            g.draw(new Line2D.Double(plotX, y, plotX + plotWidth, y));
            g.setPaint(Color.BLACK);
            String label = String.format(Locale.ROOT, "%+.0f", 100 * v).replace("+0", "0");
            g.drawString(label, (float) (plotX - 3 - metrics.stringWidth(label)), (float) (y + 2.5));
        }
        g.setPaint(Color.BLACK);
        g.draw(new Line2D.Double(plotX, plotY, plotX, plotY + PLOT_HEIGHT));
        g.setStroke(new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 2}, 0));
        double zero = yOf.applyAsDouble(0);
        g.draw(new Line2D.Double(plotX, zero, plotX + plotWidth, zero));
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x0 + 7, plotY + PLOT_HEIGHT / 2);
        String axis = text.get("figure.collab.gain.axis");
        g.drawString(axis, (float) (x0 + 7 - metrics.stringWidth(axis) / 2.0), (float) (plotY + PLOT_HEIGHT / 2));
        g.setTransform(saved);

        double band = plotWidth / categories.size();
        int arms = names.size();
        double offset = Math.min(10, band / (arms + 1));
        for (int c = 0; c < categories.size(); c++) {
            double centre = plotX + band * (c + 0.5);
            g.setPaint(Color.BLACK);
            String label = categories.get(c).label();
            g.drawString(label, (float) (centre - metrics.stringWidth(label) / 2.0),
                    (float) (plotY + PLOT_HEIGHT + 10));
            for (int a = 0; a < arms; a++) {
                StudyReport.Interval gain = categories.get(c).gains().get(a);
                if (gain == null || !Numbers.defined(gain.estimate())) {
                    continue;
                }
                double x = centre + (a - (arms - 1) / 2.0) * offset;
                g.setPaint(ARM_COLOURS[a % ARM_COLOURS.length]);
                g.setStroke(new BasicStroke(1f));
                if (Numbers.defined(gain.lower()) && Numbers.defined(gain.upper())) {
                    g.draw(new Line2D.Double(x, yOf.applyAsDouble(gain.lower()), x, yOf.applyAsDouble(gain.upper())));
                    g.draw(new Line2D.Double(x - 2, yOf.applyAsDouble(gain.lower()), x + 2,
                            yOf.applyAsDouble(gain.lower())));
                    g.draw(new Line2D.Double(x - 2, yOf.applyAsDouble(gain.upper()), x + 2,
                            yOf.applyAsDouble(gain.upper())));
                }
                double y = yOf.applyAsDouble(gain.estimate());
                g.fill(new Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
            }
        }
        // legend: one line per arm, below the categories
        double legendY = plotY + PLOT_HEIGHT + CATEGORY_LABEL + 8;
        for (int a = 0; a < arms; a++) {
            double y = legendY + a * LEGEND_LINE;
            g.setPaint(ARM_COLOURS[a % ARM_COLOURS.length]);
            g.fill(new Ellipse2D.Double(plotX, y - 4.5, 5, 5));
            g.setPaint(Color.BLACK);
            g.drawString(names.get(a), (float) (plotX + 9), (float) y);
        }
        g.drawString(text.get("figure.collab.gain.note"), (float) (plotX + plotWidth / 2
                - metrics.stringWidth(text.get("figure.collab.gain.note")) / 2.0), (float) (plotY - 4));
    }

    /** A tick step of 1, 2, 5 or 10 percentage points (times a power of ten) giving 4-8 ticks. */
    private static double niceStep(double range) {
        double raw = Math.max(range, 0.01) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
