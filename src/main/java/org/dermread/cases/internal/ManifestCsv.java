package org.dermread.cases.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A study-set manifest's records, read with Apache Commons CSV: RFC 4180 (quoted fields with doubled quotes and line
 * breaks, LF or CRLF line ends), text after a closing quote kept as part of the field, blank lines skipped. Each
 * record keeps the line it starts on, so that every problem can name its line.
 */
final class ManifestCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setTrailingData(true).get();
    /** How Commons CSV names the line where an unclosed quoted field began. */
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([\\d,]+)\\)");

    /** One record and the line it starts on (1-based). */
    record ManifestRow(int line, List<String> fields) {
    }

    /** A quoted field is never closed; {@code line} is where it began. */
    static final class UnclosedQuote extends Exception {
        final int line;

        UnclosedQuote(int line) {
            super("unterminated quote at line " + line);
            this.line = line;
        }
    }

    private ManifestCsv() {
    }

    /** The first {@code maxRows} records, and whether more followed (then the rest is not read at all). */
    record Parsed(List<ManifestRow> rows, boolean truncated) {
    }

    static List<ManifestRow> parse(String text) throws UnclosedQuote {
        return parse(text, Integer.MAX_VALUE).rows();
    }

    static Parsed parse(String text, int maxRows) throws UnclosedQuote {
        List<ManifestRow> rows = new ArrayList<>();
        long previousEnd = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                // a record starts on the line after the previous one ended, blank lines included
                if (!blank(text, record)) {
                    if (rows.size() == maxRows) {
                        return new Parsed(rows, true);
                    }
                    rows.add(new ManifestRow((int) previousEnd + 1, record.toList()));
                }
                previousEnd = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException e) {
            Matcher start = START_LINE.matcher(String.valueOf(e.getCause().getMessage()));
            throw new UnclosedQuote(start.find() ? Integer.parseInt(start.group(1).replace(",", ""))
                    : (int) previousEnd + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(rows, false);
    }

    /** A blank line reads as one empty field; a line holding {@code ""} does too, but is not blank. */
    private static boolean blank(String text, CSVRecord record) {
        int start = (int) record.getCharacterPosition();
        return record.size() == 1 && record.get(0).isEmpty()
                && (start >= text.length() || text.charAt(start) == '\n' || text.charAt(start) == '\r');
    }
}
