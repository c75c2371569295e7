package org.dermread.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 CSV table: header row, comma separator, double-quoted fields with "" escapes, UTF-8 with or without
 * a byte-order mark, LF or CRLF line ends. Blank lines are skipped.
 */
record Csv(Path source, List<String> header, List<List<String>> rows) {

    Csv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    static Csv read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(path + " is empty: a header row is needed");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        return new Csv(path, header, records.subList(1, records.size()));
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** Column index by name; fails with the file name when the column is missing. */
    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source.getFileName() + " has no column " + name + " (header: "
                    + header + ")");
        }
        return i;
    }

    int optionalColumn(String name) {
        return header.indexOf(name);
    }

    Map<String, Integer> columns() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), i);
        }
        return map;
    }

    static String cell(List<String> row, int column) {
        return column < 0 || column >= row.size() ? "" : row.get(column).trim();
    }
}
