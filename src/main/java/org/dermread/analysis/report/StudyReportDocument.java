package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.dermread.analysis.figures.ConfusionFigure;
import org.dermread.analysis.figures.FigureText;
import org.dermread.analysis.figures.Numbers;
import org.dermread.analysis.figures.RocPanelFigure;
import org.dermread.analysis.report.ReportDocument.Block;
import org.dermread.analysis.report.ReportDocument.FigureBlock;
import org.dermread.analysis.report.ReportDocument.Heading;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;
import org.dermread.bundle.BundleFiles;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.RocPoint;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReader;
import org.dermread.stats.StudyReport;

/**
 * Writes the study report of one analysis in English or Chinese: study design, Table 1 (the readers), Table 2 (per
 * class the mean reader beside the AI, overall and per experience group), Figure 1 (the multi-panel ROC figure),
 * Figure 2 (confusion matrices), the MRMC comparison of the phases, agreement, readers against the AI, a methods
 * paragraph with references written from the settings actually used, and the notes on the data. Every number comes
 * from the {@link StudyReport} that is the bundle's {@code metrics.json} (its SHA-256 is printed on the first page);
 * Table 1 and the interval between phases come from the bundle's {@code readers.csv} and {@code readings.csv}.
 * Nothing depends on the clock, so the same bundle gives the same report.
 */
public final class StudyReportDocument {

    private final ReportInput input;
    private final StudyReport report;
    private final FigureText text;
    private final Numbers numbers;
    private final List<Block> blocks = new ArrayList<>();
    private int tables;

    private StudyReportDocument(ReportInput input, Locale locale) {
        this.input = input;
        this.report = input.report();
        this.text = FigureText.of(locale);
        this.numbers = Numbers.of(text);
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
        figures();
        mrmc();
        agreement();
        againstAi();
        methods();
        notes();
        references();
    }

    private String t(String key, Object... arguments) {
        return text.get(key, arguments);
    }

    private void heading(String key, Object... arguments) {
        blocks.add(new Heading(1, t(key, arguments)));
    }

    private void subheading(String textValue) {
        blocks.add(new Heading(2, textValue));
    }

    private void paragraph(String value) {
        blocks.add(new Paragraph(value));
    }

    private String nextTable() {
        return t("report.table", ++tables);
    }

    // ---- 1. Study design -------------------------------------------------------------------------------------

    private void design() {
        heading("report.design");
        AnalysisSettings s = report.settings();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.design.cases"), String.valueOf(report.study().cases())));
        rows.add(List.of(t("report.design.labels"), String.join(", ", report.study().labels())));
        rows.add(List.of(t("report.design.readers"), String.valueOf(report.study().readers())));
        List<String> phases = report.study().phases();
        rows.add(List.of(t("report.design.phases"), phases.isEmpty() ? t("report.none")
                : phases.stream().map(text::phase).collect(Collectors.joining(", "))));
        if (phases.size() >= 2) {
            rows.add(List.of(t("report.design.order"), t("report.design.order.sequential",
                    text.phase(phases.get(0)), text.phase(phases.get(1)))));
            rows.add(List.of(t("report.design.washout"), washout()));
        }
        if (input.modelSha256() == null && report.ai() == null) {
            rows.add(List.of(t("report.design.model"), t("report.no-ai")));
        } else {
            String model = input.modelName() == null ? t("report.not-recorded")
                    : input.modelName() + (input.modelVersion() == null ? "" : " " + input.modelVersion());
            rows.add(List.of(t("report.design.model"), model));
            rows.add(List.of(t("report.design.model-sha"), input.modelSha256() == null ? t("report.not-recorded")
                    : input.modelSha256()));
            rows.add(List.of(t("report.design.ai-cases"), t("report.of", report.study().casesWithAi(),
                    report.study().cases())));
        }
        rows.add(List.of(t("report.design.bootstrap"), s.bootstrapReplicates() == 0 ? t("report.design.bootstrap.off")
                : t("report.design.bootstrap.value", String.format(Locale.ROOT, "%,d", s.bootstrapReplicates()),
                        String.valueOf(s.seed()))));
        rows.add(List.of(t("report.design.confidence"), level()));
        rows.add(List.of(t("report.design.groups"), groups()));
        blocks.add(new Table("design", t("report.design.caption"), List.of(t("report.item"), t("report.value")),
                rows, new double[] {1, 2.2}, null));

        List<List<String>> classes = new ArrayList<>();
        for (int k = 0; k < report.study().labels().size(); k++) {
            String code = report.study().labels().get(k);
            classes.add(List.of(code, className(code), String.valueOf(report.study().casesPerClass().get(k))));
        }
        blocks.add(new Table("cases-per-class", t("report.design.cases-caption"),
                List.of(t("report.class"), t("report.diagnosis"), t("report.cases")), classes,
                new double[] {1, 3, 1}, null));
    }

