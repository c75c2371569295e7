package org.dermread.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundle's {@code manifest.json}: format and version, software, creation time, the study, the model, the
 * analysis settings and every other file's SHA-256 and size. One file per line, so that a diff of two manifests
 * shows which files changed.
 *
 * @param studyName      the study's name as the coordinator gave it
 * @param modelSha256    the model whose predictions {@code ai_predictions.csv} holds; null without AI
 * @param modelName      that model's registered name and version; null when unknown
 * @param reportLanguage the language of {@code report.pdf} and {@code report.html} ({@code en}, {@code zh}); null
 *                       without a report
 */
public record BundleManifest(String software, Instant createdAt, long studyId, String studyName,
        String modelSha256, String modelName, String modelVersion, String reportLanguage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A manifest without model name, version and report. */
    public BundleManifest(String software, Instant createdAt, long studyId, String studyName, String modelSha256) {
        this(software, createdAt, studyId, studyName, modelSha256, null, null, null);
    }

    /** What a manifest says about the study and the model (for the report written from a bundle). */
    public record Description(long studyId, String studyName, String modelSha256, String modelName,
            String modelVersion) {
    }

    /** A file's checksum and size as the manifest lists them. */
    public record FileEntry(String sha256, long bytes) {
    }

    /** The manifest of these files (the manifest itself is not listed); the settings are those of analysis.json. */
    public byte[] write(BundleFiles files) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"format\": ").append(quoted(BundleFormat.NAME)).append(",\n");
        json.append("  \"format_version\": ").append(BundleFormat.VERSION).append(",\n");
        json.append("  \"software\": ").append(quoted(software)).append(",\n");
        json.append("  \"created_at\": ").append(quoted(DateTimeFormatter.ISO_INSTANT.format(
                createdAt.truncatedTo(ChronoUnit.SECONDS)))).append(",\n");
        json.append("  \"study\": {\"id\": ").append(studyId).append(", \"name\": ").append(quoted(studyName))
                .append("},\n");
        json.append("  \"model_sha256\": ").append(nullable(modelSha256)).append(",\n");
        json.append("  \"model_name\": ").append(nullable(modelName)).append(",\n");
        json.append("  \"model_version\": ").append(nullable(modelVersion)).append(",\n");
        json.append("  \"report_language\": ").append(nullable(reportLanguage)).append(",\n");
        json.append("  \"analysis_settings\": ").append(files.get(BundleFormat.ANALYSIS)
                .map(settings -> new String(settings, StandardCharsets.UTF_8).strip()).orElse("null")).append(",\n");
        json.append("  \"files\": {\n");
        List<String> paths = new ArrayList<>(files.paths());
        paths.remove(BundleFormat.MANIFEST);
        for (int i = 0; i < paths.size(); i++) {
            byte[] content = files.require(paths.get(i));
            json.append("    ").append(quoted(paths.get(i))).append(": {\"sha256\": \"")
                    .append(BundleFiles.sha256(content)).append("\", \"bytes\": ").append(content.length).append('}')
                    .append(i + 1 < paths.size() ? ",\n" : "\n");
        }
        json.append("  }\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The study and model a bundle's manifest names; empty when the bundle has no manifest. */
    public static Optional<Description> describe(BundleFiles files) {
        if (!files.has(BundleFormat.MANIFEST)) {
            return Optional.empty();
        }
        JsonNode manifest = parse(files);
        return Optional.of(new Description(manifest.path("study").path("id").asLong(),
                text(manifest.path("study").path("name")), text(manifest.path("model_sha256")),
                text(manifest.path("model_name")), text(manifest.path("model_version"))));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static JsonNode parse(BundleFiles files) {
        try {
            return JSON.readTree(files.require(BundleFormat.MANIFEST));
        } catch (IOException e) {
            throw new IllegalArgumentException(BundleFormat.MANIFEST + " is not valid JSON: " + e.getMessage());
        }
    }

    /** The files a manifest lists, by path; empty when the bundle has no manifest. */
    public static Map<String, FileEntry> listedFiles(BundleFiles files) {
        Map<String, FileEntry> listed = new LinkedHashMap<>();
        if (!files.has(BundleFormat.MANIFEST)) {
            return listed;
        }
        JsonNode manifest = parse(files);
        manifest.path("files").fields().forEachRemaining(file -> listed.put(file.getKey(),
                new FileEntry(file.getValue().path("sha256").asText(), file.getValue().path("bytes").asLong())));
        return listed;
    }

    /**
     * The files among {@code paths} whose content is not what the manifest lists (edited after the export, or
     * damaged), as messages; empty when they match or the bundle has no manifest.
     */
    public static List<String> mismatches(BundleFiles files, List<String> paths) {
        Map<String, FileEntry> listed = listedFiles(files);
        List<String> mismatches = new ArrayList<>();
        for (String path : paths) {
            FileEntry entry = listed.get(path);
            boolean changed = entry != null && files.has(path)
                    && !entry.sha256().equals(BundleFiles.sha256(files.require(path)));
            if (changed) {
                mismatches.add(path + " differs from its SHA-256 in " + BundleFormat.MANIFEST
                        + " (changed after the export)");
            }
        }
        return mismatches;
    }

    private static String nullable(String text) {
        return text == null ? "null" : quoted(text);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
