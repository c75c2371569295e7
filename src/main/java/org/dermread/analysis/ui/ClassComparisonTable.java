package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import java.util.Locale;
import java.util.Optional;
import org.dermread.stats.ClassMetrics;
import org.dermread.stats.StudyReport;

/**
 * The first table of a reader study (as Wang et al., Chin Med J 2020): per class the mean reader's sensitivity and
 * specificity with bootstrap 95% CIs beside the AI's, the AI's AUC with its DeLong CI, then accuracy and Fleiss'
 * kappa.
 */
final class ClassComparisonTable extends NativeTable {

    ClassComparisonTable(StudyReport report, StudyReport.PhaseReport phase) {
        addClassName("results-table");
        setId("first-table-" + phase.phase());
        add(ResultsCells.header(this, "results.class", "results.reader-sens", "results.reader-spec",
                "results.ai-sens", "results.ai-spec", "results.ai-auc"));
        StudyReport.AiReport ai = report.ai();
        NativeTableBody body = new NativeTableBody();
        for (String code : report.study().labels()) {
            Optional<StudyReport.ClassPanel> panel = phase.panel().perClass().stream()
                    .filter(c -> c.code().equals(code)).findFirst();
            Optional<ClassMetrics> aiMetrics = ai == null ? Optional.empty()
                    : ai.perClass().stream().filter(c -> c.code().equals(code)).findFirst();
            Optional<StudyReport.AiClass> aiClass = ai == null ? Optional.empty()
                    : ai.classes().stream().filter(c -> c.code().equals(code)).findFirst();
            body.add(ResultsCells.row(code,
                    panel.map(p -> ResultsCells.estimate(p.sensitivity())).orElse(ResultsCells.UNDEFINED),
                    panel.map(p -> ResultsCells.estimate(p.specificity())).orElse(ResultsCells.UNDEFINED),
                    aiMetrics.map(m -> ResultsCells.percent(m.sensitivity())).orElse(ResultsCells.UNDEFINED),
                    aiMetrics.map(m -> ResultsCells.percent(m.specificity())).orElse(ResultsCells.UNDEFINED),
                    aiClass.filter(c -> c.auc() != null).map(c -> String.format(Locale.ROOT, "%.3f (%.3f–%.3f)",
                            c.auc().auc(), c.auc().lower(), c.auc().upper())).orElse(ResultsCells.UNDEFINED)));
        }
        body.add(ResultsCells.row(getTranslation("results.accuracy"), ResultsCells.estimate(phase.panel().accuracy()),
                "", ai == null ? ResultsCells.UNDEFINED : ResultsCells.percent(ai.top1Accuracy()), "",
                ai == null ? ResultsCells.UNDEFINED : String.format(Locale.ROOT, "macro %.3f", ai.macroAuc())));
        if (phase.fleissKappa() != null) {
            body.add(ResultsCells.row(getTranslation("results.fleiss"),
                    ResultsCells.decimal(phase.fleissKappa().kappa()), "", "", "", ""));
        }
        add(body);
    }
}
