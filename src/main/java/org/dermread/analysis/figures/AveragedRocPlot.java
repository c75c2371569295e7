package org.dermread.analysis.figures;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.stats.RocCurve;
import org.dermread.stats.RocPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Multiclass ROC of the AI averaged over the label set, with the readers' averaged operating points.
 * Micro-average: one ROC over all (case, class) pairs pooled. Macro-average: the mean over classes of each class's
 * sensitivity at a grid of false-positive rates (the convention of scikit-learn's multiclass ROC example; see also
 * Hand &amp; Till, Machine Learning 45, 2001, for multiclass AUC). A reader choosing one label per case has the micro
 * operating point (1 - specificity, sensitivity) = (errors / (n (K - 1)), correct / n).
 */
public final class AveragedRocPlot extends Figure {

    private AveragedRocPlot(JFreeChart chart, Locale locale, String title) {
        super(chart, RocPlot.WIDTH, RocPlot.HEIGHT - 40, locale, title);
    }

    /** A reader's micro-averaged operating point. */
    public record ReaderPoint(double falsePositiveRate, double sensitivity) {
    }

    /**
     * @param probabilities per case, the AI's probability for each label (label order)
     * @param truth         per case, the index of its true label
     */
    public static AveragedRocPlot of(String phase, int labels, List<double[]> probabilities, List<Integer> truth,
            List<ReaderPoint> readers, Locale locale) {
        FigureText text = FigureText.of(locale);
        String title = text.get("figure.averaged.title", text.phase(phase));
        XYSeriesCollection lines = new XYSeriesCollection();
        if (!probabilities.isEmpty()) {
            int n = probabilities.size();
            double[] pooled = new double[n * labels];
            boolean[] positive = new boolean[n * labels];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < labels; k++) {
                    pooled[i * labels + k] = probabilities.get(i)[k];
                    positive[i * labels + k] = truth.get(i) == k;
                }
            }
            RocCurve micro = RocCurve.of(pooled, positive);
            XYSeries microSeries = new XYSeries(text.get("figure.averaged.micro"), false, true);
            inDrawingOrder(micro.points()).forEach(p -> microSeries.add(1 - p.specificity(), p.sensitivity()));
            lines.addSeries(microSeries);

            List<RocCurve> perClass = new ArrayList<>();
            for (int k = 0; k < labels; k++) {
                double[] scores = new double[n];
                boolean[] isK = new boolean[n];
                boolean any = false;
                boolean anyNegative = false;
                for (int i = 0; i < n; i++) {
                    scores[i] = probabilities.get(i)[k];
                    isK[i] = truth.get(i) == k;
                    any |= isK[i];
                    anyNegative |= !isK[i];
                }
                if (any && anyNegative) {
                    perClass.add(RocCurve.of(scores, isK));
                }
            }
            if (!perClass.isEmpty()) {
                XYSeries macro = new XYSeries(text.get("figure.averaged.macro", perClass.size()),
                        false, true);
                for (int step = 0; step <= 100; step++) {
                    double fpr = step / 100.0;
                    double mean = 0;
                    for (RocCurve curve : perClass) {
                        mean += sensitivityAt(curve, fpr) / perClass.size();
                    }
                    macro.add(fpr, mean);
                }
                lines.addSeries(macro);
            }
        }
        JFreeChart chart = rocChart(text, title, lines, new Color(0x1F, 0x4E, 0x79), new Color(0x56, 0xB4, 0xE9));
        XYPlot plot = chart.getXYPlot();

        XYSeriesCollection points = new XYSeriesCollection();
        XYSeries readerSeries = new XYSeries(text.get("figure.averaged.readers"), false, true);
        readers.forEach(r -> readerSeries.add(r.falsePositiveRate(), r.sensitivity()));
        points.addSeries(readerSeries);
        plot.setDataset(1, points);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, new Color(0xE6, 0x9F, 0x00));
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.6, -2.6, 5.2, 5.2));
        plot.setRenderer(1, pointRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new AveragedRocPlot(chart, text.locale(), title);
    }

    /** The highest sensitivity among ROC points with false-positive rate at most {@code fpr} (a step function). */
    private static double sensitivityAt(RocCurve curve, double fpr) {
        double best = 0;
        for (RocPoint point : curve.points()) {
            if (1 - point.specificity() <= fpr + 1e-12) {
                best = Math.max(best, point.sensitivity());
            }
        }
        return best;
    }
}
