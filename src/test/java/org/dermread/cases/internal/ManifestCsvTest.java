package org.dermread.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest's records keep the line they start on, across blank lines, CRLF and fields spanning lines. */
class ManifestCsvTest {

    @Test
    void records_keep_their_first_line_across_blank_lines_crlf_and_quoted_line_breaks() throws Exception {
        List<ManifestCsv.ManifestRow> rows = ManifestCsv.parse("id,site\r\nc1,arm\r\n\r\n"
                + "c2,\"left\r\nknee, lateral\"\r\n\nc3,\"a\"\"b\"c\n");

        assertThat(rows).extracting(ManifestCsv.ManifestRow::line).containsExactly(1, 2, 4, 7);
        assertThat(rows.get(2).fields()).containsExactly("c2", "left\r\nknee, lateral");
        assertThat(rows.get(3).fields()).containsExactly("c3", "a\"bc");
    }

    @Test
    void an_unclosed_quote_names_the_line_where_the_quoted_field_began() {
        ManifestCsv.UnclosedQuote unclosed = catchThrowableOfType(ManifestCsv.UnclosedQuote.class,
                () -> ManifestCsv.parse("id,site,note\nc1,\"two\nlines\",\"never closed\nc2,x,y\n"));

        assertThat(unclosed.line).isEqualTo(3);
    }
}
