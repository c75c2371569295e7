package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.dermread.stats.MrmcData;
import org.junit.jupiter.api.Test;

/** iMRMC input files: both ways of writing truth rows, and line-numbered errors for what cannot be read. */
class ImrmcFileTest {

    private static MrmcData parse(String... lines) {
        return ImrmcFile.parse("test.imrmc", List.of(lines));
    }

    @Test
    void imrmcs_own_example_input_loads_as_published_with_truth_rows_named_truth() throws Exception {
        // DIDSR/iMRMC Rpackage/iMRMC/tests/testthat/input.imrmc, unchanged: truth rows are truth,<case>,truth,<0|1>
        MrmcData data = ImrmcFile.read(resource("/stats/imrmc/input.imrmc"));
        assertThat(data.modalities()).containsExactly("testA", "testB");
        assertThat(data.readers()).containsExactly("reader1", "reader2", "reader3", "reader4", "reader5");
        assertThat(data.caseIds()).hasSize(80);
        int positives = 0;
        for (boolean t : data.truth()) {
            positives += t ? 1 : 0;
        }
        assertThat(positives).isEqualTo(40);
        assertThat(data.caseIds()).doesNotContain("truth");
        for (double[][] modality : data.ratings()) {
            for (double[] reader : modality) {
                for (double score : reader) {
                    assertThat(score).isNotNaN();
                }
            }
        }
    }

    @Test
    void truth_rows_written_with_reader_minus_one_and_with_truth_read_the_same() {
        MrmcData minusOne = parse("header", "BEGIN DATA:", "-1,c1,0,1", "-1,c2,0,0", "r1,c1,A,3", "r1,c2,A,1");
        MrmcData word = parse("header", "BEGIN DATA:", "truth,c1,truth,1", "TRUTH,c2,truth,0", "r1,c1,A,3",
                "r1,c2,A,1");
        assertThat(word.caseIds()).isEqualTo(minusOne.caseIds());
        assertThat(word.truth()).isEqualTo(minusOne.truth()).containsExactly(true, false);
        assertThat(word.readers()).containsExactly("r1");
        assertThat(word.modalities()).containsExactly("A");
        assertThat(word.ratings()[0][0]).containsExactly(3.0, 1.0);
    }

    @Test
    void a_trailing_comma_and_a_byte_order_mark_are_accepted() {
        MrmcData data = parse("\uFEFFBEGIN DATA:", "-1,c1,0,1,", "-1,c2,0,0", "r1,c1,A,0.5,", "r1,c2,A,0.25");
        assertThat(data.ratings()[0][0]).containsExactly(0.5, 0.25);
    }

    @Test
    void what_cannot_be_read_is_refused_with_the_file_and_line_named() {
        assertThatThrownBy(() -> parse("no data marker", "-1,c1,0,1"))
                .hasMessage("test.imrmc: no 'BEGIN DATA:' line");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "r1,c1,A"))
                .hasMessageContaining("test.imrmc line 3: expected readerID,caseID,modalityID,score");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "r1,c1,A,high"))
                .hasMessageContaining("line 3: score is not a number: high");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "r1,c1,A,NaN"))
                .hasMessageContaining("line 3: score is not a finite number");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "truth,c1,truth,2"))
                .hasMessageContaining("line 2: truth must be 0 or 1, got 2");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "truth,c1,truth,0"))
                .hasMessageContaining("line 3: case c1 has two different truth rows");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "r1,c1,A,1", "r1,c1,A,2"))
                .hasMessageContaining("line 4: reader r1 scored case c1 twice in modality A");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "-1,c1,0,1", "r1,c2,A,1"))
                .hasMessageContaining("line 3: case c2 has no truth row");
        assertThatThrownBy(() -> parse("BEGIN DATA:", "r1,c2,A,1"))
                .hasMessageContaining("no truth rows (readerID -1 or truth)");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ImrmcFileTest.class.getResource(name).toURI());
    }
}
