package org.dermread.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dermread.bundle.CsvTable.Row;
import org.dermread.stats.PhaseReadings;
import org.dermread.stats.ReaderReadings;
import org.dermread.stats.StudyArm;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReader;

/**
 * Reads the study out of a bundle's files ({@code labels.csv}, {@code cases.csv}, {@code readings.csv}, and the
 * optional {@code readers.csv}, {@code arms.csv}, {@code ai_predictions.csv}, {@code analysis.json}), whether they
 * come from the
 * database, an unpacked folder or a ZIP. Extra columns are ignored. What it has to leave out is reported as notes;
 * what it cannot make sense of fails with the file, row and column named.
 */
public final class BundleReader {

    /** The files the analysis reads (plus the manifest, to check them against). */
    public static final List<String> INPUT_FILES = List.of(BundleFormat.LABELS, BundleFormat.CASES,
            BundleFormat.READINGS, BundleFormat.READERS, BundleFormat.ARMS, BundleFormat.AI_PREDICTIONS,
            BundleFormat.ANALYSIS, BundleFormat.MANIFEST);

    private BundleReader() {
    }

    public static BundleStudy read(BundleFiles files) {
        List<String> notes = new ArrayList<>(BundleManifest.mismatches(files, INPUT_FILES));
        List<String> labels = labels(table(files, BundleFormat.LABELS));
        Map<String, Integer> labelIndex = indexOf(labels);

        CsvTable casesCsv = table(files, BundleFormat.CASES);
        int caseColumn = casesCsv.column("case_id");
        int truthColumn = casesCsv.column("truth");
        List<String> caseIds = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        Map<String, Integer> caseIndex = new HashMap<>();
        for (Row row : casesCsv.rows()) {
            String id = CsvTable.cell(row, caseColumn);
            if (id.isEmpty()) {
                continue;
            }
            String code = CsvTable.cell(row, truthColumn);
            Integer label = labelIndex.get(code);
            if (label == null) {
                throw casesCsv.problem(row, truthColumn, "case " + id + " has truth " + code
                        + ", not a code of " + BundleFormat.LABELS);
            }
            if (caseIndex.putIfAbsent(id, caseIds.size()) != null) {
                throw casesCsv.problem(row, caseColumn, "case " + id + " appears twice");
            }
            caseIds.add(id);
            truth.add(label);
        }

        List<StudyReader> readers = new ArrayList<>();
        Map<String, Integer> readerIndex = new HashMap<>();
        List<StudyArm> arms = files.has(BundleFormat.ARMS) ? arms(table(files, BundleFormat.ARMS)) : List.of();
        if (files.has(BundleFormat.READERS)) {
            readReaders(table(files, BundleFormat.READERS), readers, readerIndex, arms);
        }
        List<PhaseReadings> phases = readings(table(files, BundleFormat.READINGS), labelIndex, caseIndex, readers,
                readerIndex, notes);
        double[][] ai = files.has(BundleFormat.AI_PREDICTIONS)
                ? aiProbabilities(table(files, BundleFormat.AI_PREDICTIONS), labels, caseIndex, notes) : null;
        if (ai != null && Arrays.stream(ai).allMatch(row -> row.length == 0 || Double.isNaN(row[0]))) {
            ai = null; // a file without any prediction (a study the model never ran over) is a study without AI
        }
        StudyData study = new StudyData(labels, caseIds, truth.stream().mapToInt(Integer::intValue).toArray(),
                readers, phases, ai, arms);
        return new BundleStudy(study, AnalysisSettingsFile.read(files), notes);
    }

