package org.dermread.bundle;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV table of a bundle, parsed or written with Apache Commons CSV: RFC 4180 (comma separator, double quotes,
 * a quote inside a quoted field doubled), LF or CRLF line ends, UTF-8 with or without a byte-order mark, a header
 * row; blank lines are skipped, header names and cells are trimmed. Every problem names the file, the row (the line
 * the record starts on; the header is row 1) and the column.
 */
public final class CsvTable {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** RFC 4180 with LF line ends; fields are quoted only when they need it. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** One record and the line it starts on (1-based). */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /** Parses a file's bytes; {@code file} names it in messages. */
    public static CsvTable parse(String file, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        List<Row> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READ).get()) {
            for (CSVRecord record : parser) {
                records.add(new Row(lineOf(lineStarts, firstCharacter(text, record)), List.of(record.values())));
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " is not valid CSV: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: a header row is needed");
        }
        List<String> header = records.get(0).cells().stream().map(String::trim).toList();
        return new CsvTable(file, header, records.subList(1, records.size()));
    }

    /**
     * CSV text of a header and rows; {@code null} cells are written empty, and text that a spreadsheet would run as a
     * formula is neutralised ({@link #neutralised}).
     */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
            printer.printRecord(header.stream().map(CsvTable::neutralised).toList());
            for (List<?> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(neutralised(cell));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A cell as written: text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
     * prefixed with a single quote, so Excel, LibreOffice and Google Sheets show it as text instead of running it as
     * a formula (OWASP, "CSV Injection", the recommended mitigation). Numbers stay numbers: number objects, and text
     * that is a plain decimal number such as {@code -0.25} or {@code 1e-3}, are written unchanged.
     */
    static Object neutralised(Object cell) {
        if (!(cell instanceof CharSequence sequence) || sequence.isEmpty()) {
            return cell;
        }
        String text = sequence.toString();
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The index of a column the file must have. */
    public int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column " + name + " (header: " + header + ")");
        }
        return index;
    }

    /** The index of a column the file may have, -1 when it has not. */
    public int optionalColumn(String name) {
        return header.indexOf(name);
    }

    /** The trimmed cell, empty when the row is shorter or the column absent (-1). */
    public static String cell(Row row, int column) {
        return column < 0 || column >= row.cells().size() ? "" : row.cells().get(column).trim();
    }

    /** The cell as a number, NaN when it is empty. */
    public double number(Row row, int column) {
        String text = cell(row, column);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem(row, column, "not a number: '" + text + "'");
        }
    }

    /** A problem with one cell: "file row N, column C: message". */
    public IllegalArgumentException problem(Row row, int column, String message) {
        String name = column >= 0 && column < header.size() ? header.get(column) : "#" + (column + 1);
        return new IllegalArgumentException(file + " row " + row.line() + ", column " + name + ": " + message);
    }

    /** The character offsets at which the text's lines start (after LF, CR or CRLF). */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean lineEnd = ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** Where the record's text starts: its position as the parser reports it counts the blank lines it skipped. */
    private static int firstCharacter(String text, CSVRecord record) {
        int position = (int) record.getCharacterPosition();
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
        return position;
    }

    private static int lineOf(int[] lineStarts, int position) {
        int index = Arrays.binarySearch(lineStarts, position);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
