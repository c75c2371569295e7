package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dermread.analysis.figures.Numbers;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.analysis.ui.ResultsCells.Cell;
import org.dermread.stats.AnswerChanges;
import org.dermread.stats.StudyReport;

/**
 * The human-AI collaboration section of the results page (studies whose readers have arms of AI help): per arm the
 * form of help, accuracy unaided and aided, the gains, reliance and accuracy on the cases the AI got wrong; the gain by
 * experience group and per class; the arms compared; the answer changes in total and per reader; the MRMC comparison
 * within each arm. Undefined figures read "not estimable" with the reason, never NaN.
 */
final class CollaborationSection extends VerticalLayout {

    private static final String NO_READER = "results.collab.reason.no-reader";

    /**
     * @param figures   the study's figures (the gain and switching figures are drawn when the browser asks)
     * @param downloads how the page offers a figure for download
     */
    CollaborationSection(StudyReport.CollaborationReport collaboration, Function<String, String> classLabel,
            StudyFigures figures, FigureDownloads downloads) {
        setPadding(false);
        setId("collaboration-results");
        int level = (int) Math.round(100 * collaboration.confidenceLevel());
        add(new H3(getTranslation("results.collab.title")),
                new Paragraph(getTranslation("results.collab.text", ResultsCells.phaseName(this,
                        collaboration.unaidedPhase()), ResultsCells.phaseName(this, collaboration.aidedPhase()),
                        level, collaboration.replicates())));
        add(armTable(collaboration));
        add(new H4(getTranslation("results.collab.groups")), groupTable(collaboration));
        Locale locale = ResultsCells.locale();
        figures.collaborationGain(locale).ifPresent(figure -> add(downloads.box(figure, "collaboration-gain",
                "collaboration-gain-figure")));
        add(new H4(getTranslation("results.collab.classes")), classTable(collaboration, classLabel));
        if (!collaboration.differences().isEmpty()) {
            add(new H4(getTranslation("results.collab.differences")), differenceTable(collaboration));
            Paragraph method = new Paragraph(getTranslation("results.collab.differences.method"));
            method.setId("collaboration-method");
            add(method);
        }
        add(new H4(getTranslation("results.collab.changes")));
        figures.switching(locale).ifPresent(figure -> add(downloads.box(figure, "collaboration-switching",
                "collaboration-switching-figure")));
        add(changeTable(collaboration));
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            if (arm.mrmc() != null) {
                MrmcTable mrmc = new MrmcTable(arm.mrmc());
                mrmc.setId("collaboration-mrmc-" + arm.arm());
                add(new H4(getTranslation("results.collab.mrmc", armName(arm))), mrmc);
            }
        }
    }

    /** The arm's name, with its code when they differ. */
    static String armName(StudyReport.ArmReport arm) {
        return arm.name().equals(arm.arm()) ? arm.arm() : arm.name() + " (" + arm.arm() + ")";
    }

    /** The forms of help in words: "top-1 diagnosis, similar cases (k = 8), saliency map". */
    String help(StudyReport.ArmHelp help) {
        if (help == null) {
            return getTranslation("results.collab.help.unknown");
        }
        List<String> forms = new ArrayList<>();
        if (help.top1()) {
            forms.add(getTranslation("results.collab.help.top1"));
        }
        if (help.probabilities()) {
            forms.add(getTranslation("results.collab.help.probabilities"));
        }
        if (help.malignancy()) {
            forms.add(getTranslation("results.collab.help.malignancy"));
        }
        if (help.similarCases()) {
            forms.add(getTranslation("results.collab.help.similar", help.similarK()));
        }
        if (help.saliency()) {
            forms.add(getTranslation("results.collab.help.saliency"));
        }
        return forms.isEmpty() ? getTranslation("results.collab.help.none")
                : String.join(getTranslation("results.collab.help.separator"), forms);
    }

    private NativeTable armTable(StudyReport.CollaborationReport collaboration) {
        NativeTable table = table("collaboration-arms");
        table.add(ResultsCells.header(this, "results.collab.arm", "results.collab.help", "results.readers.count",
                "results.collab.unaided", "results.collab.aided", "results.collab.gain", "results.collab.balanced-gain",
                "results.collab.reliance", "results.collab.over-reliance", "results.collab.ai-wrong-unaided",
                "results.collab.ai-wrong-aided"));
        NativeTableBody body = new NativeTableBody();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            body.add(ResultsCells.row(armName(arm), help(arm.help()), String.valueOf(arm.readers()),
                    percent(arm.unaidedAccuracy(), NO_READER), percent(arm.aidedAccuracy(), NO_READER),
                    percent(arm.gain(), NO_READER), percent(arm.balancedAccuracyGain(), NO_READER),
                    percent(arm.reliance(), "results.collab.reason.reliance"),
                    percent(arm.overReliance(), "results.collab.reason.over-reliance"),
                    percent(arm.accuracyOnAiWrongUnaided(), "results.collab.reason.ai-never-wrong"),
                    percent(arm.accuracyOnAiWrongAided(), "results.collab.reason.ai-never-wrong")));
        }
        table.add(body);
        return table;
    }

    private NativeTable groupTable(StudyReport.CollaborationReport collaboration) {
        NativeTable table = table("collaboration-groups");
        table.add(ResultsCells.header(this, "results.collab.arm", "results.group", "results.readers.count",
                "results.collab.gain"));
        NativeTableBody body = new NativeTableBody();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            for (StudyReport.GroupGain group : arm.experienceGroups()) {
                body.add(ResultsCells.row(armName(arm), group.group(), String.valueOf(group.readers()),
                        percent(group.gain(), NO_READER)));
            }
        }
        table.add(body);
        return table;
    }

    private NativeTable classTable(StudyReport.CollaborationReport collaboration,
            Function<String, String> classLabel) {
        NativeTable table = table("collaboration-classes");
        table.add(ResultsCells.header(this, "results.collab.arm", "results.class", "results.collab.sensitivity-gain",
                "results.collab.specificity-gain"));
        NativeTableBody body = new NativeTableBody();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            for (StudyReport.ClassGain c : arm.perClass()) {
                body.add(ResultsCells.row(armName(arm), classLabel.apply(c.code()),
                        percent(c.sensitivityGain(), "results.reason.sensitivity"),
                        percent(c.specificityGain(), "results.reason.specificity")));
            }
        }
        table.add(body);
        return table;
    }

    private NativeTable differenceTable(StudyReport.CollaborationReport collaboration) {
        NativeTable table = table("collaboration-differences");
        table.add(ResultsCells.header(this, "results.collab.arm-a", "results.collab.arm-b",
                "results.collab.gain-difference", "results.collab.se", "results.collab.z", "results.mrmc.p"));
        NativeTableBody body = new NativeTableBody();
        Numbers numbers = ResultsCells.numbers(this);
        for (StudyReport.ArmDifference d : collaboration.differences()) {
            String reason = "results.collab.reason.difference";
            body.add(ResultsCells.row(armName(arm(collaboration, d.armA())), armName(arm(collaboration, d.armB())),
                    percent(d.gainDifference(), reason),
                    Numbers.defined(d.standardError()) ? Cell.of(numbers.percent(d.standardError()))
                            : ResultsCells.notEstimable(this, reason),
                    ResultsCells.decimal(this, d.z(), reason),
                    Numbers.defined(d.p()) ? Cell.of(numbers.p(d.p())) : ResultsCells.notEstimable(this, reason)));
        }
        table.add(body);
        return table;
    }

    private NativeTable changeTable(StudyReport.CollaborationReport collaboration) {
        NativeTable table = table("collaboration-changes");
        table.add(ResultsCells.header(this, "results.collab.arm", "results.reader", "results.collab.pairs",
                "results.collab.wrong-right", "results.collab.right-wrong", "results.collab.wrong-other-wrong",
                "results.collab.wrong-same-wrong", "results.collab.right-right", "results.collab.reliance",
                "results.collab.over-reliance"));
        NativeTableBody body = new NativeTableBody();
        for (StudyReport.ArmReport arm : collaboration.arms()) {
            body.add(changeRow(armName(arm), getTranslation("results.collab.all-readers"), arm.answerChanges()));
            for (StudyReport.ReaderChanges reader : arm.readerChanges()) {
                body.add(changeRow(armName(arm), reader.readerId(), reader.changes()));
            }
        }
        table.add(body);
        return table;
    }

    private NativeTableRow changeRow(String arm, String reader, AnswerChanges c) {
        return ResultsCells.row(arm, reader, String.valueOf(c.pairs()), String.valueOf(c.wrongToRight()),
                String.valueOf(c.rightToWrong()), String.valueOf(c.wrongToOtherWrong()),
                String.valueOf(c.wrongToSameWrong()), String.valueOf(c.rightToRight()),
                switching(c.aiRightSwitched(), c.aiRightDisagreed(), "results.collab.reason.reliance"),
                switching(c.aiWrongSwitched(), c.aiWrongDisagreed(), "results.collab.reason.over-reliance"));
    }

    /** "12 / 40 (30.0%)", or not estimable without a case to switch on. */
    private Cell switching(int switched, int disagreed, String reasonKey) {
        if (disagreed == 0) {
            return ResultsCells.notEstimable(this, reasonKey);
        }
        return Cell.of(switched + " / " + disagreed + " (" + ResultsCells.numbers(this)
                .percent((double) switched / disagreed) + ")");
    }

    private Cell percent(StudyReport.Interval interval, String reasonKey) {
        if (interval == null || !Numbers.defined(interval.estimate())) {
            return ResultsCells.notEstimable(this, reasonKey);
        }
        return Cell.of(ResultsCells.numbers(this).percentWithInterval(interval.estimate(), interval.lower(),
                interval.upper()));
    }

    private static StudyReport.ArmReport arm(StudyReport.CollaborationReport collaboration, String code) {
        return collaboration.arms().stream().filter(a -> a.arm().equals(code)).findFirst().orElseThrow();
    }

    private static NativeTable table(String id) {
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.setId(id);
        return table;
    }
}