    private String level() {
        return String.format(Locale.ROOT, "%s%%", trim(100 * report.settings().confidenceLevel()));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private String groups() {
        List<Double> cuts = report.settings().experienceCutPoints();
        String field = t(AnalysisSettings.YEARS_DERMOSCOPY.equals(report.settings().experienceField())
                ? "report.field.dermoscopy" : "report.field.dermatology");
        if (cuts.isEmpty()) {
            return t("report.design.groups.none");
        }
        List<String> names = new ArrayList<>();
        names.add("<" + trim(cuts.get(0)));
        for (int i = 1; i < cuts.size(); i++) {
            names.add(trim(cuts.get(i - 1)) + "-" + trim(cuts.get(i)));
        }
        names.add((cuts.size() == 1 ? ">=" : ">") + trim(cuts.get(cuts.size() - 1)));
        return t("report.design.groups.value", String.join(", ", names), field);
    }

    private String washout() {
        List<Double> days = input.washoutDays();
        if (days.isEmpty()) {
            return t("report.design.washout.none");
        }
        double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return t("report.design.washout.value", numbers.oneDecimal(quantile(sorted, 0.5)),
                text.get("report.interval", numbers.oneDecimal(sorted[0]),
                        numbers.oneDecimal(sorted[sorted.length - 1])), sorted.length);
    }

    private String className(String code) {
        String key = "report.class." + code;
        try {
            return t(key);
        } catch (IllegalStateException e) {
            return code;
        }
    }

    // ---- 2. Table 1: readers ---------------------------------------------------------------------------------

    private void readers() {
        heading("report.readers");
        List<StudyReader> readers = input.study().readers();
        int n = readers.size();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.readers.count"), String.valueOf(n)));
        counts(rows, t("report.readers.title"), readers, StudyReader::title, "report.title.");
        counts(rows, t("report.readers.hospital"), readers, StudyReader::hospitalLevel, "report.hospital.");
        Map<String, String> groupOf = new LinkedHashMap<>();
        report.phases().forEach(phase -> phase.readerResults().forEach(r -> groupOf.putIfAbsent(r.readerId(),
                r.experienceGroup())));
        counts(rows, t("report.readers.group", t(AnalysisSettings.YEARS_DERMOSCOPY.equals(
                report.settings().experienceField()) ? "report.field.dermoscopy" : "report.field.dermatology")),
                readers, r -> groupOf.getOrDefault(r.id(), ""), "report.group-value.");
        counts(rows, t("report.readers.board"), readers, StudyReader::boardCertified, "report.yes-no.");
        rows.add(List.of(t("report.readers.years-dermatology"), medianIqr(readers.stream()
                .mapToDouble(StudyReader::yearsDermatology).filter(Double::isFinite).sorted().toArray())));
        rows.add(List.of(t("report.readers.years-dermoscopy"), medianIqr(readers.stream()
                .mapToDouble(StudyReader::yearsDermoscopy).filter(Double::isFinite).sorted().toArray())));
        blocks.add(new Table("table-1", nextTable() + " " + t("report.readers.caption"),
                List.of(t("report.readers.characteristic"), t("report.readers.n")), rows, new double[] {2.4, 1},
                t("report.readers.note")));
    }

    /** A heading row, then one row per value with its count and share of the readers (unrecorded last). */
    private void counts(List<List<String>> rows, String heading, List<StudyReader> readers,
            Function<StudyReader, String> field, String keyPrefix) {
        rows.add(List.of(heading, ""));
        Map<String, Long> counts = readers.stream().collect(Collectors.groupingBy(r -> field.apply(r),
                LinkedHashMap::new, Collectors.counting()));
        List<String> values = new ArrayList<>(counts.keySet());
        List<String> groupOrder = report.phases().isEmpty() ? List.of() : report.phases().get(0).experienceGroups()
                .stream().map(StudyReport.PanelSummary::group).toList();
        values.sort((a, b) -> a.isEmpty() != b.isEmpty() ? (a.isEmpty() ? 1 : -1)
                : groupOrder.contains(a) && groupOrder.contains(b)
                        ? Integer.compare(groupOrder.indexOf(a), groupOrder.indexOf(b)) : a.compareTo(b));
        for (String value : values) {
            String name = value.isEmpty() ? t("report.not-recorded") : valueName(keyPrefix, value);
            long count = counts.get(value);
            rows.add(List.of("    " + name, String.format(Locale.ROOT, "%d (%.0f%%)", count,
                    100.0 * count / Math.max(1, readers.size()))));
        }
    }

    private String valueName(String keyPrefix, String value) {
        if (keyPrefix.equals("report.group-value.")) {
            return text.group(value);
        }
        if (keyPrefix.equals("report.yes-no.")) {
            value = switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> "yes";
                case "false", "no" -> "no";
                default -> value;
            };
        }
        try {
            return t(keyPrefix + value);
        } catch (IllegalStateException e) {
            return value;
        }
    }

