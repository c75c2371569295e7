package org.dermread.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dermread.stats.AnalysisSettings;

/**
 * The bundle's {@code analysis.json}: the settings of the analysis. Every key is optional; snake_case keys are
 * written, camelCase spellings and {@code mrmc_phases} (for {@code mrmc_modalities}) are read too.
 */
public final class AnalysisSettingsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisSettingsFile() {
    }

    /** The file's text for these settings (MRMC modalities only when chosen, else the analysis picks them). */
    public static String write(AnalysisSettings settings) {
        ObjectNode json = JSON.createObjectNode();
        json.put("bootstrap_replicates", settings.bootstrapReplicates());
        json.put("seed", settings.seed());
        ArrayNode cuts = json.putArray("experience_cut_points");
        settings.experienceCutPoints().forEach(cuts::add);
        json.put("experience_field", settings.experienceField());
        if (!settings.mrmcModalities().isEmpty()) {
            ArrayNode modalities = json.putArray("mrmc_modalities");
            settings.mrmcModalities().forEach(modalities::add);
        }
        json.put("confidence_level", settings.confidenceLevel());
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings in a bundle's {@code analysis.json}, the defaults when it has none. */
    public static AnalysisSettings read(BundleFiles files) {
        return files.get(BundleFormat.ANALYSIS).map(AnalysisSettingsFile::read).orElse(AnalysisSettings.defaults());
    }

    static AnalysisSettings read(byte[] content) {
        JsonNode json;
        try {
            json = JSON.readTree(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        } catch (IOException e) {
            throw new IllegalArgumentException(BundleFormat.ANALYSIS + " is not valid JSON: " + e.getMessage());
        }
        AnalysisSettings d = AnalysisSettings.defaults();
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
        try {
            return new AnalysisSettings(replicates, seed, cuts, field, modalities, level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BundleFormat.ANALYSIS + ": " + e.getMessage());
        }
    }

    /** The value under a snake_case key, or under its camelCase spelling. */
    private static JsonNode key(JsonNode json, String snake, String camel) {
        return json.has(snake) ? json.get(snake) : json.path(camel);
    }
}
