package org.dermread.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.analysis.internal.ResultsRepository;
import org.dermread.export.AnalysisRunner;
import org.dermread.export.ExportService;
import org.dermread.export.plots.AveragedRocPlot;
import org.dermread.export.plots.Figure;
import org.dermread.export.plots.RocPlot;
import org.dermread.export.plots.TsnePlot;
import org.dermread.inference.CaseEmbedding;
import org.dermread.inference.InferenceService;
import org.dermread.stats.TSne;
import org.dermread.stats.StudyReport;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The human-versus-AI comparison of a study, for statisticians (every study) and the study's coordinators and
 * administrators. The figures come from the statistics engine over the study's export files, so the screen, the
 * exported {@code metrics.json} and a colleague's re-analysis agree.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
public class AnalysisService {

    /** Settings of the t-SNE map: perplexity 30 and 500 iterations (van der Maaten &amp; Hinton 2008). */
    static final double PERPLEXITY = 30;
    static final int TSNE_ITERATIONS = 500;

    private final ResultsRepository repository;
    private final ExportService export;
    private final AnalysisRunner runner;
    private final InferenceService inference;

    public AnalysisService(ResultsRepository repository, ExportService export, AnalysisRunner runner,
            InferenceService inference) {
        this.repository = repository;
        this.export = export;
        this.runner = runner;
        this.inference = inference;
    }

    public List<StudyResultsSummary> studies() {
        boolean all = CurrentUser.hasRole(Role.STATISTICIAN) || CurrentUser.hasRole(Role.ADMIN);
        return repository.studies(all ? null : CurrentUser.username().orElse(""));
    }

    public StudyResultsSummary summary(long studyId) {
        return studies().stream().filter(s -> s.studyId() == studyId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no access to study " + studyId));
    }

    /** The full analysis (cached per study state; the first call for a new state may take seconds). */
    public StudyReport report(long studyId) {
        summary(studyId);
        return runner.report(export.tables(studyId));
    }

    /** The ROC plot of a class in a phase. */
    public RocPlot rocPlot(long studyId, String code, String phase) {
        StudyReport report = report(studyId);
        return RocPlot.of(report, code, phase, code + " (" + phase + ")");
    }

    /** The AI's micro- and macro-averaged ROC with the readers' micro-averaged points in a phase. */
    public Figure averagedRoc(long studyId, String phase) {
        StudyReport report = report(studyId);
        List<String> labels = report.study().labels();
        Map<Long, String> truth = repository.truth(studyId);
        List<double[]> probabilities = new ArrayList<>();
        List<Integer> truthIndex = new ArrayList<>();
        inference.predictionsForStudy(studyId).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    int k = labels.indexOf(truth.get(entry.getKey()));
                    if (k >= 0) {
                        probabilities.add(labels.stream().mapToDouble(entry.getValue()::probabilityOf).toArray());
                        truthIndex.add(k);
                    }
                });
        List<AveragedRocPlot.ReaderPoint> readers = report.phases().stream()
                .filter(p -> p.phase().equalsIgnoreCase(phase)).flatMap(p -> p.readerResults().stream())
                .filter(r -> !Double.isNaN(r.accuracy()) && labels.size() > 1)
                .map(r -> new AveragedRocPlot.ReaderPoint((1 - r.accuracy()) / (labels.size() - 1), r.accuracy()))
                .toList();
        return AveragedRocPlot.of("Averaged over classes (" + phase + ")", labels.size(), probabilities,
                truthIndex, readers);
    }

    /** The t-SNE map of the AI's embeddings, by true class, sized by how often readers got each case wrong. */
    public Figure tsne(long studyId) {
        StudyReport report = report(studyId);
        List<CaseEmbedding> embeddings = inference.embeddings(studyId).stream()
                .sorted(Comparator.comparingLong(CaseEmbedding::caseId)).toList();
        double[][] data = new double[embeddings.size()][];
        for (int i = 0; i < data.length; i++) {
            float[] e = embeddings.get(i).embedding();
            data[i] = new double[e.length];
            for (int d = 0; d < e.length; d++) {
                data[i][d] = e[d];
            }
        }
        double[][] map = TSne.embed(data, PERPLEXITY, TSNE_ITERATIONS, report.settings().seed());
        Map<Long, Double> errors = repository.unaidedErrorRates(studyId);
        List<TsnePlot.Point> points = new ArrayList<>();
        for (int i = 0; i < map.length; i++) {
            CaseEmbedding c = embeddings.get(i);
            points.add(new TsnePlot.Point(map[i][0], map[i][1], c.groundTruth(),
                    errors.getOrDefault(c.caseId(), Double.NaN)));
        }
        return TsnePlot.of("t-SNE of the AI's embeddings", report.study().labels(), points);
    }

    /** The export bundle with every class's ROC plot (SVG, 300 dpi PNG, PDF) under {@code plots/}. */
    public byte[] bundle(long studyId) {
        StudyReport report = report(studyId);
        Map<String, byte[]> plots = new TreeMap<>();
        for (String phase : report.study().phases()) {
            for (String code : report.study().labels()) {
                put(plots, "plots/roc-" + phase + "-" + code, RocPlot.of(report, code, phase,
                        code + " (" + phase + ")"));
            }
            put(plots, "plots/roc-average-" + phase, averagedRoc(studyId, phase));
        }
        if (report.ai() != null) {
            put(plots, "plots/tsne", tsne(studyId));
        }
        return export.bundle(studyId, plots);
    }

    private static void put(Map<String, byte[]> plots, String base, Figure figure) {
        plots.put(base + ".svg", figure.svgBytes());
        plots.put(base + ".png", figure.png(300));
        plots.put(base + ".pdf", figure.pdf());
    }
}
