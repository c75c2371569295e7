package org.dermread.analysis.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleFormat;
import org.dermread.bundle.CsvTable;

/**
 * The interval between a reader's two readings, as the bundle's {@code readings.csv} records it: from the reader's
 * last unaided answer to the first AI-assisted case shown. DermRead has no washout setting; this is what happened.
 */
final class ReadingIntervals {

    private ReadingIntervals() {
    }

    /** Per reader who read both phases, the interval in days; empty without times or without both phases. */
    static List<Double> washoutDays(BundleFiles files) {
        if (!files.has(BundleFormat.READINGS)) {
            return List.of();
        }
        CsvTable csv = CsvTable.parse(BundleFormat.READINGS, files.require(BundleFormat.READINGS));
        int reader = csv.column("reader_id");
        int phase = csv.optionalColumn("phase");
        int shown = csv.optionalColumn("shown_at");
        int answered = csv.optionalColumn("answered_at");
        Map<String, Instant> lastUnaided = new TreeMap<>();
        Map<String, Instant> firstAided = new TreeMap<>();
        for (CsvTable.Row row : csv.rows()) {
            String id = CsvTable.cell(row, reader);
            String p = CsvTable.cell(row, phase);
            if (p.isEmpty() || p.equalsIgnoreCase(BundleFormat.UNAIDED)) {
                time(CsvTable.cell(row, answered)).ifPresent(t -> lastUnaided.merge(id, t,
                        (a, b) -> a.isAfter(b) ? a : b));
            } else if (p.equalsIgnoreCase(BundleFormat.AIDED)) {
                time(CsvTable.cell(row, shown)).ifPresent(t -> firstAided.merge(id, t,
                        (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        List<Double> days = new ArrayList<>();
        lastUnaided.forEach((id, end) -> {
            Instant start = firstAided.get(id);
            if (start != null) {
                days.add(Duration.between(end, start).toMillis() / 86_400_000.0);
            }
        });
        return days;
    }

    private static Optional<Instant> time(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
