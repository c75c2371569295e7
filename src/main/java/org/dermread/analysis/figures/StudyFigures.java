package org.dermread.analysis.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dermread.bundle.BundleFormat;
import org.dermread.stats.PhaseReadings;
import org.dermread.stats.ReaderReadings;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;
import org.dermread.stats.TSne;

/**
 * Every figure of a study's analysis, drawn from one study and its report in English or Chinese: the ROC plot per
 * class and phase, the multi-panel ROC figure per phase, the confusion matrices, the averaged ROC per phase and the
 * t-SNE map. Building a figure is cheap; its SVG, PNG or PDF is rendered only when asked for. The t-SNE map's
 * coordinates are computed once, when first needed.
 */
public final class StudyFigures {

    /** Settings of the t-SNE map: perplexity 30 and 500 iterations (van der Maaten &amp; Hinton 2008). */
    static final double PERPLEXITY = 30;
    static final int TSNE_ITERATIONS = 500;

    private final StudyData study;
    private final StudyReport report;
    private final Map<String, float[]> embeddings;
    private final ClassNames names;
    private List<TsnePlot.Point> tsnePoints;

    /** Figures that label the classes by their codes. */
    public StudyFigures(StudyData study, StudyReport report, Map<String, float[]> embeddings) {
        this(study, report, embeddings, ClassNames.NONE);
    }

    /**
     * @param embeddings the AI's embedding of each case by case id (cases without one are left off the map); empty
     *                   when there is none
     * @param names      the classes' names in the study's taxonomy, by which the figures label them
     */
    public StudyFigures(StudyData study, StudyReport report, Map<String, float[]> embeddings, ClassNames names) {
        this.study = study;
        this.report = report;
        this.embeddings = Map.copyOf(embeddings);
        this.names = names;
    }

    /** Whether the study has AI predictions, and so the averaged ROC plots and the t-SNE map. */
    public boolean hasAi() {
        return report.ai() != null;
    }

    /** The class's ROC plot with the readers' points of the phase. */
    public RocPlot roc(String code, String phase, Locale locale) {
        return RocPlot.of(report, code, phase, locale, names);
    }

    /** Every class's ROC plot of the phase in one grid figure. */
    public RocPanelFigure rocPanel(String phase, Locale locale) {
        return RocPanelFigure.of(report, phase, locale, names);
    }

    /** The readers' pooled confusion matrix of the phase beside the AI's (when there is one). */
    public ConfusionFigure confusion(String phase, Locale locale) {
        FigureText text = FigureText.of(locale);
        List<ConfusionFigure.Panel> panels = new ArrayList<>();
        report.phases().stream().filter(p -> p.phase().equalsIgnoreCase(phase)).findFirst().ifPresent(p ->
                panels.add(new ConfusionFigure.Panel(text.get("figure.confusion.readers", text.phase(phase)),
                        p.pooledConfusion())));
        if (hasAi()) {
            panels.add(new ConfusionFigure.Panel(text.get("figure.confusion.ai"), report.ai().confusion()));
        }
        return ConfusionFigure.of(text.get("figure.confusion.title", text.phase(phase)), panels, locale, names);
    }

