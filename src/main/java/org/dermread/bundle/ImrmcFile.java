package org.dermread.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.bundle.StudyTables.CaseRecord;
import org.dermread.bundle.StudyTables.ReadingRecord;
import org.dermread.stats.MrmcData;

/**
 * The FDA iMRMC input format: free header lines, a line {@code BEGIN DATA:}, then rows
 * {@code readerID,caseID,modalityID,score}; truth rows have readerID -1 and score 0 (negative) or 1 (positive),
 * their modalityID is ignored. The bundle holds one such file per class; the {@code imrmc} command reads any.
 */
public final class ImrmcFile {

    private ImrmcFile() {
    }

    /**
     * The input of one class, one-vs-rest, modalities = phases. A reader's score is an ordinal rating: 5 +
     * confidence when the reader chose the class, 6 - confidence otherwise (confidence 5 when the study asked none),
     * the same rating the statistics use for reader AUCs.
     *
     * @param readings in the order the rows are written
     */
    static String write(StudyTables tables, List<ReadingRecord> readings, String code) {
        StringBuilder text = new StringBuilder();
        text.append("DermRead export: class ").append(code).append(" one-vs-rest; modalities are phases\n");
        text.append("NR: ").append(tables.readers().size()).append('\n');
        text.append("N0: ").append(tables.cases().stream().filter(c -> !c.truth().equals(code)).count()).append('\n');
        text.append("N1: ").append(tables.cases().stream().filter(c -> c.truth().equals(code)).count()).append('\n');
        text.append("NM: ").append(readings.stream().map(ReadingRecord::phase).distinct().count()).append('\n');
        text.append("BEGIN DATA:\n");
        for (CaseRecord c : tables.cases()) {
            text.append("-1,").append(c.caseId()).append(",0,").append(c.truth().equals(code) ? 1 : 0).append('\n');
        }
        for (ReadingRecord r : readings) {
            int confidence = r.confidence() == null ? 5 : r.confidence();
            int rating = r.label().equals(code) ? 5 + confidence : 6 - confidence;
            text.append(r.readerId()).append(',').append(r.caseId()).append(',').append(r.phase()).append(',')
                    .append(rating).append('\n');
        }
        return text.toString();
    }

    /** Reads a file; readers, cases and modalities keep their order of first appearance. */
    public static MrmcData read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().toUpperCase(Locale.ROOT).startsWith("BEGIN DATA")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException(path + ": no 'BEGIN DATA:' line");
        }
        Map<String, Boolean> truth = new LinkedHashMap<>();
        Map<String, Integer> cases = new LinkedHashMap<>();
        Map<String, Integer> readers = new LinkedHashMap<>();
        Map<String, Integer> modalities = new LinkedHashMap<>();
        List<String[]> scores = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 4) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": expected reader,case,modality,score");
            }
            for (int a = 0; a < f.length; a++) {
                f[a] = f[a].trim();
            }
            double score;
            try {
                score = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": score is not a number: " + f[3]);
            }
            if (f[0].equals("-1")) {
                if (score != 0 && score != 1) {
                    throw new IllegalArgumentException(path + " line " + (i + 1) + ": truth must be 0 or 1");
                }
                truth.put(f[1], score == 1);
                cases.putIfAbsent(f[1], cases.size());
            } else {
                readers.putIfAbsent(f[0], readers.size());
                modalities.putIfAbsent(f[2], modalities.size());
                scores.add(f);
            }
        }
        List<String> caseIds = new ArrayList<>(cases.keySet());
        boolean[] t = new boolean[caseIds.size()];
        for (int c = 0; c < t.length; c++) {
            t[c] = truth.get(caseIds.get(c));
        }
        double[][][] ratings = new double[modalities.size()][readers.size()][caseIds.size()];
        for (double[][] m : ratings) {
            for (double[] r : m) {
                Arrays.fill(r, Double.NaN);
            }
        }
        Map<String, Integer> caseIndex = new HashMap<>(cases);
        for (String[] f : scores) {
            Integer c = caseIndex.get(f[1]);
            if (c == null) {
                throw new IllegalArgumentException(path + ": case " + f[1] + " has no truth row");
            }
            ratings[modalities.get(f[2])][readers.get(f[0])][c] = Double.parseDouble(f[3]);
        }
        return new MrmcData(new ArrayList<>(modalities.keySet()), new ArrayList<>(readers.keySet()), caseIds, t,
                ratings);
    }
}