    /**
     * The labels' names and groups as {@code labels.csv} holds them (bundles written since taxonomies became data,
     * issue 17), by code; empty for a bundle whose labels.csv has codes only, or none.
     */
    public static Map<String, StudyTables.LabelRecord> labelNames(BundleFiles files) {
        if (files.get(BundleFormat.LABELS).isEmpty()) {
            return Map.of();
        }
        CsvTable csv = table(files, BundleFormat.LABELS);
        int code = csv.column("code");
        int en = csv.optionalColumn("name_en");
        int zh = csv.optionalColumn("name_zh");
        int group = csv.optionalColumn("group");
        if (en < 0 || zh < 0) {
            return Map.of();
        }
        Map<String, StudyTables.LabelRecord> names = new LinkedHashMap<>();
        for (Row row : csv.rows()) {
            String c = CsvTable.cell(row, code);
            if (!c.isEmpty()) {
                String g = group < 0 ? "" : CsvTable.cell(row, group);
                names.put(c, new StudyTables.LabelRecord(c, CsvTable.cell(row, en), CsvTable.cell(row, zh),
                        g.isEmpty() ? null : g));
            }
        }
        return names;
    }

    private static CsvTable table(BundleFiles files, String path) {
        return CsvTable.parse(path, files.require(path));
    }