    /** The AI's micro- and macro-averaged ROC with the readers' micro-averaged points of the phase. */
    public Optional<Figure> averagedRoc(String phase, Locale locale) {
        if (!hasAi()) {
            return Optional.empty();
        }
        int labels = study.labels().size();
        List<double[]> probabilities = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int c = 0; c < study.caseIds().size(); c++) {
            double[] p = study.aiProbabilities()[c];
            if (!Double.isNaN(p[0])) {
                probabilities.add(p);
                truth.add(study.truth()[c]);
            }
        }
        List<AveragedRocPlot.ReaderPoint> readers = report.phases().stream()
                .filter(p -> p.phase().equalsIgnoreCase(phase)).flatMap(p -> p.readerResults().stream())
                .filter(r -> !Double.isNaN(r.accuracy()))
                .map(r -> new AveragedRocPlot.ReaderPoint((1 - r.accuracy()) / (labels - 1), r.accuracy()))
                .toList();
        return Optional.of(AveragedRocPlot.of(phase, labels, probabilities, truth, readers, locale));
    }

    /** The t-SNE map of the AI's embeddings, sized by how often readers misdiagnosed each case unaided. */
    public Optional<Figure> tsne(Locale locale) {
        if (!hasAi() || embeddings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TsnePlot.of(study.labels(), tsnePoints(), locale, names));
    }

    /** Computes the t-SNE map now (the slow part), so that drawing it later is quick. */
    public void prepareTsne() {
        if (hasAi() && !embeddings.isEmpty()) {
            tsnePoints();
        }
    }

    /** Every figure of the export bundle by its name under {@code plots/} (without extension). */
    public Map<String, Figure> bundleFigures(Locale locale) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String phase : report.study().phases()) {
            for (String code : report.study().labels()) {
                figures.put("roc-" + phase + "-" + code, roc(code, phase, locale));
            }
            figures.put("roc-panel-" + phase, rocPanel(phase, locale));
            figures.put("confusion-" + phase, confusion(phase, locale));
            averagedRoc(phase, locale).ifPresent(figure -> figures.put("roc-average-" + phase, figure));
        }
        tsne(locale).ifPresent(figure -> figures.put("tsne", figure));
        collaborationGain(locale).ifPresent(figure -> figures.put("collaboration-gain", figure));
        switching(locale).ifPresent(figure -> figures.put("collaboration-switching", figure));
        return figures;
    }

    /** The gain in accuracy per arm and experience group (studies with arms of AI help). */
    public Optional<Figure> collaborationGain(Locale locale) {
        return Optional.ofNullable(report.collaboration()).map(c -> CollaborationGainFigure.of(c, locale));
    }

    /** The switching diagram per arm, split by whether the AI was right (studies with arms of AI help). */
    public Optional<Figure> switching(Locale locale) {
        return Optional.ofNullable(report.collaboration()).map(c -> SwitchingFigure.of(c, locale));
    }

    private synchronized List<TsnePlot.Point> tsnePoints() {
        if (tsnePoints == null) {
            tsnePoints = List.copyOf(computeTsne());
        }
        return tsnePoints;
    }

    private List<TsnePlot.Point> computeTsne() {
        List<Integer> cases = new ArrayList<>();
        List<double[]> data = new ArrayList<>();
        for (int c = 0; c < study.caseIds().size(); c++) {
            float[] e = embeddings.get(study.caseIds().get(c));
            if (e != null) {
                double[] row = new double[e.length];
                for (int d = 0; d < e.length; d++) {
                    row[d] = e[d];
                }
                cases.add(c);
                data.add(row);
            }
        }
        double[][] map = TSne.embed(data.toArray(double[][]::new), PERPLEXITY, TSNE_ITERATIONS,
                report.settings().seed());
        double[] errors = unaidedErrorRates();
        List<TsnePlot.Point> points = new ArrayList<>();
        for (int i = 0; i < map.length; i++) {
            int c = cases.get(i);
            points.add(new TsnePlot.Point(map[i][0], map[i][1], study.labels().get(study.truth()[c]), errors[c]));
        }
        return points;
    }

    /** Per case, the share of the unaided answers that were wrong; NaN where nobody answered it unaided. */
    private double[] unaidedErrorRates() {
        int[] answered = new int[study.caseIds().size()];
        int[] wrong = new int[answered.length];
        for (PhaseReadings phase : study.phases()) {
            if (!phase.phase().equalsIgnoreCase(BundleFormat.UNAIDED)) {
                continue;
            }
            for (ReaderReadings reader : phase.readers()) {
                int[] cases = reader.cases();
                int[] labels = reader.labels();
                for (int i = 0; i < cases.length; i++) {
                    answered[cases[i]]++;
                    if (labels[i] != study.truth()[cases[i]]) {
                        wrong[cases[i]]++;
                    }
                }
            }
        }
        double[] rates = new double[answered.length];
        for (int c = 0; c < rates.length; c++) {
            rates[c] = answered[c] == 0 ? Double.NaN : (double) wrong[c] / answered[c];
        }
        return rates;
    }
}
