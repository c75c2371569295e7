package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;
import java.util.Locale;
import org.dermread.stats.ConfusionMatrix;

/** A confusion matrix (truth in rows, chosen label in columns), each cell shaded by its share of the row. */
final class ConfusionHeatMap extends NativeTable {

    ConfusionHeatMap(ConfusionMatrix matrix) {
        addClassName("heat-map");
        List<String> labels = matrix.labels();
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(getTranslation("results.truth-chosen")));
        labels.forEach(l -> head.add(new NativeTableHeaderCell(l)));
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        add(header);
        NativeTableBody body = new NativeTableBody();
        double[][] counts = matrix.counts();
        for (int t = 0; t < labels.size(); t++) {
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(labels.get(t)));
            double total = 0;
            for (int c = 0; c < labels.size(); c++) {
                total += counts[t][c];
            }
            for (int c = 0; c < labels.size(); c++) {
                row.add(cell(counts[t][c], total == 0 ? 0 : counts[t][c] / total));
            }
            body.add(row);
        }
        add(body);
    }

    private static NativeTableCell cell(double count, double share) {
        NativeTableCell cell = new NativeTableCell(count == Math.rint(count)
                ? String.valueOf((long) count) : String.format(Locale.ROOT, "%.1f", count));
        cell.getStyle().set("background", String.format(Locale.ROOT, "rgba(31, 78, 121, %.2f)", share));
        if (share > 0.5) {
            cell.getStyle().set("color", "white");
        }
        return cell;
    }
}
