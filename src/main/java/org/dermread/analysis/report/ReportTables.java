package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.analysis.report.ReportDocument.Table;
import org.dermread.analysis.report.StudyReportDocument.ReportInput;
import org.dermread.bundle.StudyTables;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.RocPoint;
import org.dermread.stats.StudyReader;
import org.dermread.stats.StudyReport;


/** The study report's design section and its tables: Table 1 (the readers) and Table 2 (per class). */
abstract class ReportTables extends ReportWriter {

    ReportTables(ReportInput input, Locale locale) {
        super(input, locale);
    }

    void design() {
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

    String level() {
        return String.format(Locale.ROOT, "%s%%", trim(100 * report.settings().confidenceLevel()));
    }

    static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    String groups() {
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

    String washout() {
        List<Double> days = input.washoutDays();
        if (days.isEmpty()) {
            return t("report.design.washout.none");
        }
        double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return t("report.design.washout.value", numbers.oneDecimal(quantile(sorted, 0.5)),
                text.get("report.interval", numbers.oneDecimal(sorted[0]),
                        numbers.oneDecimal(sorted[sorted.length - 1])), sorted.length);
    }

    /** The diagnosis's name: the study's taxonomy's, as labels.csv holds it; else the translations'; else the code. */
    String className(String code) {
        StudyTables.LabelRecord named = input.labelNames().get(code);
        if (named != null) {
            return "zh".equals(text.locale().getLanguage()) ? named.nameZh() : named.nameEn();
        }
        String key = "report.class." + code;
        try {
            return t(key);
        } catch (IllegalStateException e) {
            return code;
        }
    }

    // ---- 2. Table 1: readers ---------------------------------------------------------------------------------

    void readers() {
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
    void counts(List<List<String>> rows, String heading, List<StudyReader> readers,
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

    String valueName(String keyPrefix, String value) {
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
        // Codes are upper case in bundles DermRead writes; a hand-made bundle may spell them in lower case.
        for (String code : List.of(value, value.toUpperCase(Locale.ROOT))) {
            try {
                return t(keyPrefix + code);
            } catch (IllegalStateException e) {
                // not a known code in this spelling
            }
        }
        return value;
    }

    String medianIqr(double[] sorted) {
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

    void perClass() {
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

    void groupTable(StudyReport.PhaseReport phase, String name, boolean ai) {
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

    Optional<StudyReport.ClassPanel> classPanel(StudyReport.PanelSummary panel, String code) {
        return panel.perClass().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    Optional<StudyReport.AiClass> aiClass(String code) {
        return report.ai() == null ? Optional.empty()
                : report.ai().classes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    String estimate(StudyReport.Estimate e) {
        return e == null ? numbers.notEstimable() : numbers.percentWithInterval(e.mean(), e.meanLower(), e.meanUpper());
    }

    String operatingPoint(StudyReport.PhaseReport phase, String code) {
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

}
