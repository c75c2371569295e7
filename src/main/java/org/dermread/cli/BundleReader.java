package org.dermread.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.PhaseReadings;
import org.dermread.stats.ReaderReadings;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReader;

/** Reads an export bundle folder (cases, labels, readings, readers, ai_predictions, analysis.json). */
final class BundleReader {

    /** The study, the settings and what the reader had to leave out. */
    record Bundle(StudyData study, AnalysisSettings settings, List<String> notes) {
    }

    private BundleReader() {
    }

    static Bundle read(Path folder) throws IOException {
        List<String> notes = new ArrayList<>();
        List<String> labels = readLabels(folder.resolve("labels.csv"));
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }

        Csv casesCsv = Csv.read(folder.resolve("cases.csv"));
        int caseCol = casesCsv.column("case_id");
        int truthCol = casesCsv.column("truth");
        List<String> caseIds = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        Map<String, Integer> caseIndex = new HashMap<>();
        for (List<String> row : casesCsv.rows()) {
            String id = Csv.cell(row, caseCol);
            String t = Csv.cell(row, truthCol);
            if (id.isEmpty()) {
                continue;
            }
            Integer label = labelIndex.get(t);
            if (label == null) {
                throw new IllegalArgumentException("case " + id + " has truth " + t + ", not a code of labels.csv");
            }
            if (caseIndex.putIfAbsent(id, caseIds.size()) != null) {
                throw new IllegalArgumentException("case " + id + " appears twice in cases.csv");
            }
            caseIds.add(id);
            truth.add(label);
        }

        List<StudyReader> readers = new ArrayList<>();
        Map<String, Integer> readerIndex = new HashMap<>();
        Path readersPath = folder.resolve("readers.csv");
        if (Files.exists(readersPath)) {
            Csv csv = Csv.read(readersPath);
            int id = csv.column("reader_id");
            int derm = csv.optionalColumn("years_dermatology");
            int dermoscopy = csv.optionalColumn("years_dermoscopy");
            int board = csv.optionalColumn("board_certified");
            int title = csv.optionalColumn("title");
            int level = csv.optionalColumn("hospital_level");
            for (List<String> row : csv.rows()) {
                String rid = Csv.cell(row, id);
                if (rid.isEmpty() || readerIndex.containsKey(rid)) {
                    continue;
                }
                readerIndex.put(rid, readers.size());
                readers.add(new StudyReader(rid, number(Csv.cell(row, derm)), number(Csv.cell(row, dermoscopy)),
                        Csv.cell(row, board), Csv.cell(row, title), Csv.cell(row, level)));
            }
        }

