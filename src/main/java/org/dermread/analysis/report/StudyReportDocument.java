package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.dermread.analysis.figures.ConfusionFigure;
import org.dermread.analysis.figures.RocPanelFigure;
import org.dermread.analysis.report.ReportDocument.FigureBlock;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.StudyTables;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;

/**
 * Writes the study report of one analysis in English or Chinese: study design, Table 1 (the readers), Table 2 (per
 * class the mean reader beside the AI, overall and per experience group), the same for malignant versus benign when
 * the analysis has a grouping ({@link GroupedSection}), Figure 1 (the multi-panel ROC figure),
 * Figure 2 (confusion matrices), the MRMC comparison of the phases, agreement, readers against the AI, a methods
 * paragraph with references written from the settings actually used, and the notes on the data. Every number comes
 * from the {@link StudyReport} that is the bundle's {@code metrics.json} (its SHA-256 is printed on the first page);
 * Table 1 and the interval between phases come from the bundle's {@code readers.csv} and {@code readings.csv}.
 * Nothing depends on the clock, so the same bundle gives the same report.
 */
public final class StudyReportDocument extends ReportTables {

    private StudyReportDocument(ReportInput input, Locale locale) {
        super(input, locale);
    }

    /** The report of one analysis in a language (English, or Chinese for any zh locale). */
    public static ReportDocument of(ReportInput input, Locale locale) {
        StudyReportDocument writer = new StudyReportDocument(input, locale);
        writer.write();
        return new ReportDocument(writer.text.locale(), writer.text.get("report.title", input.studyName()),
                writer.text.get("report.subtitle", input.metricsSha256()), input.metricsSha256(), writer.blocks);
    }

    private void write() {
        design();
        readers();
        perClass();
        GroupedSection.write(this);
        figures();
        mrmc();
        CollaborationChapter.write(this);
        agreement();
        againstAi();
        methods();
        notes();
        references();
    }

    // ---- 4. Figures ------------------------------------------------------------------------------------------

    private void figures() {
        if (report.phases().isEmpty()) {
            return;
        }
        heading("report.figures");
        int figure = 0;
        for (StudyReport.PhaseReport phase : report.phases()) {
            figure++;
            blocks.add(new FigureBlock("figure-roc-" + phase.phase(), RocPanelFigure.of(report, phase.phase(),
                    text.locale(), classNames()), t("report.figure", figure) + " " + t(report.ai() == null
                            ? "report.figure.roc.no-ai" : "report.figure.roc", text.phase(phase.phase()), level())));
        }
        for (StudyReport.PhaseReport phase : report.phases()) {
            figure++;
            List<ConfusionFigure.Panel> panels = new ArrayList<>();
            panels.add(new ConfusionFigure.Panel(t("figure.confusion.readers", text.phase(phase.phase())),
                    phase.pooledConfusion()));
            if (report.ai() != null) {
                panels.add(new ConfusionFigure.Panel(t("figure.confusion.ai"), report.ai().confusion()));
            }
            blocks.add(new FigureBlock("figure-confusion-" + phase.phase(), ConfusionFigure.of(
                    t("figure.confusion.title", text.phase(phase.phase())), panels, text.locale(), classNames()),
                    t("report.figure", figure) + " " + t("report.figure.confusion", text.phase(phase.phase()))));
        }
    }

    // ---- 5. MRMC ---------------------------------------------------------------------------------------------

