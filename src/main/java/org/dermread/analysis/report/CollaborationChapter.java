package org.dermread.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.analysis.figures.CollaborationGainFigure;
import org.dermread.analysis.figures.SwitchingFigure;
import org.dermread.analysis.report.ReportDocument.FigureBlock;
import org.dermread.analysis.report.ReportDocument.Paragraph;
import org.dermread.analysis.report.ReportDocument.Table;
import org.dermread.stats.AnswerChanges;
import org.dermread.stats.StudyReport;

/**
 * The study report's human-AI collaboration chapter (studies whose readers have arms of AI help; Tschandl et al., Nat
 * Med 2020): the arms and their gains, reliance and accuracy where the AI was wrong, gains by experience and per class,
 * the arms compared, the MRMC comparison within each arm, and the answer changes per reader. Written from
 * {@link StudyReport#collaboration()} only, into the blocks of the report being written.
 */
final class CollaborationChapter {

    private final ReportTables w;
    private final StudyReport.CollaborationReport collaboration;

    private CollaborationChapter(ReportTables writer, StudyReport.CollaborationReport collaboration) {
        this.w = writer;
        this.collaboration = collaboration;
    }

    /** Adds the chapter, or nothing when the study has no arms. */
    static void write(ReportTables writer) {
        StudyReport.CollaborationReport collaboration = writer.report.collaboration();
        if (collaboration != null) {
            new CollaborationChapter(writer, collaboration).write();
        }
    }

    private void write() {
        w.heading("report.collab");
        String level = w.level();
        w.paragraph(w.t("report.collab.intro", w.text.phase(collaboration.unaidedPhase()),
                w.text.phase(collaboration.aidedPhase()), level,
                String.format(Locale.ROOT, "%,d", collaboration.replicates()), String.valueOf(collaboration.seed())));
        arms(level);
        reliance(level);
        groups(level);
        w.blocks.add(new FigureBlock("figure-collab-gain", CollaborationGainFigure.of(collaboration, w.text.locale()),
                w.t("report.collab.figure.gain", level)));
        classes(level);
        differences(level);
        mrmc();
        w.blocks.add(new FigureBlock("figure-collab-switching", SwitchingFigure.of(collaboration, w.text.locale()),
                w.t("report.collab.figure.switching")));
        readers();
        w.blocks.add(new Paragraph(w.t("report.collab.references"), true));
        collaboration.references().forEach(r -> w.blocks.add(new Paragraph(r, true)));
    }

