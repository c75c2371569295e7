package org.dermread.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        Csv csv = Csv.read(path);
        if (csv.header().size() < 3) {
            throw new IllegalArgumentException(path + ": need case, truth and at least one score column");
        }
        List<String> names = csv.header().subList(2, csv.header().size());
        int n = csv.rows().size();
        double[][] scores = new double[names.size()][n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<String> row = csv.rows().get(i);
            String t = Csv.cell(row, 1).toLowerCase(java.util.Locale.ROOT);
            truth[i] = switch (t) {
                case "1", "1.0", "true" -> true;
                case "0", "0.0", "false" -> false;
                default -> throw new IllegalArgumentException(path + " row " + (i + 2) + ": truth must be 0 or 1");
            };
            for (int s = 0; s < names.size(); s++) {
                String cell = Csv.cell(row, s + 2);
                if (cell.isEmpty()) {
                    throw new IllegalArgumentException(path + " row " + (i + 2) + ": missing " + names.get(s));
                }
                scores[s][i] = Double.parseDouble(cell);
            }
        }
        return new Table(names, scores, truth);
    }
}