    private void mrmc() {
        heading("report.mrmc");
        StudyReport.MrmcReport mrmc = report.mrmc();
        if (mrmc == null) {
            paragraph(t(report.phases().size() < 2 ? "report.mrmc.one-phase" : "report.mrmc.none"));
            return;
        }
        String first = text.phase(mrmc.modalities().get(0));
        String second = text.phase(mrmc.modalities().get(1));
        List<List<String>> rows = new ArrayList<>();
        rows.add(mrmcRow(t("report.top1"), MrmcSummary.of(mrmc.accuracy(), mrmc.modalities())));
        for (StudyReport.MrmcClass c : mrmc.classes()) {
            rows.add(mrmcRow(t("report.mrmc.auc", c.code()), MrmcSummary.of(c.auc(), mrmc.modalities())));
        }
        blocks.add(new Table("table-mrmc", nextTable() + " " + t("report.mrmc.caption", first, second),
                List.of(t("report.mrmc.figure"), first, second, t("report.mrmc.difference", second, first),
                        t("report.mrmc.f"), t("report.mrmc.p")), rows, new double[] {1.1, 0.8, 0.8, 1.8, 1.1, 0.8},
                t("report.mrmc.note", mrmc.readers().size(), second, first)));
        MrmcSummary accuracy = MrmcSummary.of(mrmc.accuracy(), mrmc.modalities());
        if (accuracy.tested()) {
            paragraph(t("report.mrmc.sentence", second, first, numbers.percent(accuracy.first()),
                    numbers.percent(accuracy.second()), numbers.decimal(accuracy.difference()),
                    numbers.interval(accuracy.lower(), accuracy.upper()), numbers.p(accuracy.p())));
        }
    }

    List<String> mrmcRow(String name, MrmcSummary s) {
        if (s.unavailable() != null) {
            return List.of(name, numbers.notEstimable(), numbers.notEstimable(), t("report.mrmc.unavailable",
                    s.unavailable()), "", "");
        }
        String f = s.tested() ? String.format(Locale.ROOT, "F(%s, %s) = %s", trim(s.df1()), numbers.oneDecimal(s.df2()),
                numbers.twoDecimals(s.statistic())) : numbers.notEstimable();
        return List.of(name, numbers.decimal(s.first()), numbers.decimal(s.second()),
                numbers.decimalWithInterval(s.difference(), s.lower(), s.upper()), f,
                s.tested() ? numbers.p(s.p()) : numbers.notEstimable());
    }

    // ---- 6. Agreement ----------------------------------------------------------------------------------------

