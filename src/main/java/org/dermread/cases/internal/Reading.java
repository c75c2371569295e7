package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.ImportProperties;

/**
 * What every layout needs to read its own files within the import limits: a small file (CSV, set.json) read only
 * when within {@code max-manifest-bytes}, a CSV as a table with the line of each row, set.json checked, and the one
 * problem log of the import.
 */
final class Reading {

    static final String SET_JSON = "set.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImportProperties limits;
    private final ImportProblems problems;
    private final String origin;

    /** {@code origin}: the ZIP's or folder's own name (no server path), for naming a set that does not name itself. */
    Reading(ImportProperties limits, ImportProblems problems, String origin) {
        this.limits = limits;
        this.problems = problems;
        this.origin = origin == null ? "" : origin;
    }

    String origin() {
        return origin;
    }

    ImportProblems problems() {
        return problems;
    }

    void problem(String file, int line, String key, Object... arguments) {
        problems.add(ImportProblem.of(file, line, key, arguments));
    }

    /** A CSV's header and rows (below the header), each with its line. */
    record Table(String file, byte[] bytes, List<String> header, List<ManifestCsv.ManifestRow> rows) {

        /** The index of a column by its name in the header, or -1. */
        int column(String name) {
            return header.indexOf(name);
        }

        /** The named columns the header lacks, in the order asked. */
        List<String> missing(List<String> names) {
            return names.stream().filter(name -> !header.contains(name)).toList();
        }
    }

    /** A small file's bytes, or null when absent (nothing reported) or refused (its problem reported). */
    byte[] smallFile(StudySetFiles set, String path) {
        if (!set.contains(path)) {
            return null;
        }
        try {
            if (set.size(path) > limits.maxManifestBytes()) {
                problem(path, 0, "cases.problem.file-too-large", limits.maxManifestBytes() / 1_000_000);
                return null;
            }
            return set.read(path);
        } catch (IOException e) {
            problem(path, 0, "cases.problem.file-unreadable");
            return null;
        }
    }

    /**
     * A CSV of the set as a table: UTF-8 (a BOM is dropped), RFC 4180, at most {@code max-manifest-rows} rows below
     * the header; null with its problem reported when it cannot be read, is empty or too long.
     */
    Table table(StudySetFiles set, String path) {
        byte[] bytes = smallFile(set, path);
        if (bytes == null) {
            return null;
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            problem(path, firstBadLine(bytes), "cases.problem.not-utf8");
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ManifestCsv.ManifestRow> rows;
        try {
            // the header and at most max-manifest-rows cases; a longer file is refused before any row is checked
            ManifestCsv.Parsed parsed = ManifestCsv.parse(text, limits.maxManifestRows() + 1);
            if (parsed.truncated()) {
                problem(path, 0, "cases.problem.manifest-too-many-rows", limits.maxManifestRows());
                return null;
            }
            rows = parsed.rows();
        } catch (ManifestCsv.UnclosedQuote e) {
            problem(path, e.line, "cases.problem.csv-quote");
            return null;
        }
        if (rows.isEmpty()) {
            problem(path, 0, "cases.problem.manifest-empty");
            return null;
        }
        return new Table(path, bytes, rows.get(0).fields().stream().map(String::trim).toList(),
                new ArrayList<>(rows.subList(1, rows.size())));
    }

    /**
     * set.json checked against the keys of {@code study-sets/README.md}: null when it cannot be read (problem
     * reported); the node otherwise, its bad keys reported.
     */
    JsonNode setJson(byte[] bytes) {
        JsonNode node;
        try {
            node = JSON.readTree(decodeUtf8(bytes));
        } catch (CharacterCodingException e) {
            problem(SET_JSON, 0, "cases.problem.not-utf8");
            return null;
        } catch (IOException e) {
            problem(SET_JSON, 0, "cases.problem.setjson-syntax", firstLine(e.getMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            problem(SET_JSON, 0, "cases.problem.setjson-syntax", "not a JSON object");
            return null;
        }
        for (String key : List.of("name", "source", "description")) {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problem(SET_JSON, 0, "cases.problem.setjson-required", key);
            } else if (!key.equals("description") && value.asText().trim().length() > 200) {
                problem(SET_JSON, 0, "cases.problem.setjson-too-long", key, 200);
            }
        }
        if (node.has("synthetic") && !node.get("synthetic").isBoolean()) {
            problem(SET_JSON, 0, "cases.problem.setjson-type", "synthetic", "true/false");
        }
        if (node.has("seed") && !node.get("seed").isIntegralNumber()) {
            problem(SET_JSON, 0, "cases.problem.setjson-type", "seed", "integer");
        }
        for (String key : List.of("generator", "taxonomy")) {
            if (node.has(key) && !node.get(key).isTextual()) {
                problem(SET_JSON, 0, "cases.problem.setjson-type", key, "text");
            }
        }
        return node;
    }

    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** The line holding the first byte that is not UTF-8, for a report that points at it. */
    static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] part = Arrays.copyOfRange(bytes, start, i);
                try {
                    decodeUtf8(part);
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
