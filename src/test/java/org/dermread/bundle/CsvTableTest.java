package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 both ways through Commons CSV, with rows numbered by the line they start on. */
class CsvTableTest {

    @Test
    void fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_unchanged() {
        List<List<?>> rows = List.of(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 3));
        String text = CsvTable.write(List.of("x", "y", "z", "empty", "n"), rows);

        assertThat(text).isEqualTo("x,y,z,empty,n\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3\n");
        CsvTable read = CsvTable.parse("t.csv", text.getBytes(StandardCharsets.UTF_8));
        assertThat(read.rows().get(0).cells()).containsExactly("a,b", "say \"hi\"", "two\nlines", "", "3");
    }

    @Test
    void a_byte_order_mark_crlf_line_ends_and_blank_lines_are_accepted_and_rows_keep_their_line() {
        String text = "\uFEFF id , value\r\nr1,1\r\n\r\n\"r2\nstill r2\",2\r\nr3,3\r\n";

        CsvTable table = CsvTable.parse("t.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(table.header()).containsExactly("id", "value");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4, 6);
        assertThat(table.column("value")).isEqualTo(1);
        assertThatThrownBy(() -> table.column("other")).hasMessage("t.csv has no column other (header: [id, value])");
        assertThatThrownBy(() -> table.number(table.rows().get(2), 0))
                .hasMessage("t.csv row 6, column id: not a number: 'r3'");
    }

    @Test
    void a_quote_never_closed_and_text_that_is_not_utf8_are_refused_with_the_file_named() {
        assertThatThrownBy(() -> CsvTable.parse("q.csv", "a,b\n1,\"open\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("q.csv is not valid CSV:");
        assertThatThrownBy(() -> CsvTable.parse("u.csv", "a,b\n\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("u.csv is not UTF-8 text");
        assertThatThrownBy(() -> CsvTable.parse("e.csv", new byte[0]))
                .hasMessage("e.csv is empty: a header row is needed");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_quote() {
        List<List<?>> rows = List.of(Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "@SUM(A1)",
                "+1+2", "-2+3", "\tleft", "\rcr", "back, upper"));

        String text = CsvTable.write(List.of("a", "b", "c", "d", "e", "f", "g", "h"), rows);
        CsvTable read = CsvTable.parse("t.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(read.rows().get(0).cells()).containsExactly("'=HYPERLINK(\"http://x\",\"y\")",
                "'=cmd|' /C calc'!A0", "'@SUM(A1)", "'+1+2", "'-2+3", "'\tleft", "'\rcr", "back, upper");
    }

    @Test
    void numbers_stay_numbers_also_when_negative_or_signed_text() {
        List<List<?>> rows = List.of(Arrays.asList(-0.25, -3, "-0.25", "+4", "1e-3", "-.5", "-2E+3", null, ""));

        String text = CsvTable.write(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), rows);

        assertThat(text).endsWith("\n-0.25,-3,-0.25,+4,1e-3,-.5,-2E+3,,\n");
    }
}
