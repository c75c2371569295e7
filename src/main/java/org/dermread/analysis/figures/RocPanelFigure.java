package org.dermread.analysis.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dermread.stats.StudyReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * Every class's ROC plot of one phase in one grid figure, as the key figure of a reader study (e.g. Figure 2 of
 * Tschandl et al., Lancet Oncol 2019): per class the AI's curve, every reader's point by experience group, the mean
 * reader with its CI and the AI's point at the readers' mean specificity; one shared legend. Drawn at a journal's
 * double-column width (175 mm) with no text under 7 pt at that size: 2 columns up to 4 classes, 3 up to 9, else 4.
 */
public final class RocPanelFigure extends Figure {

    private final int panels;

    private RocPanelFigure(Drawing drawing, Locale locale, String title, int panels) {
        super(drawing, DOUBLE_COLUMN, drawing.height, locale, title);
        this.panels = panels;
    }

    /** How many class panels the figure has. */
    public int panels() {
        return panels;
    }

    /** The figure with each panel titled by its class's code. */
    public static RocPanelFigure of(StudyReport report, String phase, Locale locale) {
        return of(report, phase, locale, ClassNames.NONE);
    }

    /** The figure with each panel titled by its class's code and name in the taxonomy ("MEL (melanoma)"). */
    public static RocPanelFigure of(StudyReport report, String phase, Locale locale, ClassNames names) {
        FigureText text = FigureText.of(locale);
        List<JFreeChart> charts = new ArrayList<>();
        LegendItemCollection legend = new LegendItemCollection();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : report.study().labels()) {
            RocPlot.Layers layers = RocPlot.Layers.of(report, code, phase, text);
            JFreeChart chart = layers.chart(text, names.full(code, text.locale()), false, null, null);
            chart.getTitle().setFont(RocPlot.panelTitleFont());
            charts.add(chart);
            LegendItemCollection items = chart.getXYPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                LegendItem item = items.get(i);
                // The AI's curve is named with each class's own AUC; the shared legend names it once.
                String label = item.getSeriesIndex() == 0 && item.getDatasetIndex() == 0 ? text.get("figure.ai")
                        : item.getLabel();
                if (seen.add(label)) {
                    legend.add(new LegendItem(label, null, null, null, item.isShapeVisible(), item.getShape(),
                            item.isShapeFilled(), item.getFillPaint(), item.isShapeOutlineVisible(),
                            item.getOutlinePaint(), item.getOutlineStroke(), item.isLineVisible(), item.getLine(),
                            item.getLineStroke(), item.getLinePaint()));
                }
            }
        }
        String title = text.get("figure.panel.title", text.phase(phase));
        return new RocPanelFigure(new Drawing(charts, legend), text.locale(), title, charts.size());
    }

    /** The grid of panels and the legend: in the grid's empty cells when there are any, else in a band below. */
    private static final class Drawing implements Drawable {
        private static final double LEGEND_BAND = 44;
        private final List<JFreeChart> charts;
        private final LegendTitle legend;
        private final int columns;
        private final int rows;
        private final double cell;
        private final boolean legendInGrid;
        final double height;

        Drawing(List<JFreeChart> charts, LegendItemCollection items) {
            this.charts = charts;
            int n = Math.max(1, charts.size());
            this.columns = n <= 4 ? 2 : n <= 9 ? 3 : 4;
            this.rows = (n + columns - 1) / columns;
            this.cell = DOUBLE_COLUMN / columns;
            this.legendInGrid = rows * columns - n >= 1;
            this.height = rows * cell + (legendInGrid ? 0 : LEGEND_BAND);
            this.legend = new LegendTitle(() -> items);
            styleLegend(legend);
            legend.setPosition(RectangleEdge.BOTTOM);
        }

        @Override
        public void draw(Graphics2D g, Rectangle2D area) {
            g.setPaint(Color.WHITE);
            g.fill(area);
            double scale = area.getWidth() / DOUBLE_COLUMN;
            for (int i = 0; i < charts.size(); i++) {
                int row = i / columns;
                int column = i % columns;
                charts.get(i).draw(g, new Rectangle2D.Double(area.getX() + column * cell * scale,
                        area.getY() + row * cell * scale, cell * scale, cell * scale));
            }
            Rectangle2D legendArea;
            if (legendInGrid) {
                int first = charts.size();
                int column = first % columns;
                legendArea = new Rectangle2D.Double(area.getX() + column * cell * scale,
                        area.getY() + (rows - 1) * cell * scale, (columns - column) * cell * scale, cell * scale);
                legend.setPosition(RectangleEdge.LEFT);
            } else {
                legendArea = new Rectangle2D.Double(area.getX(), area.getY() + rows * cell * scale,
                        area.getWidth(), LEGEND_BAND * scale);
            }
            // A column legend (LEFT) implements only ranged constraints (ColumnArrangement throws "Not implemented"
            // for a fixed width and free height); a row legend takes the band's fixed width and at most its height.
            legend.arrange(g, legendInGrid
                    ? new RectangleConstraint(new Range(0.0, legendArea.getWidth()),
                            new Range(0.0, legendArea.getHeight()))
                    : new RectangleConstraint(legendArea.getWidth(), new Range(0.0, legendArea.getHeight())));
            legend.draw(g, legendArea);
        }
    }
}
