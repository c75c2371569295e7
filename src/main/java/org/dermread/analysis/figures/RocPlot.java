package org.dermread.analysis.figures;

import java.awt.Color;
import java.awt.Polygon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.StudyReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The signature plot of reader studies (Esteva et al., Nature 2017; Haenssle et al., Ann Oncol 2018): the AI's
 * one-vs-rest ROC curve for a class with every reader's (1 - specificity, sensitivity) point, coloured by
 * experience group, the mean reader with its bootstrap 95% CI, and the AI's operating point at the readers' mean
 * specificity. One JFreeChart drawing rendered to SVG, PNG (300 dpi) and PDF, so screen and paper agree.
 */
public final class RocPlot extends Figure {

    /** Size of the figure in points (1/72 inch): about 12 cm square, a journal's single-and-a-half column. */
    public static final int SIZE = 340;
    private static final Color AI = new Color(0x1F, 0x4E, 0x79);
    private static final Color[] GROUPS = {new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0x99, 0x99, 0x99)};
    private static final Color MEAN = new Color(0xD5, 0x5E, 0x00);

    private final int readerPoints;

    private RocPlot(JFreeChart chart, int readerPoints) {
        super(chart, SIZE, SIZE + 60);
        this.readerPoints = readerPoints;
    }

    /** How many reader points the plot draws (one per reader with the class defined). */
    public int readerPoints() {
        return readerPoints;
    }

    /**
     * The plot for one class in one phase of a report.
     *
     * @param phase the reader phase whose points are drawn ("unaided" normally)
     */
    public static RocPlot of(StudyReport report, String code, String phase, String title) {
        XYSeriesCollection lines = new XYSeriesCollection();
        Optional<StudyReport.AiClass> ai = report.ai() == null ? Optional.empty()
                : report.ai().classes().stream().filter(c -> c.code().equals(code)).findFirst();
        String aiName = "AI";
        if (ai.isPresent() && ai.get().roc() != null) {
            aiName = ai.get().auc() == null ? "AI" : String.format(Locale.ROOT, "AI (AUC %.3f, 95%% CI %.3f-%.3f)",
                    ai.get().auc().auc(), ai.get().auc().lower(), ai.get().auc().upper());
            XYSeries curve = new XYSeries(aiName, false, true);
            inDrawingOrder(ai.get().roc()).forEach(p -> curve.add(1 - p.specificity(), p.sensitivity()));
            lines.addSeries(curve);
        }
        Optional<StudyReport.PhaseReport> readerPhase = report.phases().stream()
                .filter(p -> p.phase().equalsIgnoreCase(phase)).findFirst();
        Map<String, XYSeries> groups = new LinkedHashMap<>();
        int readerCount = 0;
        if (readerPhase.isPresent()) {
            for (StudyReport.ReaderReport reader : readerPhase.get().readerResults()) {
                Optional<ClassMetrics> metrics = reader.perClass().stream().filter(m -> m.code().equals(code))
                        .findFirst();
                if (metrics.isEmpty() || Double.isNaN(metrics.get().sensitivity())
                        || Double.isNaN(metrics.get().specificity())) {
                    continue;
                }
                String group = "Readers " + reader.experienceGroup() + " y";
                groups.computeIfAbsent(group, g -> new XYSeries(g, false, true))
                        .add(1 - metrics.get().specificity(), metrics.get().sensitivity());
                readerCount++;
            }
        }
        XYSeriesCollection readerSets = new XYSeriesCollection();
        groups.values().forEach(readerSets::addSeries);

        XYIntervalSeriesCollection marks = new XYIntervalSeriesCollection();
        readerPhase.map(StudyReport.PhaseReport::panel).flatMap(panel -> panel.perClass().stream()
                .filter(c -> c.code().equals(code)).findFirst()).ifPresent(c -> {
                    if (!Double.isNaN(c.sensitivity().mean()) && !Double.isNaN(c.specificity().mean())) {
                        XYIntervalSeries mean = new XYIntervalSeries("Mean reader (95% CI)");
                        mean.add(1 - c.specificity().mean(), 1 - c.specificity().meanUpper(),
                                1 - c.specificity().meanLower(), c.sensitivity().mean(),
                                c.sensitivity().meanLower(), c.sensitivity().meanUpper());
                        marks.addSeries(mean);
                    }
                });
        readerPhase.map(StudyReport.PhaseReport::aiComparison).flatMap(comparison -> comparison == null
                ? Optional.empty() : comparison.operatingPoints().stream().filter(o -> o.code().equals(code))
                        .findFirst()).ifPresent(o -> {
                            if (o.aiSensitivityAtMeanSpecificity() != null
                                    && !Double.isNaN(o.aiSensitivityAtMeanSpecificity().estimate())) {
                                XYIntervalSeries point = new XYIntervalSeries("AI at readers' mean specificity");
                                double x = 1 - o.readerMeanSpecificity();
                                point.add(x, x, x, o.aiSensitivityAtMeanSpecificity().estimate(),
                                        o.aiSensitivityAtMeanSpecificity().lower(),
                                        o.aiSensitivityAtMeanSpecificity().upper());
                                marks.addSeries(point);
                            }
                        });

        JFreeChart chart = rocChart(title, lines, AI);
        XYPlot plot = chart.getXYPlot();

        plot.setDataset(1, readerSets);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < readerSets.getSeriesCount(); i++) {
            pointRenderer.setSeriesPaint(i, GROUPS[i % GROUPS.length]);
            pointRenderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(1, pointRenderer);

        plot.setDataset(2, marks);
        XYErrorRenderer markRenderer = new XYErrorRenderer();
        markRenderer.setDefaultLinesVisible(false);
        markRenderer.setDefaultShapesVisible(true);
        for (int i = 0; i < marks.getSeriesCount(); i++) {
            boolean mean = "Mean reader (95% CI)".equals(marks.getSeries(i).getKey());
            markRenderer.setSeriesPaint(i, mean ? MEAN : AI);
            markRenderer.setSeriesShape(i, mean ? new Rectangle2D.Double(-5, -5, 10, 10)
                    : new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4));
        }
        markRenderer.setErrorPaint(MEAN);
        plot.setRenderer(2, markRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new RocPlot(chart, readerCount);
    }
}