        Csv readingsCsv = Csv.read(folder.resolve("readings.csv"));
        int rReader = readingsCsv.column("reader_id");
        int rCase = readingsCsv.column("case_id");
        int rPhase = readingsCsv.optionalColumn("phase");
        int rLabel = readingsCsv.column("label");
        int rConfidence = readingsCsv.optionalColumn("confidence");
        Map<String, Map<Integer, ReaderBuilder>> phases = new LinkedHashMap<>();
        int unanswered = 0;
        int duplicates = 0;
        Set<String> unknownReaders = new java.util.TreeSet<>();
        for (List<String> row : readingsCsv.rows()) {
            String rid = Csv.cell(row, rReader);
            String cid = Csv.cell(row, rCase);
            String phase = Csv.cell(row, rPhase);
            if (phase.isEmpty()) {
                phase = "unaided";
            }
            String label = Csv.cell(row, rLabel);
            if (rid.isEmpty() && cid.isEmpty()) {
                continue;
            }
            Integer c = caseIndex.get(cid);
            if (c == null) {
                throw new IllegalArgumentException("readings.csv names case " + cid + ", which cases.csv lacks");
            }
            if (label.isEmpty()) {
                unanswered++;
                continue;
            }
            Integer l = labelIndex.get(label);
            if (l == null) {
                throw new IllegalArgumentException("reader " + rid + " answered " + label
                        + " on case " + cid + ", not a code of labels.csv");
            }
            Integer r = readerIndex.get(rid);
            if (r == null) {
                r = readers.size();
                readerIndex.put(rid, r);
                readers.add(StudyReader.unknown(rid));
                unknownReaders.add(rid);
            }
            String conf = Csv.cell(row, rConfidence);
            int confidence = conf.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(conf));
            if (confidence < 0 || confidence > 5) {
                throw new IllegalArgumentException("confidence must be 1-5 or empty, got " + conf);
            }
            final int readerNumber = r;
            phases.computeIfAbsent(phase, p -> new HashMap<>())
                    .computeIfAbsent(readerNumber, x -> new ReaderBuilder(readerNumber))
                    .add(c, l, confidence);
        }
        List<String> phaseNames = new ArrayList<>(phases.keySet());
        phaseNames.sort(Comparator.comparingInt(BundleReader::phaseRank));
        List<PhaseReadings> phaseReadings = new ArrayList<>();
        for (String name : phaseNames) {
            List<ReaderBuilder> builders = phases.get(name).values().stream()
                    .sorted(Comparator.comparingInt(b -> b.reader)).toList();
            List<ReaderReadings> rr = new ArrayList<>();
            for (ReaderBuilder b : builders) {
                rr.add(b.build());
                duplicates += b.duplicates;
            }
            phaseReadings.add(new PhaseReadings(name, rr));
        }
        if (unanswered > 0) {
            notes.add(unanswered + " readings without a label were left out (unanswered)");
        }
        if (duplicates > 0) {
            notes.add(duplicates + " repeated answers to the same case in the same phase were left out (first kept)");
        }
        if (!unknownReaders.isEmpty()) {
            notes.add("readers not in readers.csv (experience unknown): " + unknownReaders);
        }

        double[][] ai = readAi(folder.resolve("ai_predictions.csv"), labels, caseIndex, caseIds.size(), notes);
        StudyData study = new StudyData(labels, caseIds, truth.stream().mapToInt(Integer::intValue).toArray(), readers,
                phaseReadings, ai);
        return new Bundle(study, readSettings(folder.resolve("analysis.json")), notes);
    }

    /** unaided first, aided second (any letter case), the rest in order of appearance (stable sort). */
    private static int phaseRank(String phase) {
        return switch (phase.toLowerCase(java.util.Locale.ROOT)) {
            case "unaided" -> 0;
            case "aided" -> 1;
            default -> 2;
        };
    }

    private static List<String> readLabels(Path path) throws IOException {
        Csv csv = Csv.read(path);
        int position = csv.column("position");
        int code = csv.column("code");
        List<String[]> rows = new ArrayList<>();
        for (List<String> row : csv.rows()) {
            String c = Csv.cell(row, code);
            if (!c.isEmpty()) {
                rows.add(new String[] {Csv.cell(row, position), c});
            }
        }
        rows.sort(Comparator.comparingDouble(r -> Double.parseDouble(r[0])));
        List<String> labels = rows.stream().map(r -> r[1]).toList();
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels.csv repeats a code");
        }
        return labels;
    }

    private static double[][] readAi(Path path, List<String> labels, Map<String, Integer> caseIndex, int cases,
                                     List<String> notes) throws IOException {
        if (!Files.exists(path)) {
            return null;
        }
        Csv csv = Csv.read(path);
        int caseCol = csv.column("case_id");
        int[] columns = new int[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            columns[k] = csv.column("p_" + labels.get(k));
        }
        double[][] ai = new double[cases][labels.size()];
        for (double[] row : ai) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        int unknown = 0;
        for (List<String> row : csv.rows()) {
            Integer c = caseIndex.get(Csv.cell(row, caseCol));
            if (c == null) {
                unknown++;
                continue;
            }
            double[] p = new double[labels.size()];
            boolean complete = true;
            for (int k = 0; k < labels.size(); k++) {
                p[k] = number(Csv.cell(row, columns[k]));
                complete &= !Double.isNaN(p[k]);
            }
            if (complete) {
                ai[c] = p;
            }
        }
        if (unknown > 0) {
            notes.add(unknown + " AI predictions for cases not in cases.csv were ignored");
        }
        return ai;
    }

    static AnalysisSettings readSettings(Path path) throws IOException {
        AnalysisSettings d = AnalysisSettings.defaults();
        if (!Files.exists(path)) {
            return d;
        }
        JsonNode json = new ObjectMapper().readTree(path.toFile());
        int replicates = key(json, "bootstrap_replicates", "bootstrapReplicates").asInt(d.bootstrapReplicates());
        long seed = key(json, "seed", "seed").asLong(d.seed());
        List<Double> cuts = d.experienceCutPoints();
        JsonNode cutNode = key(json, "experience_cut_points", "experienceCutPoints");
        if (cutNode.isArray()) {
            cuts = new ArrayList<>();
            for (JsonNode n : cutNode) {
                cuts.add(n.asDouble());
            }
        }
        String field = key(json, "experience_field", "experienceField").asText(d.experienceField());
        List<String> modalities = new ArrayList<>();
        JsonNode modalityNode = key(json, "mrmc_modalities", "mrmcModalities");
        if (modalityNode.isMissingNode()) {
            modalityNode = key(json, "mrmc_phases", "mrmcPhases");
        }
        for (JsonNode n : modalityNode) {
            modalities.add(n.asText());
        }
        double level = key(json, "confidence_level", "confidenceLevel").asDouble(d.confidenceLevel());
        return new AnalysisSettings(replicates, seed, cuts, field, modalities, level);
    }

    /** The value under a snake_case key, or under its camelCase spelling. */
    private static JsonNode key(JsonNode json, String snake, String camel) {
        return json.has(snake) ? json.get(snake) : json.path(camel);
    }

    static double number(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        return Double.parseDouble(text.trim());
    }

    private static final class ReaderBuilder {
        final int reader;
        final List<int[]> answers = new ArrayList<>();
        int duplicates;

        ReaderBuilder(int reader) {
            this.reader = reader;
        }

        void add(int c, int label, int confidence) {
            answers.add(new int[] {c, label, confidence});
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
            return new ReaderReadings(reader, java.util.Arrays.copyOf(cases, n), java.util.Arrays.copyOf(labels, n),
                    java.util.Arrays.copyOf(confidences, n));
        }
    }
}
