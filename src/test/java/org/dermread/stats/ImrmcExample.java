package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * iMRMC's own example data set and the published output of iMRMC 4.0.3 on it (src/test/resources/stats/imrmc, from
 * DIDSR/iMRMC Rpackage/iMRMC/tests/testthat: input.imrmc and test_doIMRMC_R2.rda, extracted by extract_published.R).
 */
final class ImrmcExample {

    private final Map<String, Double> published;

    private ImrmcExample(Map<String, Double> published) {
        this.published = published;
    }

    static ImrmcExample published() throws IOException {
        Map<String, Double> map = new HashMap<>();
        for (String line : text("/stats/imrmc/imrmc-4.0.3-output.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("key,")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String v = line.substring(comma + 1).trim();
            map.put(line.substring(0, comma), v.equals("NA") ? Double.NaN : Double.parseDouble(v));
        }
        return new ImrmcExample(map);
    }

    /** Checks a value printed by iMRMC (6 to 9 significant digits) to its printed precision. */
    void check(String key, double actual) {
        Double expected = published.get(key);
        assertThat(expected).as("published " + key).isNotNull();
        assertThat(actual).as(key).isCloseTo(expected, within(2e-6 * Math.abs(expected) + 1e-9));
    }

    double get(String key) {
        return published.get(key);
    }

    /**
     * The example input as published: front matter, "BEGIN DATA:", then reader,case,modality,score rows with truth
     * rows written {@code truth,<case>,truth,<0|1>}.
     */
    static MrmcData input() throws IOException {
        return read("/stats/imrmc/input.imrmc");
    }

    /**
     * An iMRMC file from the test resources; truth rows as {@code truth,<case>,truth,<0|1>} or
     * {@code -1,<case>,0,<0|1>}.
     */
    static MrmcData read(String resource) throws IOException {
        Map<String, Boolean> truth = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
        List<String> readers = new ArrayList<>();
        boolean data = false;
        for (String line : text(resource).split("\r?\n")) {
            if (!data) {
                data = line.trim().equals("BEGIN DATA:");
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 4) {
                continue;
            }
            if (f[0].equals("truth") || f[0].equals("-1")) {
                truth.put(f[1], Double.parseDouble(f[3]) == 1);
                continue;
            }
            if (!readers.contains(f[0])) {
                readers.add(f[0]);
            }
            scores.computeIfAbsent(f[2], x -> new LinkedHashMap<>()).computeIfAbsent(f[0], x -> new HashMap<>())
                    .put(f[1], Double.parseDouble(f[3]));
        }
        List<String> cases = new ArrayList<>(truth.keySet());
        List<String> modalities = new ArrayList<>(scores.keySet());
        double[][][] ratings = new double[modalities.size()][readers.size()][cases.size()];
        for (int i = 0; i < modalities.size(); i++) {
            for (int j = 0; j < readers.size(); j++) {
                Arrays.fill(ratings[i][j], Double.NaN);
                Map<String, Double> own = scores.get(modalities.get(i)).getOrDefault(readers.get(j), Map.of());
                for (int c = 0; c < cases.size(); c++) {
                    Double v = own.get(cases.get(c));
                    if (v != null) {
                        ratings[i][j][c] = v;
                    }
                }
            }
        }
        boolean[] positive = new boolean[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            positive[c] = truth.get(cases.get(c));
        }
        return new MrmcData(modalities, readers, cases, positive, ratings);
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = ImrmcExample.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
