package org.dermread.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the Van Dyke et al. (1993) MRMC example (5 readers, 2 modalities, 69 normal + 45 abnormal cases). */
final class VanDyke {

    private VanDyke() {
    }

    static MrmcData load() throws IOException {
        String text;
        try (InputStream in = VanDyke.class.getResourceAsStream("/stats/vandyke/vandyke-pairs.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int readers = 5;
        int normals = 69;
        int abnormals = 45;
        int cases = normals + abnormals;
        double[][][] ratings = new double[2][readers][cases];
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            int reader = Integer.parseInt(parts[0].substring(1));
            int offset = parts[1].equals("N") ? 0 : normals;
            for (int k = 2; k < parts.length; k++) {
                ratings[0][reader][offset + k - 2] = parts[k].charAt(0) - '0';
                ratings[1][reader][offset + k - 2] = parts[k].charAt(1) - '0';
            }
        }
        boolean[] truth = new boolean[cases];
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            truth[c] = c >= normals;
            ids.add("case" + (c + 1));
        }
        return new MrmcData(List.of("0", "1"), List.of("0", "1", "2", "3", "4"), ids, truth, ratings);
    }
}