    /** The codes ordered by position; a repeated code is refused. */
    private static List<String> labels(CsvTable csv) {
        int position = csv.column("position");
        int code = csv.column("code");
        record Label(double position, String code) {
        }
        List<Label> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : csv.rows()) {
            String c = CsvTable.cell(row, code);
            if (c.isEmpty()) {
                continue;
            }
            if (!seen.add(c)) {
                throw csv.problem(row, code, "the code " + c + " is repeated");
            }
            double p = csv.number(row, position);
            if (Double.isNaN(p)) {
                throw csv.problem(row, position, "a position is needed");
            }
            rows.add(new Label(p, c));
        }
        rows.sort(Comparator.comparingDouble(Label::position));
        return rows.stream().map(Label::code).toList();
    }

    private static void readReaders(CsvTable csv, List<StudyReader> readers, Map<String, Integer> readerIndex,
            List<StudyArm> arms) {
        Set<String> armCodes = new HashSet<>();
        arms.forEach(a -> armCodes.add(a.code()));
        int id = csv.column("reader_id");
        int dermatology = csv.optionalColumn("years_dermatology");
        int dermoscopy = csv.optionalColumn("years_dermoscopy");
        int board = csv.optionalColumn("board_certified");
        int title = csv.optionalColumn("title");
        int level = csv.optionalColumn("hospital_level");
        int order = csv.optionalColumn("phase_order");
        int arm = csv.optionalColumn("arm");
        for (Row row : csv.rows()) {
            String reader = CsvTable.cell(row, id);
            if (reader.isEmpty() || readerIndex.containsKey(reader)) {
                continue;
            }
            String armCode = CsvTable.cell(row, arm);
            if (!armCode.isEmpty() && !armCodes.contains(armCode)) {
                throw csv.problem(row, arm, "reader " + reader + " is in arm " + armCode + ", which "
                        + (arms.isEmpty() ? "is not defined: the bundle has no " + BundleFormat.ARMS
                                : "is not an arm of " + BundleFormat.ARMS + " (arms: "
                                        + arms.stream().map(StudyArm::code).toList() + ")"));
            }
            readerIndex.put(reader, readers.size());
            readers.add(new StudyReader(reader, csv.number(row, dermatology), csv.number(row, dermoscopy),
                    CsvTable.cell(row, board), CsvTable.cell(row, title), CsvTable.cell(row, level),
                    phaseOrder(csv, row, order), armCode));
        }
    }

    /** The arms in file order; a repeated code, a flag other than true/false or a bad number of cases is refused. */
    private static List<StudyArm> arms(CsvTable csv) {
        int code = csv.column("arm");
        int name = csv.optionalColumn("name");
        int top1 = csv.column("top1");
        int probabilities = csv.column("probabilities");
        int malignancy = csv.column("malignancy");
        int similar = csv.column("similar_cases");
        int similarK = csv.optionalColumn("similar_k");
        int saliency = csv.column("saliency");
        List<StudyArm> arms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : csv.rows()) {
            String c = CsvTable.cell(row, code);
            if (c.isEmpty()) {
                continue;
            }
            if (!seen.add(c)) {
                throw csv.problem(row, code, "the arm " + c + " is repeated");
            }
            boolean showsSimilar = flag(csv, row, similar);
            double k = csv.number(row, similarK);
            if (!Double.isNaN(k) && (k < 0 || k != Math.rint(k))) {
                throw csv.problem(row, similarK, "a number of similar cases is a whole number >= 0, not '"
                        + CsvTable.cell(row, similarK) + "'");
            }
            if (showsSimilar && !(k >= 1)) {
                throw csv.problem(row, similarK, "arm " + c + " shows similar cases, so it needs their number (>= 1)");
            }
            arms.add(new StudyArm(c, CsvTable.cell(row, name), flag(csv, row, top1), flag(csv, row, probabilities),
                    flag(csv, row, malignancy), showsSimilar, showsSimilar ? (int) k : 0, flag(csv, row, saliency)));
        }
        return arms;
    }

    private static boolean flag(CsvTable csv, Row row, int column) {
        String text = CsvTable.cell(row, column).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw csv.problem(row, column, "true or false, not '" + CsvTable.cell(row, column) + "'");
        };
    }

    /** {@code unaided_first}, {@code aided_first} (any letter case) or empty; anything else is a mistake. */
    private static String phaseOrder(CsvTable csv, Row row, int column) {
        String text = CsvTable.cell(row, column).toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !text.equals(BundleFormat.UNAIDED_FIRST) && !text.equals(BundleFormat.AIDED_FIRST)) {
            throw csv.problem(row, column, "a phase order is " + BundleFormat.UNAIDED_FIRST + ", "
                    + BundleFormat.AIDED_FIRST + " or empty, not '" + CsvTable.cell(row, column) + "'");
        }
        return text;
    }

    private static List<PhaseReadings> readings(CsvTable csv, Map<String, Integer> labelIndex,
            Map<String, Integer> caseIndex, List<StudyReader> readers, Map<String, Integer> readerIndex,
            List<String> notes) {
        int readerColumn = csv.column("reader_id");
        int caseColumn = csv.column("case_id");
        int phaseColumn = csv.optionalColumn("phase");
        int labelColumn = csv.column("label");
        int confidenceColumn = csv.optionalColumn("confidence");
        Map<String, Map<Integer, ReaderAnswers>> phases = new LinkedHashMap<>();
        int unanswered = 0;
        Set<String> unknownReaders = new TreeSet<>();
        for (Row row : csv.rows()) {
            String reader = CsvTable.cell(row, readerColumn);
            String caseId = CsvTable.cell(row, caseColumn);
            if (reader.isEmpty() && caseId.isEmpty()) {
                continue;
            }
            String phase = CsvTable.cell(row, phaseColumn);
            if (phase.isEmpty()) {
                phase = BundleFormat.UNAIDED;
            }
            Integer c = caseIndex.get(caseId);
            if (c == null) {
                throw csv.problem(row, caseColumn, "case " + caseId + " is not in " + BundleFormat.CASES);
            }
            String label = CsvTable.cell(row, labelColumn);
            if (label.isEmpty()) {
                unanswered++;
                continue;
            }
            Integer l = labelIndex.get(label);
            if (l == null) {
                throw csv.problem(row, labelColumn, "reader " + reader + " answered " + label + " on case "
                        + caseId + ", not a code of " + BundleFormat.LABELS);
            }
            Integer r = readerIndex.get(reader);
            if (r == null) {
                r = readers.size();
                readerIndex.put(reader, r);
                readers.add(StudyReader.unknown(reader));
                unknownReaders.add(reader);
            }
            double confidence = csv.number(row, confidenceColumn);
            if (confidence < 0 || confidence > 5) {
                throw csv.problem(row, confidenceColumn, "confidence must be 1-5 or empty, got "
                        + CsvTable.cell(row, confidenceColumn));
            }
            int readerNumber = r;
            phases.computeIfAbsent(phase, p -> new HashMap<>())
                    .computeIfAbsent(readerNumber, x -> new ReaderAnswers(readerNumber))
                    .add(c, l, Double.isNaN(confidence) ? 0 : (int) Math.round(confidence));
        }
        List<String> phaseNames = new ArrayList<>(phases.keySet());
        phaseNames.sort(BundleFormat.PHASE_ORDER);
        List<PhaseReadings> result = new ArrayList<>();
        int duplicates = 0;
        for (String name : phaseNames) {
            List<ReaderReadings> readings = new ArrayList<>();
            for (ReaderAnswers answers : phases.get(name).values().stream()
                    .sorted(Comparator.comparingInt(a -> a.reader)).toList()) {
                readings.add(answers.build());
                duplicates += answers.duplicates;
            }
            result.add(new PhaseReadings(name, readings));
        }
        if (unanswered > 0) {
            notes.add(unanswered + " readings without a label were left out (unanswered)");
        }
        if (duplicates > 0) {
            notes.add(duplicates + " repeated answers to the same case in the same phase were left out (first kept)");
        }
        if (!unknownReaders.isEmpty()) {
            notes.add("readers not in " + BundleFormat.READERS + " (experience unknown): " + unknownReaders);
        }
        return result;
    }

    /** Cases x labels; a case without a row, or with an empty cell, gets a row of NaN (no prediction). */
    private static double[][] aiProbabilities(CsvTable csv, List<String> labels, Map<String, Integer> caseIndex,
            List<String> notes) {
        int caseColumn = csv.column("case_id");
        int[] columns = new int[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            columns[k] = csv.column(BundleFormat.PROBABILITY_PREFIX + labels.get(k));
        }
        double[][] ai = new double[caseIndex.size()][labels.size()];
        for (double[] row : ai) {
            Arrays.fill(row, Double.NaN);
        }
        int unknown = 0;
        for (Row row : csv.rows()) {
            Integer c = caseIndex.get(CsvTable.cell(row, caseColumn));
            if (c == null) {
                unknown++;
                continue;
            }
            double[] p = new double[labels.size()];
            boolean complete = true;
            for (int k = 0; k < labels.size(); k++) {
                p[k] = csv.number(row, columns[k]);
                complete &= !Double.isNaN(p[k]);
            }
            if (complete) {
                ai[c] = p;
            }
        }
        if (unknown > 0) {
            notes.add(unknown + " AI predictions for cases not in " + BundleFormat.CASES + " were ignored");
        }
        return ai;
    }

    private static Map<String, Integer> indexOf(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        return index;
    }

    /** One reader's answers in one phase, in file order. */
    private static final class ReaderAnswers {
        final int reader;
        final List<int[]> answers = new ArrayList<>();
        int duplicates;

        ReaderAnswers(int reader) {
            this.reader = reader;
        }

        void add(int caseIndex, int label, int confidence) {
            answers.add(new int[] {caseIndex, label, confidence});
        }

        /** Sorted by case; a repeated answer to a case is dropped, the first in file order kept (stable sort). */
        ReaderReadings build() {
            answers.sort(Comparator.comparingInt(a -> a[0]));
            int n = 0;
            int[] cases = new int[answers.size()];
            int[] labels = new int[answers.size()];
            int[] confidences = new int[answers.size()];
            for (int[] a : answers) {
                if (n > 0 && cases[n - 1] == a[0]) {
                    duplicates++;
                    continue;
                }
                cases[n] = a[0];
                labels[n] = a[1];
                confidences[n] = a[2];
                n++;
            }
            return new ReaderReadings(reader, Arrays.copyOf(cases, n), Arrays.copyOf(labels, n),
                    Arrays.copyOf(confidences, n));
        }
    }
}
