package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.export.ExportService;
import org.dermread.inference.ExportedModels;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.reading.Phase;
import org.dermread.studies.CaseSelection;
import org.dermread.studies.CaseSetDesign;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.SamplingPlan;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyService;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.TestStudy;
import org.dermread.testing.Zips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17's path end to end through the services, each step as its user takes it: a coordinator imports a
 * generated HAM10000-layout folder (from the server's study-set folder) and an ISIC-2019-layout ZIP, draws a
 * seven-class case set on the ISIC taxonomy by lesions (one image per lesion), creates and opens an AI-assisted study
 * on it, registers a seven-class model exported by {@code export_model.py} and runs it; readers read both phases;
 * the statistician's bundle names the ISIC classes and carries the malignant-vs-benign analysis.
 */
@DermReadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsicStudyEndToEndTest {

    static final List<String> SEVEN = List.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestAccounts accounts;
    @Autowired
    CaseLibraryService library;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    StudyService studies;
    @Autowired
    ModelRegistry registry;
    @Autowired
    TestReadings readings;
    @Autowired
    TestStudies testStudies;
    @Autowired
    ExportService export;
    @Autowired
    JdbcClient jdbc;

    private final Path hamFolder = Path.of("study-sets", ".test-ham10000-" + UUID.randomUUID());
    private Account coordinator;
    private ImportResult ham;
    private ImportResult isic;
    private long caseSetId;
    private TestStudy study;
    private Map<String, byte[]> bundle;

    @BeforeAll
    void theWholePath() throws Exception {
        coordinator = accounts.create("isic-e2e-coord", Role.COORDINATOR);
        SignIn.as(coordinator);
        PublicSetFixture.ham10000(3).writeFolder(hamFolder);
        ham = library.importFolder(hamFolder);
        isic = library.importZip(new ByteArrayInputStream(PublicSetFixture.isic2019(2).zip()), "isic-2019.zip");

        // from the two sources just imported (other tests may have put more ISIC sources in the library)
        CaseSelection drawn = caseSets.sample(new SamplingPlan(SEVEN, 4, 17, Set.of(ham.sourceId(), isic.sourceId()),
                1, "isic"));
        caseSetId = caseSets.create(new CaseSetDesign("ISIC seven", null, SEVEN, drawn.caseIds(), 17L, 4, 1,
                "isic"));
        long studyId = studies.create(new StudyForm("ISIC seven-class study", null, caseSetId, SEVEN,
                new StudyOptions(true, false, ConfidenceScale.NONE, false, true, false, null)));
        ExportedModels.Exported isic7 = ExportedModels.tinyIsic();
        RegisteredModel model = registry.register(Files.newInputStream(isic7.pt()), isic7.manifest());
        studies.open(studyId);
        SignIn.out();

        List<Long> caseIds = jdbc.sql("select case_id from case_set_member where case_set_id = :s order by case_id")
                .param("s", caseSetId).query(Long.class).list();
        Map<Long, String> truth = new HashMap<>();
        jdbc.sql("select id, diagnosis from clinical_case where id in (:ids)").param("ids", caseIds)
                .query(rs -> {
                    truth.put(rs.getLong("id"), rs.getString("diagnosis"));
                });
        study = new TestStudy(studyId, caseSetId, caseIds, truth, SEVEN);
        assertThat(readings.predictWith(coordinator, study, model.sha256())).isTrue();

        for (int r = 0; r < 3; r++) {
            int seat = r;
            Account reader = accounts.create("isic-e2e-reader", Role.READER);
            testStudies.giveProfile(reader, 2 + 7 * r);
            long participation = testStudies.invite(study, reader, 500 + r);
            readings.readAll(reader, participation, (caseId, i, phase) -> {
                String right = truth.get(caseId);
                boolean correct = (i + seat) % (phase == Phase.AIDED ? 4 : 3) != 0;
                return correct ? right : SEVEN.get((SEVEN.indexOf(right) + 1 + seat) % SEVEN.size());
            }, Phase.UNAIDED, Phase.AIDED);
        }
        SignIn.as(accounts.create("isic-e2e-stat", Role.STATISTICIAN));
        bundle = Zips.unzip(export.bundle(studyId));
        SignIn.out();
    }

    @AfterAll
    void removeTheGeneratedFolder() throws IOException {
        try (Stream<Path> files = Files.walk(hamFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void both_public_layouts_were_recognised_and_imported_on_the_isic_taxonomy() {
        assertThat(jdbc.sql("select taxonomy from case_source where id in (:a, :b)")
                .param("a", ham.sourceId()).param("b", isic.sourceId()).query(String.class).list())
                .containsOnly("isic").hasSize(2);
        // HAM: 3 lesions of each of 7 classes, the first lesion of each with two images; ISIC 2019: 2 lesions of each
        // of 8 classes (AK as AKIEC), one UNK row skipped.
        assertThat(jdbc.sql("select count(*) from clinical_case where source_id = :s").param("s", ham.sourceId())
                .query(Long.class).single()).isEqualTo(28);
        assertThat(jdbc.sql("select count(*) from clinical_case where source_id = :s and diagnosis = 'AKIEC'")
                .param("s", isic.sourceId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_case_set_draws_four_lesions_of_each_class_and_never_a_lesion_twice() {
        List<Map<String, Object>> members = jdbc.sql("""
                        select c.diagnosis, c.source_id, c.lesion_id from case_set_member m
                          join clinical_case c on c.id = m.case_id where m.case_set_id = :s""")
                .param("s", caseSetId).query().listOfRows();
        assertThat(members).hasSize(28);
        // every case of both sets has a lesion id except ISIC 2019's skipped UNK row
        assertThat(members).allSatisfy(m -> assertThat(m.get("lesion_id")).isNotNull());
        assertThat(members.stream().map(m -> m.get("source_id") + "/" + m.get("lesion_id")).distinct().count())
                .isEqualTo(28);
        for (String code : SEVEN) {
            assertThat(members.stream().filter(m -> code.equals(m.get("diagnosis")))).hasSize(4);
        }
        assertThat(jdbc.sql("select taxonomy from case_set where id = :s").param("s", caseSetId)
                .query(String.class).single()).isEqualTo("isic");
    }

    @Test
    void the_bundle_names_the_isic_classes_and_holds_the_malignant_versus_benign_analysis() throws IOException {
        String labels = new String(bundle.get("labels.csv"), StandardCharsets.UTF_8);
        assertThat(labels).contains("MEL,melanoma,黑色素瘤,malignant", "NV,melanocytic nevus (dermoscopic)",
                "VASC,vascular lesion,血管性病变,benign");
        JsonNode grouping = JSON.readTree(bundle.get("analysis.json")).get("grouping");
        assertThat(JSON.convertValue(grouping.get("groups"), Map.class)).isEqualTo(Map.of(
                "malignant", List.of("MEL", "BCC", "AKIEC"), "benign", List.of("NV", "BKL", "DF", "VASC")));
        JsonNode grouped = JSON.readTree(bundle.get("metrics.json")).get("grouped");
        assertThat(grouped).isNotNull();
        assertThat(grouped.path("ai").path("classes").size()).isGreaterThan(0);
        String answers = new String(bundle.get("readings.csv"), StandardCharsets.UTF_8);
        assertThat(answers.lines().skip(1).count()).isEqualTo(3 * 2 * 28);
        assertThat(new String(bundle.get("report.html"), StandardCharsets.UTF_8)).contains("melanoma",
                "vascular lesion");
    }
}
