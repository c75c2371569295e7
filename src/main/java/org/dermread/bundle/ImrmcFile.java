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
 * {@code readerID,caseID,modalityID,score}; truth rows have readerID -1 (or {@code truth}) and score 0 (negative) or 1
 * (positive), their modalityID is ignored. The bundle holds one such file per class; the {@code imrmc} command reads
 * any.
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

    /**
     * Reads a file; readers, cases and modalities keep their order of first appearance. Truth rows are recognised by
     * a readerID of {@code -1} (as iMRMC's documentation writes them, {@code -1,<case>,0,<0|1>}) or {@code truth} (as
     * iMRMC's own example input writes them, {@code truth,<case>,truth,<0|1>}); their modalityID is ignored.
     *
     * @throws IllegalArgumentException naming the line, for a row that is not reader,case,modality,score, a score that
     *                                  is not a finite number, a truth that is not 0 or 1 or contradicts an earlier
     *                                  one, a reader who scored a case twice in one modality, or a scored case without
     *                                  a truth row
     */
    public static MrmcData read(Path path) throws IOException {
        return parse(path.toString(), Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    static MrmcData parse(String name, List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT).startsWith("BEGIN DATA")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException(name + ": no 'BEGIN DATA:' line");
        }
        Map<String, Boolean> truth = new LinkedHashMap<>();
        Map<String, Integer> cases = new LinkedHashMap<>();
        Map<String, Integer> readers = new LinkedHashMap<>();
        Map<String, Integer> modalities = new LinkedHashMap<>();
        List<String[]> scores = new ArrayList<>();
        List<Integer> scoreLines = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = fields(line);
            String where = name + " line " + (i + 1) + ": ";
            if (f.length != 4 || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty()) {
                throw new IllegalArgumentException(where + "expected readerID,caseID,modalityID,score, got " + line);
            }
            double score;
            try {
                score = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "score is not a number: " + f[3]);
            }
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException(where + "score is not a finite number: " + f[3]);
            }
            if (isTruthReader(f[0])) {
                if (score != 0 && score != 1) {
                    throw new IllegalArgumentException(where + "truth must be 0 or 1, got " + f[3]);
                }
                Boolean before = truth.put(f[1], score == 1);
                if (before != null && before != (score == 1)) {
                    throw new IllegalArgumentException(where + "case " + f[1] + " has two different truth rows");
                }
                cases.putIfAbsent(f[1], cases.size());
            } else {
                readers.putIfAbsent(f[0], readers.size());
                modalities.putIfAbsent(f[2], modalities.size());
                scores.add(f);
                scoreLines.add(i + 1);
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(name + ": no truth rows (readerID -1 or truth)");
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
        for (int s = 0; s < scores.size(); s++) {
            String[] f = scores.get(s);
            String where = name + " line " + scoreLines.get(s) + ": ";
            Integer c = caseIndex.get(f[1]);
            if (c == null) {
                throw new IllegalArgumentException(where + "case " + f[1] + " has no truth row");
            }
            double[] row = ratings[modalities.get(f[2])][readers.get(f[0])];
            if (!Double.isNaN(row[c])) {
                throw new IllegalArgumentException(where + "reader " + f[0] + " scored case " + f[1]
                        + " twice in modality " + f[2]);
            }
            row[c] = Double.parseDouble(f[3]);
        }
        return new MrmcData(new ArrayList<>(modalities.keySet()), new ArrayList<>(readers.keySet()), caseIds, t,
                ratings);
    }

    /** iMRMC marks truth rows with readerID -1 or the word truth. */
    private static boolean isTruthReader(String readerId) {
        return readerId.equals("-1") || readerId.equalsIgnoreCase("truth");
    }

    /** The comma-separated fields, trimmed; trailing empty fields (a trailing comma) are dropped. */
    private static String[] fields(String line) {
        String[] f = line.split(",", -1);
        int n = f.length;
        while (n > 4 && f[n - 1].trim().isEmpty()) {
            n--;
        }
        String[] out = new String[n];
        for (int a = 0; a < n; a++) {
            out[a] = f[a].trim();
        }
        return out;
    }
}
