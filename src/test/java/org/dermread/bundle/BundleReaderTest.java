package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dermread.stats.AnalysisSettings;
import org.junit.jupiter.api.Test;

/** Reading a bundle's files: defined behaviour for untidy input, and problems that name file, row and column. */
class BundleReaderTest {

    private static Map<String, byte[]> files(String readings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("labels.csv", bytes("position,code\n2,BCC\n1,MN\n"));
        files.put("cases.csv", bytes("\uFEFFcase_id,truth\nc1,MN\nc2,BCC\nc3,MN\n"));
        files.put("readings.csv", bytes("reader_id,case_id,phase,label,confidence,shown_at,answered_at\n" + readings));
        return files;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unanswered_and_repeated_answers_are_left_out_and_reported() {
        BundleStudy bundle = BundleReader.read(BundleFiles.of(files("r1,c1,unaided,MN,5,,\nr1,c1,unaided,BCC,1,,\n"
                + "r1,c2,unaided,,,,\nr1,c3,\"unaided\",MN,,,\nr2,c1,aided,BCC,3,,\n")));

        assertThat(bundle.study().labels()).containsExactly("MN", "BCC");
        assertThat(bundle.study().phases()).extracting(p -> p.phase()).containsExactly("unaided", "aided");
        assertThat(bundle.study().phases().get(0).readers().get(0).labels()).containsExactly(0, 0);
        assertThat(bundle.notes()).anyMatch(n -> n.startsWith("1 readings without a label"))
                .anyMatch(n -> n.startsWith("1 repeated answers"))
                .anyMatch(n -> n.contains("[r1, r2]"));
        assertThat(bundle.study().aiProbabilities()).isNull();
    }

    @Test
    void an_answer_outside_the_label_set_is_rejected_with_file_row_column_reader_and_case_named() {
        BundleFiles files = BundleFiles.of(files("r1,c1,unaided,MN,5,,\nr1,c2,unaided,SK,5,,\n"));

        assertThatThrownBy(() -> BundleReader.read(files))
                .hasMessageStartingWith("readings.csv row 3, column label:")
                .hasMessageContaining("r1").hasMessageContaining("c2").hasMessageContaining("SK");
    }

    @Test
    void a_number_that_is_not_one_is_rejected_with_its_cell_named() {
        Map<String, byte[]> files = files("r1,c1,unaided,MN,5,,\n");
        files.put("readers.csv", bytes("reader_id,years_dermatology\nr1,\"twelve, about\"\n"));

        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(files)))
                .hasMessage("readers.csv row 2, column years_dermatology: not a number: 'twelve, about'");
    }

    @Test
    void a_missing_required_file_or_column_is_named() {
        Map<String, byte[]> noReadings = files("");
        noReadings.remove("readings.csv");
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(noReadings)))
                .hasMessage("the bundle has no readings.csv");

        Map<String, byte[]> noTruth = files("");
        noTruth.put("cases.csv", bytes("case_id,diagnosis\nc1,MN\n"));
        assertThatThrownBy(() -> BundleReader.read(BundleFiles.of(noTruth)))
                .hasMessageStartingWith("cases.csv has no column truth");
    }

    @Test
    void a_data_file_changed_after_the_export_is_noted_against_the_manifest() {
        BundleFiles exported = BundleFiles.of(files("r1,c1,unaided,MN,5,,\n"));
        BundleFiles withManifest = exported.with("manifest.json",
                new BundleManifest("DermRead test", Instant.EPOCH, 1, "s", null).write(exported));
        assertThat(BundleReader.read(withManifest).notes()).noneMatch(note -> note.contains("manifest.json"));

        BundleFiles edited = withManifest.with("readings.csv",
                bytes("reader_id,case_id,phase,label\nr1,c1,unaided,BCC\n"));

        assertThat(BundleReader.read(edited).notes()).contains(
                "readings.csv differs from its SHA-256 in manifest.json (changed after the export)");
    }

    @Test
    void analysis_settings_accept_snake_case_and_camel_case_keys_and_default_when_absent() {
        AnalysisSettings s = AnalysisSettingsFile.read(bytes("{\"bootstrapReplicates\": 10, \"seed\": 3,"
                + " \"experience_cut_points\": [5], \"mrmc_phases\": [\"a\", \"b\"]}"));
        assertThat(s.bootstrapReplicates()).isEqualTo(10);
        assertThat(s.seed()).isEqualTo(3);
        assertThat(s.experienceCutPoints()).containsExactly(5.0);
        assertThat(s.mrmcModalities()).containsExactly("a", "b");
        assertThat(AnalysisSettingsFile.read(BundleFiles.of(files("")))).isEqualTo(AnalysisSettings.defaults());
    }

    @Test
    void written_settings_read_back_unchanged() {
        AnalysisSettings settings = new AnalysisSettings(50, 7, List.of(2.0, 8.0), "years_dermoscopy",
                List.of("unaided", "aided"), 0.9);

        assertThat(AnalysisSettingsFile.read(bytes(AnalysisSettingsFile.write(settings)))).isEqualTo(settings);
    }
}
