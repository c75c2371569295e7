package org.dermread.export;

import java.util.List;

/** RFC 4180 CSV text: comma-separated, CRLF-free (LF line ends), fields quoted only when they need it. */
final class CsvWriter {

    private final StringBuilder text = new StringBuilder();

    CsvWriter(List<String> header) {
        row(header);
    }

    CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(fields.get(i)));
        }
        text.append('\n');
        return this;
    }

    static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
