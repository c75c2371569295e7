package org.dermread.bundle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.bundle.StudyTables.PredictionRecord;
import org.dermread.bundle.StudyTables.ReaderRecord;
import org.dermread.bundle.StudyTables.ReadingRecord;
import org.dermread.stats.AnalysisSettings;

/**
 * Writes a study's tables as bundle files. The same tables and settings always give the same bytes: rows in a fixed
 * order, times in ISO-8601 UTC to the millisecond, probabilities to nine significant digits.
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * The files the analysis reads, and what a colleague needs to re-run it: {@code labels.csv}, {@code cases.csv},
     * {@code readings.csv}, {@code readers.csv}, {@code arms.csv} (a study with arms only),
     * {@code ai_predictions.csv}, {@code analysis.json} and one {@code imrmc/<CODE>.imrmc} per class.
     */
    public static BundleFiles dataFiles(StudyTables tables, AnalysisSettings settings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<List<Object>> labels = new ArrayList<>();
        boolean named = !tables.labelNames().isEmpty();
        for (int i = 0; i < tables.labels().size(); i++) {
            if (named) {
                StudyTables.LabelRecord label = tables.labelNames().get(i);
                labels.add(cells(i + 1, label.code(), label.nameEn(), label.nameZh(), label.group()));
            } else {
                labels.add(List.of(i + 1, tables.labels().get(i)));
            }
        }
        put(files, BundleFormat.LABELS, CsvTable.write(named ? BundleFormat.NAMED_LABEL_COLUMNS
                : BundleFormat.LABEL_COLUMNS, labels));
        put(files, BundleFormat.CASES, CsvTable.write(BundleFormat.CASE_COLUMNS, tables.cases().stream()
                .map(c -> cells(c.caseId(), c.truth(), c.age(), c.sex(), c.bodySite(), c.confirmation(),
                        c.imageSha256())).toList()));
        List<ReadingRecord> readings = inFileOrder(tables.readings());
        put(files, BundleFormat.READINGS, CsvTable.write(BundleFormat.READING_COLUMNS, readings.stream()
                .map(r -> cells(r.readerId(), r.caseId(), r.phase(), r.label(), r.confidence(), time(r.shownAt()),
                        time(r.answeredAt()), r.revision())).toList()));
        put(files, BundleFormat.READERS, CsvTable.write(BundleFormat.READER_COLUMNS, tables.readers().stream()
                .map(BundleWriter::readerCells).toList()));
        if (!tables.arms().isEmpty()) {
            put(files, BundleFormat.ARMS, CsvTable.write(BundleFormat.ARM_COLUMNS, tables.arms().stream()
                    .map(a -> cells(a.arm(), a.name(), a.top1(), a.probabilities(), a.malignancy(), a.similarCases(),
                            a.similarK(), a.saliency())).toList()));
        }
        put(files, BundleFormat.AI_PREDICTIONS, predictions(tables));
        put(files, BundleFormat.ANALYSIS, AnalysisSettingsFile.write(settings));
        for (String code : tables.labels()) {
            put(files, BundleFormat.imrmcFile(code), ImrmcFile.write(tables, readings, code));
        }
        return BundleFiles.of(files);
    }

    /**
     * The whole bundle: the data files, {@code metrics.json}, the data dictionary, the plots, the report and, last,
     * {@code manifest.json} with every other file's SHA-256.
     *
     * @param written files written from the analysis: under {@link BundleFormat#PLOTS_FOLDER}, and
     *                {@link BundleFormat#REPORT_PDF}, {@link BundleFormat#REPORT_HTML}
     */
    public static BundleFiles complete(BundleFiles dataFiles, byte[] metricsJson, Map<String, byte[]> written,
            BundleManifest manifest) {
        Map<String, byte[]> more = new LinkedHashMap<>(written);
        more.put(BundleFormat.METRICS, metricsJson);
        more.put(BundleFormat.DATA_DICTIONARY, DataDictionary.TEXT.getBytes(StandardCharsets.UTF_8));
        BundleFiles files = dataFiles.with(more);
        return files.with(BundleFormat.MANIFEST, manifest.write(files));
    }

    /** By reader, then phase (unaided first), then case. */
    private static List<ReadingRecord> inFileOrder(List<ReadingRecord> readings) {
        return readings.stream().sorted(Comparator.comparing(ReadingRecord::readerId)
                .thenComparing(ReadingRecord::phase, BundleFormat.PHASE_ORDER)
                .thenComparing(ReadingRecord::caseId)).toList();
    }

    private static List<Object> readerCells(ReaderRecord r) {
        return cells(r.readerId(), r.yearsDermatology(), r.yearsDermoscopy(),
                r.boardCertified() == null ? null : (r.boardCertified() ? "yes" : "no"), r.title(),
                r.hospitalLevel(), time(r.startedAt()), time(r.unaidedFinishedAt()), time(r.aidedFinishedAt()),
                r.phaseOrder(), r.phaseOrderSeed(), r.phaseOrderGroup(), r.phaseOrderRank(), r.washoutDays(),
                time(r.secondPhaseOpensAt()), r.arm(), r.armSeed(), r.armGroup(), r.armRank());
    }

    /** Label-set probabilities, then the model's raw ones; a case without a prediction has no row. */
    private static String predictions(StudyTables tables) {
        List<String> header = new ArrayList<>(List.of("case_id"));
        tables.labels().forEach(code -> header.add(BundleFormat.PROBABILITY_PREFIX + code));
        tables.modelClasses().forEach(code -> header.add(BundleFormat.RAW_PROBABILITY_PREFIX + code));
        List<List<Object>> rows = new ArrayList<>();
        for (PredictionRecord p : tables.predictions()) {
            List<Object> row = new ArrayList<>();
            row.add(p.caseId());
            p.probabilities().forEach(value -> row.add(number(value)));
            tables.modelClasses().forEach(code -> row.add(p.raw().containsKey(code) ? number(p.raw().get(code))
                    : null));
            rows.add(row);
        }
        return CsvTable.write(header, rows);
    }

    private static void put(Map<String, byte[]> files, String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }
}
