package org.dermread.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.Grouping;

/**
 * The bundle's {@code analysis.json}: the settings of the analysis. Every key is optional; snake_case keys are
 * written, camelCase spellings and {@code mrmc_phases} (for {@code mrmc_modalities}) are read too. A key of the wrong
 * type (a number given as text, a list given as a number) is an error, not a silent default.
 *
 * <p>A grouping of the labels is written as {@code "grouping": {"name": "malignancy", "groups": {"malignant": ["BCC",
 * "MEL"], "benign": ["MN", "SK"]}}}: the groups in order, each with its label codes.
 */
public final class AnalysisSettingsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisSettingsFile() {
    }

    /** The file's text for these settings (MRMC modalities, targets and grouping only when set). */
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
        if (!settings.specificityTargets().isEmpty()) {
            ArrayNode targets = json.putArray("specificity_targets");
            settings.specificityTargets().forEach(targets::add);
        }
        if (!settings.sensitivityTargets().isEmpty()) {
            ArrayNode targets = json.putArray("sensitivity_targets");
            settings.sensitivityTargets().forEach(targets::add);
        }
        Grouping grouping = settings.grouping();
        if (grouping != null) {
            ObjectNode node = json.putObject("grouping");
            node.put("name", grouping.name());
            ObjectNode groups = node.putObject("groups");
            for (String group : grouping.groups()) {
                ArrayNode codes = groups.putArray(group);
                grouping.groupOf().forEach((code, g) -> {
                    if (g.equals(group)) {
                        codes.add(code);
                    }
                });
            }
        }
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
        if (json == null || json.isMissingNode()) {
            return AnalysisSettings.defaults();
        }
        if (!json.isObject()) {
            throw problem("the file must hold one JSON object");
        }
        AnalysisSettings d = AnalysisSettings.defaults();
        JsonNode replicates = key(json, "bootstrap_replicates", "bootstrapReplicates");
        JsonNode seed = key(json, "seed", "seed");
        JsonNode cuts = key(json, "experience_cut_points", "experienceCutPoints");
        JsonNode field = key(json, "experience_field", "experienceField");
        JsonNode modalities = key(json, "mrmc_modalities", "mrmcModalities");
        if (modalities.isMissingNode()) {
            modalities = key(json, "mrmc_phases", "mrmcPhases");
        }
        JsonNode level = key(json, "confidence_level", "confidenceLevel");
        try {
            return new AnalysisSettings(
                    replicates.isMissingNode() ? d.bootstrapReplicates() : count(replicates,
                            "bootstrap_replicates"),
                    seed.isMissingNode() ? d.seed() : whole(seed, "seed"),
                    cuts.isMissingNode() ? d.experienceCutPoints() : numbers(cuts, "experience_cut_points"),
                    field.isMissingNode() ? d.experienceField() : text(field, "experience_field"),
                    modalities.isMissingNode() ? d.mrmcModalities() : texts(modalities, "mrmc_modalities"),
                    level.isMissingNode() ? d.confidenceLevel() : number(level, "confidence_level"),
                    numbers(key(json, "specificity_targets", "specificityTargets"), "specificity_targets"),
                    numbers(key(json, "sensitivity_targets", "sensitivityTargets"), "sensitivity_targets"),
                    grouping(json.path("grouping")));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(BundleFormat.ANALYSIS)) {
                throw e;
            }
            throw problem(e.getMessage());
        }
    }

    /**
     * {@code {"name": ..., "groups": {group: [codes]}}}; null when absent. Every code may sit in one group only;
     * whether the codes are those of the label set is checked when the study is analysed.
     */
    private static Grouping grouping(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw problem("grouping must be an object {\"name\": ..., \"groups\": {\"<group>\": [\"<code>\", ...]}}");
        }
        String name = node.has("name") ? text(node.get("name"), "grouping.name") : "grouping";
        JsonNode groups = node.path("groups");
        if (!groups.isObject() || groups.isEmpty()) {
            throw problem("grouping.groups must map each group name to a list of label codes");
        }
        List<String> names = new ArrayList<>();
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            names.add(group.getKey());
            for (String code : texts(group.getValue(), "grouping.groups." + group.getKey())) {
                String before = groupOf.put(code, group.getKey());
                if (before != null) {
                    throw problem("grouping puts label " + code + " in two groups, " + before + " and "
                            + group.getKey());
                }
            }
        }
        return new Grouping(name, names, groupOf);
    }

    private static long whole(JsonNode node, String key) {
        if (!node.isIntegralNumber()) {
            throw problem(key + " must be a whole number, got " + node);
        }
        return node.asLong();
    }

    private static int count(JsonNode node, String key) {
        long value = whole(node, key);
        if (value < 0 || value > 1_000_000) {
            throw problem(key + " must lie between 0 and 1000000, got " + value);
        }
        return (int) value;
    }

    private static double number(JsonNode node, String key) {
        if (!node.isNumber()) {
            throw problem(key + " must be a number, got " + node);
        }
        return node.asDouble();
    }

    private static String text(JsonNode node, String key) {
        if (!node.isTextual()) {
            throw problem(key + " must be a text, got " + node);
        }
        return node.asText();
    }

    private static List<Double> numbers(JsonNode node, String key) {
        List<Double> out = new ArrayList<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            throw problem(key + " must be a list of numbers, got " + node);
        }
        for (JsonNode n : node) {
            out.add(number(n, key));
        }
        return out;
    }

    private static List<String> texts(JsonNode node, String key) {
        if (!node.isArray()) {
            throw problem(key + " must be a list of texts, got " + node);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            out.add(text(n, key));
        }
        return out;
    }

    private static IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(BundleFormat.ANALYSIS + ": " + message);
    }

    /** The value under a snake_case key, or under its camelCase spelling. */
    private static JsonNode key(JsonNode json, String snake, String camel) {
        return json.has(snake) ? json.get(snake) : json.path(camel);
    }
}
