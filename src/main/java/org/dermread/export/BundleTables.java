package org.dermread.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data files of a study's export bundle, by file name, as UTF-8 text: {@code cases.csv}, {@code labels.csv},
 * {@code readings.csv}, {@code readers.csv}, {@code ai_predictions.csv}, {@code analysis.json} and one iMRMC
 * input per class under {@code imrmc/}. The same study state always gives the same text.
 */
public record BundleTables(long studyId, String studyName, String modelSha256, Map<String, String> files) {

    public BundleTables {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