    private String medianIqr(double[] sorted) {
        if (sorted.length == 0) {
            return t("report.not-recorded");
        }
        return t("report.median-iqr", numbers.oneDecimal(quantile(sorted, 0.5)),
                text.get("report.interval", numbers.oneDecimal(quantile(sorted, 0.25)),
                        numbers.oneDecimal(quantile(sorted, 0.75))), sorted.length);
    }

    /** Type-7 quantile (R's default) of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // ---- 3. Table 2: per class -------------------------------------------------------------------------------

    private void perClass() {
        heading("report.per-class");
        boolean ai = report.ai() != null;
        if (!ai) {
            paragraph(t("report.no-ai.sentence"));
        }
        for (StudyReport.PhaseReport phase : report.phases()) {
            String name = text.phase(phase.phase());
            List<String> header = new ArrayList<>(List.of(t("report.class"), t("report.cases"),
                    t("report.reader-sens"), t("report.reader-spec")));
            if (ai) {
                header.add(t("report.ai-sens-at-spec"));
                header.add(t("report.ai-auc"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (int k = 0; k < report.study().labels().size(); k++) {
                String code = report.study().labels().get(k);
                Optional<StudyReport.ClassPanel> panel = classPanel(phase.panel(), code);
                List<String> row = new ArrayList<>(List.of(code, String.valueOf(report.study().casesPerClass()
                        .get(k)), panel.map(p -> estimate(p.sensitivity())).orElse(numbers.notEstimable()),
                        panel.map(p -> estimate(p.specificity())).orElse(numbers.notEstimable())));
                if (ai) {
                    row.add(operatingPoint(phase, code));
                    row.add(aiClass(code).filter(c -> c.auc() != null).map(c -> numbers.decimalWithInterval(
                            c.auc().auc(), c.auc().lower(), c.auc().upper())).orElse(numbers.notEstimable()));
                }
                rows.add(row);
            }
            List<String> accuracy = new ArrayList<>(List.of(t("report.top1"), String.valueOf(report.study().cases()),
                    estimate(phase.panel().accuracy()), ""));
            if (ai) {
                accuracy.add(t("report.ai-top1", numbers.percent(report.ai().top1Accuracy())));
                accuracy.add(t("report.macro-auc", numbers.decimal(report.ai().macroAuc())));
            }
            rows.add(accuracy);
            double[] widths = ai ? new double[] {0.8, 0.6, 1.6, 1.6, 1.6, 1.6} : new double[] {0.8, 0.6, 1.6, 1.6};
            blocks.add(new Table("table-2-" + phase.phase(), nextTable() + " " + t("report.per-class.caption", name),
                    header, rows, widths, t(ai ? "report.per-class.note" : "report.per-class.note.no-ai", level(),
                            report.settings().bootstrapReplicates())));
            groupTable(phase, name, ai);
        }
    }

    private void groupTable(StudyReport.PhaseReport phase, String name, boolean ai) {
        if (phase.experienceGroups().isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of(t("report.group"), t("report.class"), t("report.readers.n"),
                t("report.reader-sens"), t("report.reader-spec")));
        if (ai) {
            header.add(t("report.ai-sens-at-group-spec"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.PanelSummary group : phase.experienceGroups()) {
            for (String code : report.study().labels()) {
                Optional<StudyReport.ClassPanel> panel = classPanel(group, code);
                List<String> row = new ArrayList<>(List.of(text.group(group.group()), code,
                        String.valueOf(group.readers()),
                        panel.map(p -> estimate(p.sensitivity())).orElse(numbers.notEstimable()),
                        panel.map(p -> estimate(p.specificity())).orElse(numbers.notEstimable())));
                if (ai) {
                    double spec = panel.map(p -> p.specificity().mean()).orElse(Double.NaN);
                    row.add(numbers.percent(aiClass(code).filter(c -> c.roc() != null)
                            .map(c -> sensitivityAtSpecificity(c.roc(), spec)).orElse(Double.NaN)));
                }
                rows.add(row);
            }
            List<String> accuracy = new ArrayList<>(List.of(text.group(group.group()), t("report.top1"),
                    String.valueOf(group.readers()), estimate(group.accuracy()), ""));
            if (ai) {
                accuracy.add("");
            }
            rows.add(accuracy);
        }
        double[] widths = ai ? new double[] {0.9, 0.8, 0.7, 1.6, 1.6, 1.3} : new double[] {0.9, 0.8, 0.7, 1.6, 1.6};
        blocks.add(new Table("table-2-groups-" + phase.phase(), nextTable() + " " + t("report.groups.caption", name),
                header, rows, widths, ai ? t("report.groups.note") : null));
    }

    private Optional<StudyReport.ClassPanel> classPanel(StudyReport.PanelSummary panel, String code) {
        return panel.perClass().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private Optional<StudyReport.AiClass> aiClass(String code) {
        return report.ai() == null ? Optional.empty()
                : report.ai().classes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private String estimate(StudyReport.Estimate e) {
        return e == null ? numbers.notEstimable() : numbers.percentWithInterval(e.mean(), e.meanLower(), e.meanUpper());
    }

    private String operatingPoint(StudyReport.PhaseReport phase, String code) {
        if (phase.aiComparison() == null) {
            return numbers.notEstimable();
        }
        return phase.aiComparison().operatingPoints().stream().filter(o -> o.code().equals(code)).findFirst()
                .map(o -> o.aiSensitivityAtMeanSpecificity() == null ? numbers.notEstimable()
                        : numbers.percentWithInterval(o.aiSensitivityAtMeanSpecificity().estimate(),
                                o.aiSensitivityAtMeanSpecificity().lower(), o.aiSensitivityAtMeanSpecificity().upper()))
                .orElse(numbers.notEstimable());
    }

    /**
     * The AI's sensitivity at a specificity, read from its ROC points (ordered by increasing threshold) as pROC's
     * {@code coords(input = "specificity")} does (Robin et al., BMC Bioinformatics 2011): the highest sensitivity at
     * exactly that specificity, else linear interpolation between the neighbouring points. The statistics compute
     * this for the panel's mean only; the report needs it per experience group.
     */
    static double sensitivityAtSpecificity(List<RocPoint> points, double specificity) {
        if (!(specificity >= 0 && specificity <= 1)) {
            return Double.NaN;
        }
        for (RocPoint p : points) {
            if (p.specificity() == specificity) {
                return p.sensitivity();
            }
        }
        for (int i = 1; i < points.size(); i++) {
            RocPoint here = points.get(i);
            RocPoint before = points.get(i - 1);
            if (here.specificity() > specificity) {
                double proportion = (specificity - here.specificity()) / (before.specificity() - here.specificity());
                return here.sensitivity() + proportion * (before.sensitivity() - here.sensitivity());
            }
        }
        return Double.NaN;
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
                    text.locale()), t("report.figure", figure) + " " + t(report.ai() == null
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
                    t("figure.confusion.title", text.phase(phase.phase())), panels, text.locale()),
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

    private List<String> mrmcRow(String name, MrmcSummary s) {
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
        report.warnings().forEach(w -> blocks.add(new Paragraph("• " + w, true)));
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
            StudyData study, StudyReport report, String metricsSha256, List<Double> washoutDays) {

        public ReportInput {
            washoutDays = List.copyOf(washoutDays);
        }

        /** The inputs from a bundle's data files and the report computed from exactly those files. */
        public static ReportInput of(String studyName, String modelSha256, String modelName, String modelVersion,
                StudyData study, StudyReport report, byte[] metricsJson, BundleFiles dataFiles) {
            return new ReportInput(studyName, modelSha256, modelName, modelVersion, study, report,
                    BundleFiles.sha256(metricsJson), ReadingIntervals.washoutDays(dataFiles));
        }
    }
}
