package org.dermread.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference bundle written by generate_reference.R, read straight into {@link StudyData} for statistics-level
 * tests (its CSV files hold no quoted fields; the application's bundle reader is tested separately).
 */
final class ReferenceBundle {

    private ReferenceBundle() {
    }

    static StudyData load() throws IOException {
        Path dir = ReferenceValues.folder().resolve("bundle");
        List<String> labels = column(rows(dir.resolve("labels.csv")), 1);
        List<String[]> cases = rows(dir.resolve("cases.csv"));
        List<String> caseIds = column(cases, 0);
        int[] truth = cases.stream().mapToInt(r -> labels.indexOf(r[1])).toArray();
        List<StudyReader> readers = new ArrayList<>();
        for (String[] r : rows(dir.resolve("readers.csv"))) {
            readers.add(new StudyReader(r[0], number(r[1]), number(r[2]), r[3], r[4], r[5]));
        }
        List<String> readerIds = readers.stream().map(StudyReader::id).toList();
        Map<String, Map<Integer, List<int[]>>> byPhase = new LinkedHashMap<>();
        for (String[] r : rows(dir.resolve("readings.csv"))) {
            byPhase.computeIfAbsent(r[2], p -> new TreeMap<>()).computeIfAbsent(readerIds.indexOf(r[0]),
                    j -> new ArrayList<>()).add(new int[] {caseIds.indexOf(r[1]), labels.indexOf(r[3]),
                            r[4].isEmpty() ? 0 : Integer.parseInt(r[4])});
        }
        List<PhaseReadings> phases = new ArrayList<>();
        for (String phase : List.of("unaided", "aided")) {
            List<ReaderReadings> rr = new ArrayList<>();
            byPhase.get(phase).forEach((j, answers) -> {
                answers.sort((a, b) -> Integer.compare(a[0], b[0]));
                rr.add(new ReaderReadings(j, answers.stream().mapToInt(a -> a[0]).toArray(),
                        answers.stream().mapToInt(a -> a[1]).toArray(),
                        answers.stream().mapToInt(a -> a[2]).toArray()));
            });
            phases.add(new PhaseReadings(phase, rr));
        }
        double[][] ai = new double[caseIds.size()][labels.size()];
        List<String[]> aiRows = rows(dir.resolve("ai_predictions.csv"));
        for (String[] r : aiRows) {
            int c = caseIds.indexOf(r[0]);
            for (int k = 0; k < labels.size(); k++) {
                ai[c][k] = Double.parseDouble(r[1 + k]);
            }
        }
        return new StudyData(labels, caseIds, truth, readers, phases, ai);
    }

    /** The settings of analysis.json: 200 replicates, seed 7, cut points 3 and 10. */
    static AnalysisSettings settings() {
        return new AnalysisSettings(200, 7, List.of(3.0, 10.0), AnalysisSettings.YEARS_DERMATOLOGY, List.of(), 0.95);
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(Arrays.copyOf(line.split(",", -1), 8));
            }
        }
        return rows;
    }

    private static List<String> column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toList();
    }

    private static double number(String text) {
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
