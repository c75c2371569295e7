package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dermread.stats.AnalysisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an export bundle: defined behaviour for untidy input. */
class BundleReaderTest {

    private static void write(Path dir, String readings) throws Exception {
        Files.writeString(dir.resolve("labels.csv"), "position,code\n2,BCC\n1,MN\n");
        Files.writeString(dir.resolve("cases.csv"), "\uFEFFcase_id,truth\nc1,MN\nc2,BCC\nc3,MN\n");
        Files.writeString(dir.resolve("readings.csv"),
                "reader_id,case_id,phase,label,confidence,shown_at,answered_at\n" + readings);
    }

    @Test
    void unanswered_and_repeated_answers_are_left_out_and_reported() throws Exception {
        Path dir = Files.createTempDirectory("bundle");
        write(dir, "r1,c1,unaided,MN,5,,\nr1,c1,unaided,BCC,1,,\nr1,c2,unaided,,,,\nr1,c3,\"unaided\",MN,,,\n"
                + "r2,c1,aided,BCC,3,,\n");
        BundleReader.Bundle bundle = BundleReader.read(dir);
        assertThat(bundle.study().labels()).containsExactly("MN", "BCC");
        assertThat(bundle.study().phases()).extracting(p -> p.phase()).containsExactly("unaided", "aided");
        assertThat(bundle.study().phases().get(0).readers().get(0).labels()).containsExactly(0, 0);
        assertThat(bundle.notes()).anyMatch(n -> n.startsWith("1 readings without a label"))
                .anyMatch(n -> n.startsWith("1 repeated answers"))
                .anyMatch(n -> n.contains("[r1, r2]"));
        assertThat(bundle.study().aiProbabilities()).isNull();
    }

    @Test
    void an_answer_outside_the_label_set_is_rejected_with_the_reader_and_case_named() throws Exception {
        Path dir = Files.createTempDirectory("bundle");
        write(dir, "r1,c1,unaided,SK,5,,\n");
        assertThatThrownBy(() -> BundleReader.read(dir)).hasMessageContaining("r1").hasMessageContaining("c1")
                .hasMessageContaining("SK");
    }

    @Test
    void analysis_settings_accept_snake_case_and_camel_case_keys(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("analysis.json");
        Files.writeString(json, "{\"bootstrapReplicates\": 10, \"seed\": 3, \"experience_cut_points\": [5],"
                + " \"mrmc_phases\": [\"a\", \"b\"]}");
        AnalysisSettings s = BundleReader.readSettings(json);
        assertThat(s.bootstrapReplicates()).isEqualTo(10);
        assertThat(s.seed()).isEqualTo(3);
        assertThat(s.experienceCutPoints()).containsExactly(5.0);
        assertThat(s.mrmcModalities()).containsExactly("a", "b");
        assertThat(BundleReader.readSettings(dir.resolve("missing.json"))).isEqualTo(AnalysisSettings.defaults());
    }
}
