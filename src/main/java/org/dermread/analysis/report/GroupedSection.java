package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;
import org.dermread.stats.StudyReport;

/**
 * The report's malignant-versus-benign part (issue 17), a subsection after Table 2 written from the {@code grouped}
 * figures of metrics.json: which labels form each group (the groups of the study's taxonomy), then per phase the
 * mean reader's sensitivity and specificity for each group against the other, the AI's sensitivity at the readers'
 * mean specificity and the AUC of its group score (the sum of its probabilities over the group's labels), and, with
 * two phases, the MRMC comparison of top-1 accuracy and of each group's AUC. Reader studies on skin cancer report
 * these figures for malignancy beside the per-class ones (e.g. Haenssle et al., Ann Oncol 29:1836-1842, 2018;
 * Tschandl et al., Lancet Oncol 20:938-947, 2019). Nothing is written for an analysis without a grouping.
 */
final class GroupedSection {

    private final StudyReportDocument w;
    private final StudyReport.GroupedReport grouped;

    private GroupedSection(StudyReportDocument writer, StudyReport.GroupedReport grouped) {
        this.w = writer;
        this.grouped = grouped;
    }

    /** Adds the section to the report being written, when its analysis has a grouping with readings. */
    static void write(StudyReportDocument writer) {
        StudyReport.GroupedReport grouped = writer.report.grouped();
        if (grouped == null || grouped.phases().isEmpty()) {
            return;
        }
        new GroupedSection(writer, grouped).write();
    }

    private void write() {
        w.subheading(w.t("report.grouped"));
        List<String> groups = grouped.study().labels();
        String separator = w.text.chinese() ? "；" : "; ";
        List<String> members = new ArrayList<>();
        for (String group : groups) {
            members.add(w.t("report.grouped.members", groupName(group), String.join(w.text.chinese() ? "、" : ", ",
                    grouped.grouping().groupOf().entrySet().stream().filter(e -> e.getValue().equals(group))
                            .map(Map.Entry::getKey).map(this::named).toList())));
        }
        w.paragraph(w.t("report.grouped.text", String.join(separator, members)));
        boolean ai = grouped.ai() != null;
        for (StudyReport.PhaseReport phase : grouped.phases()) {
            table(phase, ai);
        }
        mrmc();
        grouped.warnings().forEach(warning -> w.blocks.add(new Paragraph("• " + AnalysisWarnings.inWords(warning,
                w::t), true)));
    }

    private void table(StudyReport.PhaseReport phase, boolean ai) {
        List<String> header = new ArrayList<>(List.of(w.t("report.grouped.group"), w.t("report.cases"),
                w.t("report.reader-sens"), w.t("report.reader-spec")));
        if (ai) {
            header.add(w.t("report.ai-sens-at-spec"));
            header.add(w.t("report.ai-auc"));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> groups = grouped.study().labels();
        for (int k = 0; k < groups.size(); k++) {
            String group = groups.get(k);
            Optional<StudyReport.ClassPanel> panel = w.classPanel(phase.panel(), group);
            List<String> row = new ArrayList<>(List.of(groupName(group),
                    String.valueOf(grouped.study().casesPerClass().get(k)),
                    panel.map(p -> w.estimate(p.sensitivity())).orElse(w.numbers.notEstimable()),
                    panel.map(p -> w.estimate(p.specificity())).orElse(w.numbers.notEstimable())));
            if (ai) {
                row.add(w.operatingPoint(phase, group));
                row.add(grouped.ai().classes().stream().filter(c -> c.code().equals(group) && c.auc() != null)
                        .findFirst().map(c -> w.numbers.decimalWithInterval(c.auc().auc(), c.auc().lower(),
                                c.auc().upper())).orElse(w.numbers.notEstimable()));
            }
            rows.add(row);
        }
        List<String> accuracy = new ArrayList<>(List.of(w.t("report.top1"), String.valueOf(grouped.study().cases()),
                w.estimate(phase.panel().accuracy()), ""));
        if (ai) {
            accuracy.add(w.t("report.ai-top1", w.numbers.percent(grouped.ai().top1Accuracy())));
            accuracy.add("");
        }
        rows.add(accuracy);
        double[] widths = ai ? new double[] {0.8, 0.6, 1.6, 1.6, 1.6, 1.6} : new double[] {0.8, 0.6, 1.6, 1.6};
        w.blocks.add(new Table("table-grouped-" + phase.phase(), w.nextTable() + " " + w.t("report.grouped.caption",
                w.text.phase(phase.phase())), header, rows, widths, w.t(ai ? "report.grouped.note"
                        : "report.grouped.note.no-ai", w.level(), w.report.settings().bootstrapReplicates())));
    }

    private void mrmc() {
        StudyReport.MrmcReport mrmc = grouped.mrmc();
        if (mrmc == null) {
            return;
        }
        String first = w.text.phase(mrmc.modalities().get(0));
        String second = w.text.phase(mrmc.modalities().get(1));
        List<List<String>> rows = new ArrayList<>();
        rows.add(w.mrmcRow(w.t("report.top1"), MrmcSummary.of(mrmc.accuracy(), mrmc.modalities())));
        for (StudyReport.MrmcClass c : mrmc.classes()) {
            rows.add(w.mrmcRow(w.t("report.mrmc.auc", groupName(c.code())), MrmcSummary.of(c.auc(),
                    mrmc.modalities())));
        }
        w.blocks.add(new Table("table-grouped-mrmc", w.nextTable() + " " + w.t("report.grouped.mrmc.caption", first,
                second), List.of(w.t("report.mrmc.figure"), first, second, w.t("report.mrmc.difference", second,
                        first), w.t("report.mrmc.f"), w.t("report.mrmc.p")), rows,
                new double[] {1.1, 0.8, 0.8, 1.8, 1.1, 0.8}, w.t("report.mrmc.note", mrmc.readers().size(), second,
                        first)));
    }

    /** A group's name in the report's language ("malignant", "恶性"), or as the grouping spells it. */
    private String groupName(String group) {
        try {
            return w.t("report.group." + group);
        } catch (IllegalStateException e) {
            return group;
        }
    }

    /** A label with its name in the taxonomy: "MEL (melanoma)", "MEL（黑色素瘤）"; the code alone without one. */
    private String named(String code) {
        String name = w.className(code);
        if (name.equals(code)) {
            return code;
        }
        return w.text.chinese() ? code + "（" + name + "）" : code + " (" + name + ")";
    }
}
