package org.dermread.cases.internal;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: quoted fields with doubled quotes and line breaks, LF or CRLF line ends. */
final class Csv {

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    /** Thrown for a quote left open; {@code line} is where the quoted field began. */
    static final class MalformedCsv extends Exception {
        final int line;

        MalformedCsv(int line) {
            super("unterminated quote at line " + line);
            this.line = line;
        }
    }

    private Csv() {
    }

    static List<Row> parse(String text) throws MalformedCsv {
        return parse(text, Integer.MAX_VALUE).rows();
    }

    /** The first {@code maxRows} records, and whether more followed (then the rest is not parsed at all). */
    record Parsed(List<Row> rows, boolean truncated) {
    }

    static Parsed parse(String text, int maxRows) throws MalformedCsv {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        int quoteStart = 0;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteStart = line;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
                    if (rows.size() == maxRows) {
                        return new Parsed(rows, true);
                    }
                    fields.add(field.toString());
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                rowStart = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new MalformedCsv(quoteStart);
        }
        if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
            if (rows.size() == maxRows) {
                return new Parsed(rows, true);
            }
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return new Parsed(rows, false);
    }
}