    private void agreement() {
        if (report.phases().isEmpty()) {
            return;
        }
        heading("report.agreement");
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + report.settings().confidenceLevel() / 2);
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.PhaseReport phase : report.phases()) {
            var fleiss = phase.fleissKappa();
            String fleissText = fleiss == null ? numbers.notEstimable()
                    : Double.isFinite(fleiss.standardError()) ? numbers.decimalWithInterval(fleiss.kappa(),
                            fleiss.kappa() - z * fleiss.standardError(), fleiss.kappa() + z * fleiss.standardError())
                    : numbers.decimal(fleiss.kappa());
            var pairs = phase.pairwiseKappa();
            String pairText = pairs == null || pairs.pairs() == 0 ? numbers.notEstimable()
                    : t("report.agreement.pairs.value", numbers.decimal(pairs.mean()),
                            numbers.interval(pairs.min(), pairs.max()), pairs.pairs());
            rows.add(List.of(text.phase(phase.phase()), fleissText, pairText, estimateDecimal(phase.panel().kappa())));
        }
        blocks.add(new Table("table-agreement", nextTable() + " " + t("report.agreement.caption"),
                List.of(t("report.phase"), t("report.agreement.fleiss"), t("report.agreement.pairs"),
                        t("report.agreement.truth")), rows, new double[] {1, 1.6, 1.8, 1.6},
                t("report.agreement.note", level())));
    }

    private String estimateDecimal(StudyReport.Estimate e) {
        return e == null ? numbers.notEstimable() : numbers.decimalWithInterval(e.mean(), e.meanLower(), e.meanUpper());
    }

    // ---- 7. Readers against the AI ---------------------------------------------------------------------------

    private void againstAi() {
        heading("report.against-ai");
        if (report.ai() == null) {
            paragraph(t("report.no-ai.sentence"));
            return;
        }
        for (StudyReport.PhaseReport phase : report.phases()) {
            if (phase.aiComparison() == null) {
                continue;
            }
            String name = text.phase(phase.phase());
            List<List<String>> rows = new ArrayList<>();
            for (StudyReport.OperatingPointComparison o : phase.aiComparison().operatingPoints()) {
                rows.add(List.of(o.code(), String.valueOf(o.readers()),
                        t("report.of", o.readersBeatenAtTheirSpecificity(), o.readers()),
                        t("report.of", o.readersBeatenAtTheirSensitivity(), o.readers())));
            }
            blocks.add(new Table("table-beaten-" + phase.phase(), nextTable() + " " + t("report.beaten.caption", name),
                    List.of(t("report.class"), t("report.readers.n"), t("report.beaten.at-specificity"),
                            t("report.beaten.at-sensitivity")), rows, new double[] {0.8, 0.8, 1.8, 1.8},
                    t("report.beaten.note")));
            phase.aiComparison().wilcoxon().stream().filter(w -> "accuracy".equals(w.figure())).findFirst()
                    .ifPresent(w -> paragraph(t("report.wilcoxon.sentence", name, numbers.percent(w.meanReader()),
                            numbers.percent(w.meanAi()), numbers.p(w.test().p()), w.test().n())));
            long better = phase.aiComparison().mcnemar().stream().filter(m -> m.test().p() < 0.05
                    && m.readerAccuracy() > m.aiAccuracy()).count();
            long worse = phase.aiComparison().mcnemar().stream().filter(m -> m.test().p() < 0.05
                    && m.readerAccuracy() < m.aiAccuracy()).count();
            paragraph(t("report.mcnemar.sentence", name, phase.aiComparison().mcnemar().size(), worse, better));
        }
    }

    // ---- 8. Methods, notes, references -----------------------------------------------------------------------

    private void methods() {
        heading("report.methods");
        AnalysisSettings s = report.settings();
        List<String> sentences = new ArrayList<>();
        sentences.add(t("report.methods.readers"));
        if (report.ai() != null) {
            sentences.add(t("report.methods.ai", level()));
        }
        sentences.add(s.bootstrapReplicates() == 0 ? t("report.methods.bootstrap.off")
                : t("report.methods.bootstrap", String.format(Locale.ROOT, "%,d", s.bootstrapReplicates()),
                        String.valueOf(s.seed()), level()));
        sentences.add(t("report.methods.groups", groups()));
        sentences.add(t("report.methods.agreement"));
        if (report.ai() != null) {
            sentences.add(t("report.methods.against-ai"));
        }
        if (report.mrmc() != null) {
            sentences.add(t("report.methods.mrmc", text.phase(report.mrmc().modalities().get(1)),
                    text.phase(report.mrmc().modalities().get(0))));
        }
        sentences.add(t("report.methods.software"));
        paragraph(String.join(text.chinese() ? "" : " ", sentences));
    }

    private void notes() {
        if (report.warnings().isEmpty()) {
            return;
        }
        heading("report.notes");
        blocks.add(new Paragraph(t("report.notes.intro"), true));
        report.warnings().forEach(w -> blocks.add(new Paragraph("• " + AnalysisWarnings.inWords(w, this::t),
                true)));
    }

    private void references() {
        heading("report.references");
        for (String key : REFERENCES) {
            if ((key.equals("delong") || key.equals("robin")) && report.ai() == null
                    || (key.equals("obuchowski") || key.equals("hillis")) && report.mrmc() == null) {
                continue;
            }
            blocks.add(new Paragraph(t("report.reference." + key), true));
        }
    }

    private static final List<String> REFERENCES = Arrays.asList("delong", "obuchowski", "hillis", "fleiss",
            "cohen", "efron", "robin", "mcnemar", "wilcoxon");

    /** The inputs the report is written from (kept small so the command line can build them from a bundle). */
    public record ReportInput(String studyName, String modelSha256, String modelName, String modelVersion,
            StudyData study, StudyReport report, String metricsSha256, List<Double> washoutDays,
            Map<String, StudyTables.LabelRecord> labelNames) {

        public ReportInput {
            washoutDays = List.copyOf(washoutDays);
            labelNames = Map.copyOf(labelNames);
        }

        /** The inputs from a bundle's data files and the report computed from exactly those files. */
        public static ReportInput of(String studyName, String modelSha256, String modelName, String modelVersion,
                StudyData study, StudyReport report, byte[] metricsJson, BundleFiles dataFiles) {
            return new ReportInput(studyName, modelSha256, modelName, modelVersion, study, report,
                    BundleFiles.sha256(metricsJson), ReadingIntervals.washoutDays(dataFiles),
                    BundleReader.labelNames(dataFiles));
        }
    }
}
