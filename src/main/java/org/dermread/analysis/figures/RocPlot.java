package org.dermread.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.StudyReport;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The signature plot of reader studies (Esteva et al., Nature 2017; Haenssle et al., Ann Oncol 2018): the AI's
 * one-vs-rest ROC curve for a class with every reader's (1 - specificity, sensitivity) point, coloured by
 * experience group, the mean reader with its bootstrap 95% CI in both directions (specificity and sensitivity), and
 * the AI's operating point at the readers' mean specificity. Readers crowd near the top-left corner, so an inset
 * magnifies the region where they lie (as published reader-study figures do, e.g. Tschandl et al., Lancet Oncol
 * 2019); a grey box marks that region on the main plot. Drawn at a journal's single-column width (85 mm) with no
 * text under 7 pt at that size.
 */
public final class RocPlot extends Figure {

    /** Width in points: one journal column (85 mm). */
    public static final double WIDTH = SINGLE_COLUMN;
    /** Height in points: the square plot plus its legend below. */
    public static final double HEIGHT = WIDTH + 96;
    static final Color AI = new Color(0x1F, 0x4E, 0x79);
    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    static final Color[] GROUPS = {new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0x99, 0x99, 0x99)};
    static final Color MEAN = new Color(0xD5, 0x5E, 0x00);
    /** Readers spread over more than this share of an axis need no magnification (the inset is 0.55 wide). */
    private static final double MAGNIFY_BELOW = 0.45;

    private final int readerPoints;
    private final boolean inset;

    private RocPlot(Drawable drawing, Locale locale, String title, int readerPoints, boolean inset) {
        super(drawing, WIDTH, HEIGHT, locale, title);
        this.readerPoints = readerPoints;
        this.inset = inset;
    }

    /** How many reader points the plot draws (one per reader with the class defined). */
    public int readerPoints() {
        return readerPoints;
    }

    /** Whether an inset magnifies the readers' region. */
    public boolean hasInset() {
        return inset;
    }

    /** The plot for one class in one phase of a report, in a language, the class named by its code. */
    public static RocPlot of(StudyReport report, String code, String phase, Locale locale) {
        return of(report, code, phase, locale, ClassNames.NONE);
    }

    /**
     * The plot for one class in one phase of a report, in a language, the class named as its taxonomy names it.
     *
     * @param phase the reader phase whose points are drawn ("unaided" normally)
     */
    public static RocPlot of(StudyReport report, String code, String phase, Locale locale, ClassNames names) {
        FigureText text = FigureText.of(locale);
        Layers layers = Layers.of(report, code, phase, text);
        String title = text.get("figure.roc.title", names.full(code, text.locale()), text.phase(phase));
        JFreeChart main = layers.chart(text, title, true, null, null);
        Optional<Range[]> zoom = layers.readerRegion();
        JFreeChart magnified = zoom.map(z -> layers.chart(text, null, false, z[0], z[1])).orElse(null);
        zoom.ifPresent(z -> main.getXYPlot().addAnnotation(new XYBoxAnnotation(z[0].getLowerBound(),
                z[1].getLowerBound(), z[0].getUpperBound(), z[1].getUpperBound(), new BasicStroke(0.6f),
                new Color(0x66, 0x66, 0x66))));
        Drawable drawing = (g, area) -> draw(g, area, main, magnified);
        return new RocPlot(drawing, text.locale(), title, layers.readerCount, magnified != null);
    }

    /** The main chart, and the inset in the lower right of its data area (below the chance line, where no curve is). */
    private static void draw(Graphics2D g, Rectangle2D area, JFreeChart main, JFreeChart inset) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        main.draw(g, area, info);
        if (inset == null) {
            return;
        }
        Rectangle2D data = info.getPlotInfo().getDataArea();
        Rectangle2D box = new Rectangle2D.Double(data.getX() + 0.44 * data.getWidth(),
                data.getY() + 0.44 * data.getHeight(), 0.55 * data.getWidth(), 0.55 * data.getHeight());
        g.setPaint(Color.WHITE);
        g.fill(box);
        inset.draw(g, box);
    }

    /** What one class's ROC plot shows, to be drawn as the main plot, an inset or a panel. */
    static final class Layers {
        final String code;
        final XYSeries aiCurve;
        final Map<String, XYSeries> groups = new LinkedHashMap<>();
        final XYIntervalSeries mean;
        final XYIntervalSeries aiPoint;
        final int readerCount;

        private Layers(String code, XYSeries aiCurve, XYIntervalSeries mean, XYIntervalSeries aiPoint,
                Map<String, XYSeries> groups, int readerCount) {
            this.code = code;
            this.aiCurve = aiCurve;
            this.mean = mean;
            this.aiPoint = aiPoint;
            this.groups.putAll(groups);
            this.readerCount = readerCount;
        }

        static Layers of(StudyReport report, String code, String phase, FigureText text) {
            Optional<StudyReport.AiClass> ai = report.ai() == null ? Optional.empty()
                    : report.ai().classes().stream().filter(c -> c.code().equals(code)).findFirst();
            XYSeries curve = null;
            if (ai.isPresent() && ai.get().roc() != null) {
                String name = ai.get().auc() == null || Double.isNaN(ai.get().auc().auc()) ? text.get("figure.ai")
                        : text.get("figure.ai.auc", Numbers.of(text).decimal(ai.get().auc().auc()),
                                Numbers.of(text).interval(ai.get().auc().lower(), ai.get().auc().upper()));
                curve = new XYSeries(name, false, true);
                for (var p : inDrawingOrder(ai.get().roc())) {
                    curve.add(1 - p.specificity(), p.sensitivity());
                }
            }
            Optional<StudyReport.PhaseReport> readerPhase = report.phases().stream()
                    .filter(p -> p.phase().equalsIgnoreCase(phase)).findFirst();
            Map<String, XYSeries> groups = new LinkedHashMap<>();
            int readers = 0;
            if (readerPhase.isPresent()) {
                for (StudyReport.ReaderReport reader : readerPhase.get().readerResults()) {
                    Optional<ClassMetrics> metrics = reader.perClass().stream().filter(m -> m.code().equals(code))
                            .findFirst();
                    if (metrics.isEmpty() || Double.isNaN(metrics.get().sensitivity())
                            || Double.isNaN(metrics.get().specificity())) {
                        continue;
                    }
                    String group = text.get("figure.readers.group", text.group(reader.experienceGroup()));
                    groups.computeIfAbsent(group, g -> new XYSeries(g, false, true))
                            .add(1 - metrics.get().specificity(), metrics.get().sensitivity());
                    readers++;
                }
            }
            XYIntervalSeries mean = readerPhase.map(StudyReport.PhaseReport::panel).flatMap(panel -> panel.perClass()
                    .stream().filter(c -> c.code().equals(code)).findFirst())
                    .filter(c -> !Double.isNaN(c.sensitivity().mean()) && !Double.isNaN(c.specificity().mean()))
                    .map(c -> {
                        XYIntervalSeries series = new XYIntervalSeries(text.get("figure.mean-reader"));
                        double x = 1 - c.specificity().mean();
                        double y = c.sensitivity().mean();
                        series.add(x, orElse(1 - c.specificity().meanUpper(), x),
                                orElse(1 - c.specificity().meanLower(), x), y, orElse(c.sensitivity().meanLower(), y),
                                orElse(c.sensitivity().meanUpper(), y));
                        return series;
                    }).orElse(null);
            XYIntervalSeries aiPoint = readerPhase.map(StudyReport.PhaseReport::aiComparison)
                    .flatMap(comparison -> comparison.operatingPoints().stream().filter(o -> o.code().equals(code))
                            .findFirst())
                    .filter(o -> o.aiSensitivityAtMeanSpecificity() != null
                            && !Double.isNaN(o.aiSensitivityAtMeanSpecificity().estimate())
                            && !Double.isNaN(o.readerMeanSpecificity()))
                    .map(o -> {
                        XYIntervalSeries point = new XYIntervalSeries(text.get("figure.ai-at-mean-specificity"));
                        double x = 1 - o.readerMeanSpecificity();
                        double y = o.aiSensitivityAtMeanSpecificity().estimate();
                        point.add(x, x, x, y, orElse(o.aiSensitivityAtMeanSpecificity().lower(), y),
                                orElse(o.aiSensitivityAtMeanSpecificity().upper(), y));
                        return point;
                    }).orElse(null);
            return new Layers(code, curve, mean, aiPoint, groups, readers);
        }

        private static double orElse(double value, double fallback) {
            return Double.isNaN(value) ? fallback : value;
        }

        /**
         * The square region (x range, y range) holding every reader point and the mean reader's CI, padded, when
         * it is small enough to be worth magnifying.
         */
        Optional<Range[]> readerRegion() {
            List<double[]> points = new ArrayList<>();
            groups.values().forEach(series -> {
                for (int i = 0; i < series.getItemCount(); i++) {
                    points.add(new double[] {series.getX(i).doubleValue(), series.getY(i).doubleValue()});
                }
            });
            if (points.isEmpty()) {
                return Optional.empty();
            }
            if (mean != null) {
                points.add(new double[] {mean.getXLowValue(0), mean.getYLowValue(0)});
                points.add(new double[] {mean.getXHighValue(0), mean.getYHighValue(0)});
            }
            double minX = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double maxX = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            double minY = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double maxY = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            double sideX = Math.max(maxX - minX, 0.06) * 1.2 + 0.02;
            double sideY = Math.max(maxY - minY, 0.06) * 1.2 + 0.02;
            if (Math.max(sideX, sideY) > MAGNIFY_BELOW) {
                return Optional.empty();
            }
            return Optional.of(new Range[] {square((minX + maxX) / 2, sideX), square((minY + maxY) / 2, sideY)});
        }

        /** An interval of the given length around a centre, moved inside [0, 1]. */
        private static Range square(double centre, double side) {
            double lower = Math.max(0, Math.min(1 - side, centre - side / 2));
            return new Range(lower, Math.min(1, lower + side));
        }

        /**
         * The chart: the AI's curve, the readers by group, the mean reader and the AI's point.
         *
         * @param legend whether the chart has its own legend (not for insets and panels)
         * @param x      the zoomed range of the inset, or null for the unit square
         */
        JFreeChart chart(FigureText text, String title, boolean legend, Range x, Range y) {
            XYSeriesCollection lines = new XYSeriesCollection();
            if (aiCurve != null) {
                lines.addSeries(aiCurve);
            }
            JFreeChart chart = rocChart(text, title, lines, AI);
            if (!legend) {
                chart.removeLegend();
            }
            XYPlot plot = chart.getXYPlot();
            XYSeriesCollection readerSets = new XYSeriesCollection();
            groups.values().forEach(readerSets::addSeries);
            plot.setDataset(1, readerSets);
            XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
            double radius = x == null ? 2.6 : 3.0;
            for (int i = 0; i < readerSets.getSeriesCount(); i++) {
                pointRenderer.setSeriesPaint(i, GROUPS[i % GROUPS.length]);
                pointRenderer.setSeriesShape(i, new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius));
                pointRenderer.setSeriesOutlinePaint(i, Color.WHITE);
            }
            pointRenderer.setUseOutlinePaint(true);
            pointRenderer.setDrawOutlines(true);
            plot.setRenderer(1, pointRenderer);

            XYIntervalSeriesCollection marks = new XYIntervalSeriesCollection();
            if (mean != null) {
                marks.addSeries(mean);
            }
            if (aiPoint != null) {
                marks.addSeries(aiPoint);
            }
            plot.setDataset(2, marks);
            XYErrorRenderer markRenderer = new XYErrorRenderer();
            markRenderer.setDefaultLinesVisible(false);
            markRenderer.setDefaultShapesVisible(true);
            markRenderer.setDrawXError(true);
            markRenderer.setDrawYError(true);
            markRenderer.setCapLength(x == null ? 3.5 : 4.5);
            markRenderer.setErrorStroke(new BasicStroke(1.1f));
            for (int i = 0; i < marks.getSeriesCount(); i++) {
                boolean isMean = marks.getSeries(i) == mean;
                markRenderer.setSeriesPaint(i, isMean ? MEAN : AI);
                markRenderer.setSeriesShape(i, isMean ? new Rectangle2D.Double(-3.5, -3.5, 7, 7) : diamond());
            }
            // Each mark's interval in the mark's own colour (null: the series paint), so the AI's interval is not
            // read as the mean reader's.
            markRenderer.setErrorPaint(null);
            plot.setRenderer(2, markRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            if (x != null) {
                magnified(chart, x, y);
            }
            return chart;
        }

        /** The inset's look: the zoomed ranges, small ticks, no axis labels, a thin frame. */
        private static void magnified(JFreeChart chart, Range x, Range y) {
            XYPlot plot = chart.getXYPlot();
            for (var entry : List.of(Map.entry((NumberAxis) plot.getDomainAxis(), x),
                    Map.entry((NumberAxis) plot.getRangeAxis(), y))) {
                NumberAxis axis = entry.getKey();
                axis.setLabel(null);
                axis.setRange(entry.getValue());
                axis.setTickUnit(new NumberTickUnit(tick(entry.getValue().getLength())));
                axis.setTickLabelFont(FigureFont.plain(SMALLEST_TEXT));
            }
            chart.setPadding(new RectangleInsets(2, 2, 2, 4));
            chart.setBorderVisible(true);
            chart.setBorderPaint(new Color(0x66, 0x66, 0x66));
            chart.setBorderStroke(new BasicStroke(0.6f));
        }

        /** A tick step giving 2-4 labels over a range. */
        private static double tick(double length) {
            for (double step : new double[] {0.02, 0.05, 0.1, 0.2}) {
                if (length / step <= 4.5) {
                    return step;
                }
            }
            return 0.25;
        }
    }

    static Shape diamond() {
        return new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4);
    }

    /** The font of panel titles in multi-panel figures. */
    static Font panelTitleFont() {
        return FigureFont.of(Font.BOLD, 8);
    }
}
