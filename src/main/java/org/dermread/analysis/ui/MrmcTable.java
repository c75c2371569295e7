package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.Locale;
import org.dermread.stats.OrResult;
import org.dermread.stats.StudyReport;

/**
 * The MRMC comparison of the phases (Obuchowski-Rockette with Hillis degrees of freedom, random readers and
 * cases): accuracy and each class's AUC, with jackknife covariances where available, else DeLong's.
 */
final class MrmcTable extends NativeTable {

    MrmcTable(StudyReport.MrmcReport mrmc) {
        addClassName("results-table");
        setId("mrmc-table");
        add(ResultsCells.header(this, "results.figure", "results.mrmc.modalities", "results.mrmc.difference",
                "results.mrmc.f", "results.mrmc.p"));
        NativeTableBody body = new NativeTableBody();
        body.add(row(getTranslation("results.accuracy"), mrmc.accuracy()));
        for (StudyReport.MrmcClass c : mrmc.classes()) {
            body.add(row("AUC " + c.code(), c.auc()));
        }
        add(body);
    }

    private static NativeTableRow row(String figure, StudyReport.MrmcFom fom) {
        OrResult or = fom == null ? null : fom.jackknife() != null ? fom.jackknife() : fom.delong();
        if (or == null) {
            return ResultsCells.row(figure, fom == null || fom.note() == null ? ResultsCells.UNDEFINED : fom.note(),
                    "", "", "");
        }
        OrResult.OrTest test = or.randomReadersRandomCases();
        String difference = test.differences().isEmpty() ? ResultsCells.UNDEFINED
                : String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", test.differences().get(0).estimate(),
                        test.differences().get(0).lower(), test.differences().get(0).upper());
        return ResultsCells.row(figure, String.join(" · ", or.modalities()), difference,
                String.format(Locale.ROOT, "F(%.0f, %.1f) = %.2f", test.df1(), test.df2(), test.statistic()),
                String.format(Locale.ROOT, "%.4f", test.p()));
    }
}
