package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The expected values written by src/test/resources/stats/reference/generate_reference.R (R 4.2, pROC 1.18), and the
 * tolerances of issue 6: 1e-6 for AUCs and proportions, 1e-4 for CIs, statistics and p-values.
 */
public final class ReferenceValues {

    public static final double PROPORTION = 1e-6;
    public static final double STATISTIC = 1e-4;

    private final Map<String, Double> values;

    private ReferenceValues(Map<String, Double> values) {
        this.values = values;
    }

    public static ReferenceValues load() throws IOException {
        Map<String, Double> map = new HashMap<>();
        try (InputStream in = ReferenceValues.class.getResourceAsStream("/stats/reference/expected.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("key,")) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                String v = line.substring(comma + 1).trim();
                map.put(line.substring(0, comma), v.equals("NaN") || v.equals("NA") ? Double.NaN
                        : Double.parseDouble(v));
            }
        }
        return new ReferenceValues(map);
    }

    /** The folder of the reference data on disk (for the CLI readers). */
    public static Path folder() {
        try {
            return Path.of(ReferenceValues.class.getResource("/stats/reference/expected.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no expected value " + key);
        }
        return v;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Asserts actual equals the expected value within the tolerance; NaN must match NaN. */
    public void check(String key, double actual, double tolerance) {
        double expected = get(key);
        if (Double.isNaN(expected)) {
            assertThat(actual).as(key).isNaN();
        } else {
            assertThat(actual).as(key).isCloseTo(expected, within(tolerance));
        }
    }
}
