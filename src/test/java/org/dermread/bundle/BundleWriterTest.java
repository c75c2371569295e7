package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.dermread.bundle.StudyTables.ArmRecord;
import org.dermread.bundle.StudyTables.CaseRecord;
import org.dermread.bundle.StudyTables.PredictionRecord;
import org.dermread.bundle.StudyTables.ReaderRecord;
import org.dermread.bundle.StudyTables.ReadingRecord;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.StudyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-memory tables written as bundle files and read back: the same study, in a fixed layout. */
class BundleWriterTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678912Z");

    private static StudyTables tables() {
        List<CaseRecord> cases = List.of(
                new CaseRecord("c1", "MN", 40, "F", "back, upper", null, "aa"),
                new CaseRecord("c2", "BCC", null, null, "nose \"tip\"", "histopathology", "bb"),
                new CaseRecord("c3", "MN", 12, "M", null, null, "cc"));
        List<ReaderRecord> readers = List.of(
                new ReaderRecord("R001", 2, 1, true, "RESIDENT", "TERTIARY_A", T, T, null),
                new ReaderRecord("R002", 12, 8, false, "CHIEF", "SECONDARY", T, T, T, "aided_first", -4242L, "expert",
                        3, 14, T.plus(14, ChronoUnit.DAYS)));
        List<ReadingRecord> readings = List.of(
                new ReadingRecord("R002", "c1", "aided", "MN", 4, T, T, 0),
                new ReadingRecord("R002", "c2", "unaided", "MN", 2, T, T, 1),
                new ReadingRecord("R001", "c3", "unaided", "MN", null, T, T, 0),
                new ReadingRecord("R002", "c1", "unaided", "BCC", 3, T, T, 0),
                new ReadingRecord("R001", "c1", "unaided", "MN", null, T, T, 0));
        List<PredictionRecord> predictions = List.of(
                new PredictionRecord("c1", List.of(0.75, 0.25), Map.of("MN", 0.6, "BCC", 0.2, "SK", 0.2)),
                new PredictionRecord("c2", List.of(0.1, 0.9), Map.of("MN", 0.05, "BCC", 0.45, "SK", 0.5)));
        return new StudyTables(List.of("MN", "BCC"), cases, readers, readings, List.of("SK", "MN", "BCC"),
                predictions);
    }

    private static String text(BundleFiles files, String path) {
        return new String(files.require(path), StandardCharsets.UTF_8);
    }

    @Test
    void a_study_with_arms_writes_arms_csv_and_each_readers_arm_with_what_reproduces_it() {
        StudyTables plain = tables();
        List<ReaderRecord> readers = List.of(
                new ReaderRecord("R001", 2, 1, true, "RESIDENT", "TERTIARY_A", T, T, null, "unaided_first", null,
                        null, null, 0, T, "B", -77L, "beginner", 1),
                new ReaderRecord("R002", 12, 8, false, "CHIEF", "SECONDARY", T, null, null, null, null, null, null,
                        0, null, null, -77L, null, null));
        StudyTables withArms = new StudyTables(plain.labels(), plain.cases(), readers, plain.readings(),
                plain.modelClasses(), plain.predictions(), List.of(), List.of(
                        new ArmRecord("A", "Top-1 only", true, false, false, false, null, false),
                        new ArmRecord("B", "Similar, \"k\" = 4", false, false, true, true, 4, true)));

        BundleFiles files = BundleWriter.dataFiles(withArms, AnalysisSettings.defaults());

        assertThat(text(files, "arms.csv")).isEqualTo("""
                arm,name,top1,probabilities,malignancy,similar_cases,similar_k,saliency
                A,Top-1 only,true,false,false,false,,false
                B,"Similar, ""k"" = 4",false,false,true,true,4,true
                """);
        assertThat(text(files, "readers.csv")).contains(",B,-77,beginner,1\n").contains(",,-77,,\n");
        assertThat(BundleWriter.dataFiles(plain, AnalysisSettings.defaults()).paths())
                .as("no arms.csv without arms").doesNotContain("arms.csv");
    }

    @Test
    void the_tables_are_written_in_a_fixed_order_with_their_columns() {
        BundleFiles files = BundleWriter.dataFiles(tables(), AnalysisSettings.defaults());

        assertThat(files.paths()).containsExactly("ai_predictions.csv", "analysis.json", "cases.csv",
                "imrmc/BCC.imrmc", "imrmc/MN.imrmc", "labels.csv", "readers.csv", "readings.csv");
        assertThat(text(files, "readings.csv")).isEqualTo("""
                reader_id,case_id,phase,label,confidence,shown_at,answered_at,revision
                R001,c1,unaided,MN,,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,0
                R001,c3,unaided,MN,,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,0
                R002,c1,unaided,BCC,3,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,0
                R002,c2,unaided,MN,2,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,1
                R002,c1,aided,MN,4,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,0
                """);
        assertThat(text(files, "cases.csv")).contains("c1,MN,40,F,\"back, upper\",,aa\n")
                .contains("c2,BCC,,,\"nose \"\"tip\"\"\",histopathology,bb\n");
        assertThat(text(files, "readers.csv")).contains("R001,2,1,yes,RESIDENT,TERTIARY_A,2026-01-02T03:04:05.678Z,"
                + "2026-01-02T03:04:05.678Z,,,,,,,,,,,\n")
                .contains("R002,12,8,no,CHIEF,SECONDARY,2026-01-02T03:04:05.678Z,2026-01-02T03:04:05.678Z,"
                        + "2026-01-02T03:04:05.678Z,aided_first,-4242,expert,3,14,2026-01-16T03:04:05.678Z"
                        + ",,,,\n")
                .startsWith("reader_id,years_dermatology,years_dermoscopy,board_certified,title,hospital_level,"
                        + "started_at,unaided_finished_at,aided_finished_at,phase_order,phase_order_seed,"
                        + "phase_order_group,phase_order_rank,washout_days,second_phase_opens_at,arm,arm_seed,"
                        + "arm_group,arm_rank\n");
        assertThat(text(files, "ai_predictions.csv")).isEqualTo("""
                case_id,p_MN,p_BCC,raw_p_SK,raw_p_MN,raw_p_BCC
                c1,0.750000000,0.250000000,0.200000000,0.600000000,0.200000000
                c2,0.100000000,0.900000000,0.500000000,0.0500000000,0.450000000
                """);
        assertThat(text(files, "imrmc/MN.imrmc")).contains("NR: 2\nN0: 1\nN1: 2\nNM: 2\nBEGIN DATA:\n-1,c1,0,1\n")
                .contains("R002,c1,unaided,3\n").contains("R002,c1,aided,9\n").contains("R001,c3,unaided,10\n");
    }

    @Test
    void the_reader_gets_back_the_study_the_tables_describe() {
        StudyData study = BundleReader.read(BundleWriter.dataFiles(tables(), AnalysisSettings.defaults())).study();

        assertThat(study.labels()).containsExactly("MN", "BCC");
        assertThat(study.caseIds()).containsExactly("c1", "c2", "c3");
        assertThat(study.truth()).containsExactly(0, 1, 0);
        assertThat(study.phases()).extracting(p -> p.phase()).containsExactly("unaided", "aided");
        assertThat(study.readers()).extracting(r -> r.id()).containsExactly("R001", "R002");
        assertThat(study.readers().get(1).yearsDermatology()).isEqualTo(12.0);
        assertThat(study.aiProbabilities()[0]).containsExactly(0.75, 0.25);
        assertThat(study.aiProbabilities()[2][0]).isNaN();
    }

    @Test
    void in_memory_and_unpacked_bundles_give_byte_identical_metrics(@TempDir Path folder) throws Exception {
        BundleFiles files = BundleWriter.dataFiles(tables(), new AnalysisSettings(20, 5, List.of(3.0, 10.0),
                AnalysisSettings.YEARS_DERMATOLOGY, List.of(), 0.95));
        files.writeTo(folder);

        byte[] inMemory = MetricsJson.bytes(BundleReader.read(files).analyze());
        byte[] unpacked = MetricsJson.bytes(BundleReader.read(BundleFiles.readFolder(folder,
                BundleReader.INPUT_FILES)).analyze());
        byte[] zipped = MetricsJson.bytes(BundleReader.read(BundleFiles.readZip(files.zip())).analyze());

        assertThat(unpacked).isEqualTo(inMemory);
        assertThat(zipped).isEqualTo(inMemory);
    }

    @Test
    void a_clinical_field_typed_as_a_formula_reaches_the_bundle_as_text() {
        StudyTables original = tables();
        List<CaseRecord> cases = List.of(new CaseRecord("c1", "MN", 40, "F", "=HYPERLINK(\"http://evil\")", null, "aa"),
                original.cases().get(1), original.cases().get(2));
        StudyTables hostile = new StudyTables(original.labels(), cases, original.readers(), original.readings(),
                original.modelClasses(), original.predictions());

        String casesCsv = text(BundleWriter.dataFiles(hostile, AnalysisSettings.defaults()), "cases.csv");

        assertThat(casesCsv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").doesNotContain(",=HYPERLINK");
    }
}
