package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dermread.analysis.ui.ResultsCells.Cell;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.StudyReport;

/**
 * The first table of a reader study (as Wang et al., Chin Med J 2020): per class the mean reader's sensitivity and
 * specificity with bootstrap 95% CIs beside the AI's, the AI's AUC with its DeLong CI, then accuracy and Fleiss'
 * kappa. Without AI predictions the AI's columns are left out (the page says once that there are none).
 */
final class ClassComparisonTable extends NativeTable {

    ClassComparisonTable(StudyReport report, StudyReport.PhaseReport phase) {
        this(report, phase, code -> code);
    }

    /** @param classLabel what the first column shows for a class code (its name in the study's taxonomy) */
    ClassComparisonTable(StudyReport report, StudyReport.PhaseReport phase, Function<String, String> classLabel) {
        this(report, phase, classLabel, "results.class");
    }

    /**
     * @param classLabel  what the first column shows for a class code
     * @param firstHeader the translation key of the first column's header ("Class", or "Group" for a grouping)
     */
    ClassComparisonTable(StudyReport report, StudyReport.PhaseReport phase, Function<String, String> classLabel,
            String firstHeader) {
        addClassName("results-table");
        setId("first-table-" + phase.phase());
        StudyReport.AiReport ai = report.ai();
        List<String> header = new ArrayList<>(List.of(firstHeader, "results.reader-sens", "results.reader-spec"));
        if (ai != null) {
            header.addAll(List.of("results.ai-sens", "results.ai-spec", "results.ai-auc"));
        }
        add(ResultsCells.header(this, header.toArray(String[]::new)));
        NativeTableBody body = new NativeTableBody();
        for (String code : report.study().labels()) {
            Optional<StudyReport.ClassPanel> panel = phase.panel().perClass().stream()
                    .filter(c -> c.code().equals(code)).findFirst();
            List<Object> row = new ArrayList<>(List.of(classLabel.apply(code),
                    ResultsCells.estimate(this, panel.map(StudyReport.ClassPanel::sensitivity).orElse(null),
                            "results.reason.sensitivity"),
                    ResultsCells.estimate(this, panel.map(StudyReport.ClassPanel::specificity).orElse(null),
                            "results.reason.specificity")));
            if (ai != null) {
                Optional<ClassMetrics> metrics = ai.perClass().stream().filter(c -> c.code().equals(code)).findFirst();
                Optional<StudyReport.AiClass> aiClass = ai.classes().stream().filter(c -> c.code().equals(code))
                        .findFirst();
                row.add(ResultsCells.percent(this, metrics.map(ClassMetrics::sensitivity).orElse(Double.NaN),
                        "results.reason.sensitivity"));
                row.add(ResultsCells.percent(this, metrics.map(ClassMetrics::specificity).orElse(Double.NaN),
                        "results.reason.specificity"));
                row.add(aiClass.filter(c -> c.auc() != null && Double.isFinite(c.auc().auc()))
                        .map(c -> Cell.of(ResultsCells.numbers(this).decimalWithInterval(c.auc().auc(),
                                c.auc().lower(), c.auc().upper())))
                        .orElse(ResultsCells.notEstimable(this, "results.reason.auc")));
            }
            body.add(ResultsCells.row(row.toArray()));
        }
        List<Object> accuracy = new ArrayList<>(List.of(getTranslation("results.accuracy"),
                ResultsCells.estimate(this, phase.panel().accuracy(), "results.reason.no-readers"), ""));
        if (ai != null) {
            accuracy.add(ResultsCells.percent(this, ai.top1Accuracy(), "results.reason.no-readers"));
            accuracy.add("");
            accuracy.add(Double.isFinite(ai.macroAuc())
                    ? Cell.of(getTranslation("results.macro-auc", ResultsCells.numbers(this).decimal(ai.macroAuc())))
                    : ResultsCells.notEstimable(this, "results.reason.auc"));
        }
        body.add(ResultsCells.row(accuracy.toArray()));
        List<Object> fleiss = new ArrayList<>(List.of(getTranslation("results.fleiss"),
                phase.fleissKappa() == null ? ResultsCells.notEstimable(this, "results.reason.fleiss")
                        : ResultsCells.decimal(this, phase.fleissKappa().kappa(), "results.reason.fleiss"), ""));
        if (ai != null) {
            fleiss.addAll(List.of("", "", ""));
        }
        body.add(ResultsCells.row(fleiss.toArray()));
        add(body);
    }
}
