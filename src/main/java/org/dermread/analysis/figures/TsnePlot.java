package org.dermread.analysis.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The t-SNE map of the AI's penultimate-layer embeddings (as the paper shows, Zhu et al. 2021), one point per case
 * coloured by its true class; the larger a point, the more readers got that case wrong.
 */
public final class TsnePlot extends Figure {

    private static final Color[] PALETTE = {new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD),
        new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F),
        new Color(0xBC, 0xBD, 0x22), new Color(0x17, 0xBE, 0xCF), new Color(0x00, 0x3F, 0x5C),
        new Color(0xFF, 0xA6, 0x00), new Color(0x66, 0x51, 0x91), new Color(0x2F, 0x4B, 0x7C)};

    /** One case on the map; {@code readerErrorRate} is NaN when no reader answered it. */
    public record Point(double x, double y, String truth, double readerErrorRate) {
    }

    private TsnePlot(JFreeChart chart, Locale locale, String title) {
        super(chart, RocPlot.WIDTH, RocPlot.WIDTH + 30, locale, title);
    }

    public static TsnePlot of(List<String> labels, List<Point> points, Locale locale) {
        return of(labels, points, locale, ClassNames.NONE);
    }

    /** The map with its legend naming each class by code and name in the taxonomy ("MEL (melanoma)"). */
    public static TsnePlot of(List<String> labels, List<Point> points, Locale locale, ClassNames names) {
        FigureText text = FigureText.of(locale);
        String title = text.get("figure.tsne.title");
        Map<String, XYSeries> byClass = new LinkedHashMap<>();
        Map<String, List<Point>> members = new LinkedHashMap<>();
        for (String code : labels) {
            byClass.put(code, new XYSeries(names.full(code, text.locale()), false, true));
            members.put(code, new ArrayList<>());
        }
        for (Point p : points) {
            XYSeries series = byClass.computeIfAbsent(p.truth(), code -> new XYSeries(names.full(code,
                    text.locale()), false, true));
            members.computeIfAbsent(p.truth(), code -> new ArrayList<>()).add(p);
            series.add(p.x(), p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> shown = byClass.keySet().stream().filter(code -> byClass.get(code).getItemCount() > 0).toList();
        shown.forEach(code -> data.addSeries(byClass.get(code)));
        JFreeChart chart = ChartFactory.createScatterPlot(title, "t-SNE 1", "t-SNE 2", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(FigureFont.of(Font.BOLD, 8.5));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.getDomainAxis().setTickLabelsVisible(false);
        plot.getRangeAxis().setTickLabelsVisible(false);
        plot.getDomainAxis().setLabelFont(FigureFont.plain(8));
        plot.getRangeAxis().setLabelFont(FigureFont.plain(8));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Shape getItemShape(int series, int item) {
                Point p = members.get(shown.get(series)).get(item);
                double rate = Double.isNaN(p.readerErrorRate()) ? 0 : p.readerErrorRate();
                double size = 3 + 7 * rate;
                return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
            }
        };
        for (int s = 0; s < shown.size(); s++) {
            int index = labels.indexOf(shown.get(s));
            Color colour = PALETTE[(index < 0 ? s : index) % PALETTE.length];
            renderer.setSeriesPaint(s, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 200));
            renderer.setLegendShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(renderer);
        styleLegend(chart.getLegend());
        return new TsnePlot(chart, text.locale(), title);
    }
}
