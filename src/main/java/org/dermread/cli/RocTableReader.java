package org.dermread.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dermread.bundle.CsvTable;

/**
 * Reads a binary ROC table: first column the case id, second column the truth (0/1, or false/true), every further
 * column a score named by its header. Every score must be present.
 */
final class RocTableReader {

    record Table(List<String> names, double[][] scores, boolean[] truth) {
    }

    private RocTableReader() {
    }

    static Table read(Path path) throws IOException {
        CsvTable csv = CsvTable.parse(path.toString(), Files.readAllBytes(path));
        if (csv.header().size() < 3) {
            throw new IllegalArgumentException(path + ": need case, truth and at least one score column");
        }
        List<String> names = csv.header().subList(2, csv.header().size());
        int n = csv.rows().size();
        double[][] scores = new double[names.size()][n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = csv.rows().get(i);
            truth[i] = switch (CsvTable.cell(row, 1).toLowerCase(Locale.ROOT)) {
                case "1", "1.0", "true" -> true;
                case "0", "0.0", "false" -> false;
                default -> throw csv.problem(row, 1, "truth must be 0 or 1");
            };
            for (int s = 0; s < names.size(); s++) {
                scores[s][i] = csv.number(row, s + 2);
                if (Double.isNaN(scores[s][i])) {
                    throw csv.problem(row, s + 2, "a score is needed");
                }
            }
        }
        return new Table(names, scores, truth);
    }
}