    private void arms(String level) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            rows.add(List.of(name(arm), help(arm.help()), String.valueOf(arm.readers()),
                    percent(arm.unaidedAccuracy()), percent(arm.aidedAccuracy()), percent(arm.gain()),
                    percent(arm.balancedAccuracyGain())));
        }
        w.blocks.add(new Table("table-collab-arms", w.nextTable() + " " + w.t("report.collab.arms.caption"),
                List.of(w.t("report.collab.arm"), w.t("report.collab.help"), w.t("report.readers.n"),
                        w.t("report.collab.unaided"), w.t("report.collab.aided"), w.t("report.collab.gain"),
                        w.t("report.collab.balanced-gain")), rows, new double[] {1.2, 1.6, 0.8, 1.3, 1.3, 1.3, 1.3},
                w.t("report.collab.arms.note", level)));
    }

    private void reliance(String level) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            AnswerChanges c = arm.answerChanges();
            rows.add(List.of(name(arm), percent(arm.reliance()), percent(arm.overReliance()),
                    percent(arm.accuracyOnAiWrongUnaided()), percent(arm.accuracyOnAiWrongAided()),
                    c.wrongToRight() + " / " + c.rightToWrong() + " / " + c.wrongToOtherWrong()));
        }
        w.blocks.add(new Table("table-collab-reliance", w.nextTable() + " " + w.t("report.collab.reliance.caption"),
                List.of(w.t("report.collab.arm"), w.t("report.collab.reliance"), w.t("report.collab.over-reliance"),
                        w.t("report.collab.ai-wrong-unaided"), w.t("report.collab.ai-wrong-aided"),
                        w.t("report.collab.changes")), rows, new double[] {1.2, 1.4, 1.4, 1.4, 1.4, 1.3},
                w.t("report.collab.reliance.note", level)));
    }

    private void groups(String level) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            for (StudyReport.GroupGain g : arm.experienceGroups()) {
                rows.add(List.of(name(arm), g.group(), String.valueOf(g.readers()), percent(g.gain())));
            }
        }
        w.blocks.add(new Table("table-collab-groups", w.nextTable() + " " + w.t("report.collab.groups.caption"),
                List.of(w.t("report.collab.arm"), w.t("report.group"), w.t("report.readers.n"),
                        w.t("report.collab.gain")), rows, new double[] {1.4, 1, 0.8, 1.6},
                w.t("report.collab.groups.note", level, w.groups())));
    }

    private void classes(String level) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            for (StudyReport.ClassGain c : arm.perClass()) {
                rows.add(List.of(name(arm), c.code(), percent(c.sensitivityGain()), percent(c.specificityGain())));
            }
        }
        w.blocks.add(new Table("table-collab-classes", w.nextTable() + " " + w.t("report.collab.classes.caption"),
                List.of(w.t("report.collab.arm"), w.t("report.class"), w.t("report.collab.sensitivity-gain"),
                        w.t("report.collab.specificity-gain")), rows, new double[] {1.4, 0.8, 1.6, 1.6},
                w.t("report.collab.classes.note", level)));
    }

    private void differences(String level) {
        if (collaboration.differences().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmDifference d : collaboration.differences()) {
            rows.add(List.of(name(arm(d.armA())), name(arm(d.armB())), percent(d.gainDifference()),
                    w.numbers.percent(d.standardError()), w.numbers.twoDecimals(d.z()), w.numbers.p(d.p())));
        }
        w.blocks.add(new Table("table-collab-differences", w.nextTable() + " "
                + w.t("report.collab.differences.caption"), List.of(w.t("report.collab.arm-a"),
                w.t("report.collab.arm-b"), w.t("report.collab.gain-difference"), w.t("report.collab.se"), "z",
                w.t("report.mrmc.p")), rows, new double[] {1.3, 1.3, 1.8, 0.8, 0.6, 0.8},
                w.t("report.collab.differences.note", level)));
    }

    private void mrmc() {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            if (arm.mrmc() == null) {
                rows.add(List.of(name(arm), w.numbers.notEstimable(), w.numbers.notEstimable(),
                        w.numbers.notEstimable(), "", ""));
                continue;
            }
            MrmcSummary s = MrmcSummary.of(arm.mrmc().accuracy(), arm.mrmc().modalities());
            if (s.unavailable() != null) {
                rows.add(List.of(name(arm), w.numbers.notEstimable(), w.numbers.notEstimable(),
                        AnalysisWarnings.inWords(s.unavailable(), w::t), "", ""));
                continue;
            }
            rows.add(List.of(name(arm), w.numbers.percent(s.first()), w.numbers.percent(s.second()),
                    w.numbers.decimalWithInterval(s.difference(), s.lower(), s.upper()),
                    s.tested() ? String.format(Locale.ROOT, "F(%s, %s) = %s", ReportTables.trim(s.df1()),
                            w.numbers.oneDecimal(s.df2()), w.numbers.twoDecimals(s.statistic()))
                            : w.numbers.notEstimable(),
                    s.tested() ? w.numbers.p(s.p()) : w.numbers.notEstimable()));
        }
        String first = w.text.phase(collaboration.unaidedPhase());
        String second = w.text.phase(collaboration.aidedPhase());
        w.blocks.add(new Table("table-collab-mrmc", w.nextTable() + " " + w.t("report.collab.mrmc.caption", first,
                second), List.of(w.t("report.collab.arm"), first, second, w.t("report.mrmc.difference", second, first),
                w.t("report.mrmc.f"), w.t("report.mrmc.p")), rows, new double[] {1.3, 0.9, 0.9, 1.8, 1.2, 0.8},
                w.t("report.collab.mrmc.note")));
    }

    private void readers() {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            for (StudyReport.ReaderChanges r : arm.readerChanges()) {
                AnswerChanges c = r.changes();
                rows.add(List.of(arm.arm(), r.readerId(), r.experienceGroup(), String.valueOf(c.pairs()),
                        String.valueOf(c.wrongToRight()), String.valueOf(c.rightToWrong()),
                        String.valueOf(c.wrongToOtherWrong()), switching(c.aiRightSwitched(), c.aiRightDisagreed()),
                        switching(c.aiWrongSwitched(), c.aiWrongDisagreed())));
            }
        }
        w.blocks.add(new Table("table-collab-readers", w.nextTable() + " " + w.t("report.collab.readers.caption"),
                List.of(w.t("report.collab.arm"), w.t("report.collab.reader"), w.t("report.group"),
                        w.t("report.collab.pairs"), w.t("report.collab.wrong-right"),
                        w.t("report.collab.right-wrong"), w.t("report.collab.wrong-other-wrong"),
                        w.t("report.collab.reliance"), w.t("report.collab.over-reliance")), rows,
                new double[] {0.6, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 1.3, 1.3}, w.t("report.collab.readers.note")));
    }

    private String switching(int switched, int disagreed) {
        return disagreed == 0 ? w.numbers.notEstimable()
                : switched + "/" + disagreed + " (" + w.numbers.percent((double) switched / disagreed) + ")";
    }

    private String percent(StudyReport.Interval i) {
        return i == null ? w.numbers.notEstimable() : w.numbers.percentWithInterval(i.estimate(), i.lower(),
                i.upper());
    }

    private StudyReport.ArmReport arm(String code) {
        return collaboration.arms().stream().filter(a -> a.arm().equals(code)).findFirst().orElseThrow();
    }

    private static String name(StudyReport.ArmReport arm) {
        return arm.name().equals(arm.arm()) ? arm.arm() : arm.name() + " (" + arm.arm() + ")";
    }

    private String help(StudyReport.ArmHelp help) {
        if (help == null) {
            return w.t("report.collab.help.unknown");
        }
        List<String> forms = new ArrayList<>();
        if (help.top1()) {
            forms.add(w.t("report.collab.help.top1"));
        }
        if (help.probabilities()) {
            forms.add(w.t("report.collab.help.probabilities"));
        }
        if (help.malignancy()) {
            forms.add(w.t("report.collab.help.malignancy"));
        }
        if (help.similarCases()) {
            forms.add(w.t("report.collab.help.similar", help.similarK()));
        }
        if (help.saliency()) {
            forms.add(w.t("report.collab.help.saliency"));
        }
        return forms.isEmpty() ? w.t("report.collab.help.none") : String.join(w.t("report.list.separator"), forms);
    }
}
