package org.dermread.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.ExportedModels;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.reading.Phase;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A study on the ISIC taxonomy, read by three readers and run through a seven-class ISIC model exported by
 * {@code export_model.py}: its bundle names the labels with the taxonomy's names and groups, and its
 * malignant-vs-benign figures agree with an independent computation: the AI's malignancy AUC and DeLong CI by R's
 * pROC over the summed probabilities of the malignant labels, the readers' sensitivity and specificity for
 * malignancy by counting.
 */
@DermReadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalignancyAnalysisTest {

    static final List<String> LABELS = List.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF");
    static final Set<String> MALIGNANT = Set.of("MEL", "BCC", "AKIEC");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    ExportService export;
    @Autowired
    ModelRegistry registry;
    @Autowired
    JdbcClient jdbc;

    TestStudy study;
    Map<String, byte[]> files;

    @BeforeAll
    void anIsicStudyReadAndPredicted() throws Exception {
        Account coordinator = accounts.create("mal-coord", Role.COORDINATOR);
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            diagnoses.add(LABELS.get(i % LABELS.size()));
        }
        study = studies.openStudyOf(coordinator, diagnoses, LABELS, Options.defaults().withConfidence());
        // The ISIC importer is built elsewhere: the fixture's source and case set are put on the ISIC taxonomy.
        jdbc.sql("update case_set set taxonomy = 'isic' where id = :s").param("s", study.caseSetId()).update();
        jdbc.sql("""
                update case_source set taxonomy = 'isic'
                 where id in (select source_id from clinical_case where id in (:ids))""")
                .param("ids", study.caseIds()).update();
        ExportedModels.Exported isic7 = ExportedModels.tinyIsic();
        SignIn.as(coordinator);
        RegisteredModel model = registry.register(Files.newInputStream(isic7.pt()), isic7.manifest());
        SignIn.out();
        assertThat(readings.predictWith(coordinator, study, model.sha256())).isTrue();
        for (int r = 0; r < 3; r++) {
            int seat = r;
            Account reader = accounts.create("mal-reader", Role.READER);
            studies.giveProfile(reader, 2 + 6 * r);
            long participation = studies.invite(study, reader, 200 + r);
            readings.readAll(reader, participation, new TestReadings.Answerer() {
                @Override
                public String answer(long caseId, int i, Phase phase) {
                    String truth = study.truth().get(caseId);
                    return (i + seat) % 3 != 0 ? truth : LABELS.get((LABELS.indexOf(truth) + 1 + seat) % 6);
                }

                @Override
                public Integer confidence(long caseId, int i, Phase phase) {
                    return 1 + (i + seat) % 5;
                }
            }, Phase.UNAIDED);
        }
        SignIn.as(accounts.create("mal-stat", Role.STATISTICIAN));
        files = ExportBundleTest.unzip(export.bundle(study.studyId()));
        SignIn.out();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void the_bundle_names_the_labels_in_both_languages_with_their_groups_and_writes_the_grouping() throws IOException {
        List<String> labels = text("labels.csv").lines().toList();
        assertThat(labels.get(0)).isEqualTo("position,code,name_en,name_zh,group");
        assertThat(labels).contains("1,MEL,melanoma,黑色素瘤,malignant",
                "4,AKIEC,actinic keratosis and intraepithelial carcinoma,光线性角化病与上皮内癌,premalignant",
                "6,DF,dermatofibroma,皮肤纤维瘤,benign");
        JsonNode grouping = JSON.readTree(files.get("analysis.json")).get("grouping");
        assertThat(grouping.get("name").asText()).isEqualTo("malignancy");
        assertThat(JSON.convertValue(grouping.get("groups"), Map.class)).isEqualTo(Map.of(
                "malignant", List.of("MEL", "BCC", "AKIEC"), "benign", List.of("NV", "BKL", "DF")));
        assertThat(text("ai_predictions.csv").lines().findFirst().orElseThrow())
                .endsWith("raw_p_MEL,raw_p_NV,raw_p_BCC,raw_p_AKIEC,raw_p_BKL,raw_p_DF,raw_p_VASC");
        assertThat(new String(files.get("report.html"), StandardCharsets.UTF_8)).contains("melanoma");
    }

    @Test
    void the_ais_malignancy_auc_and_its_delong_ci_agree_with_proc_over_the_summed_probabilities(@TempDir Path dir)
            throws Exception {
        Map<String, Boolean> malignant = truthByCase();
        List<String> ai = text("ai_predictions.csv").lines().toList();
        List<String> header = List.of(ai.get(0).split(","));
        StringBuilder csv = new StringBuilder("truth,score\n");
        for (String row : ai.subList(1, ai.size())) {
            String[] cells = row.split(",");
            double score = 0;
            for (String code : MALIGNANT) {
                score += Double.parseDouble(cells[header.indexOf("p_" + code)]);
            }
            csv.append(malignant.get(cells[0]) ? 1 : 0).append(',').append(score).append('\n');
        }
        Path data = dir.resolve("scores.csv");
        Files.writeString(data, csv);
        double[] proc = rscript(dir, """
                suppressMessages(library(pROC))
                d <- read.csv("%s")
                r <- roc(d$truth, d$score, levels = c(0, 1), direction = "<", quiet = TRUE)
                ci <- ci.auc(r, method = "delong")
                cat(sprintf("%%.12f %%.12f %%.12f", as.numeric(auc(r)), ci[1], ci[3]))
                """.formatted(data.toString().replace("\\", "/")));

        JsonNode aiClass = null;
        for (JsonNode c : metrics().path("grouped").path("ai").path("classes")) {
            if (c.path("code").asText().equals("malignant")) {
                aiClass = c;
            }
        }
        assertThat(aiClass).as("the grouped AI section of metrics.json").isNotNull();
        assertThat(aiClass.path("auc").path("auc").asDouble()).isCloseTo(proc[0], within(1e-9));
        assertThat(aiClass.path("auc").path("lower").asDouble()).isCloseTo(proc[1], within(1e-6));
        assertThat(aiClass.path("auc").path("upper").asDouble()).isCloseTo(proc[2], within(1e-6));
        assertThat(proc[0]).isBetween(0.0, 1.0);
    }

    @Test
    void each_readers_sensitivity_and_specificity_for_malignancy_agree_with_counting_their_answers()
            throws IOException {
        Map<String, Boolean> malignant = truthByCase();
        Map<String, int[]> counts = new HashMap<>();
        List<String> rows = text("readings.csv").lines().toList();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            int[] c = counts.computeIfAbsent(cells[0], k -> new int[4]);
            boolean truth = malignant.get(cells[1]);
            boolean said = MALIGNANT.contains(cells[3]);
            c[(truth ? 0 : 2) + (said == truth ? 0 : 1)]++;
        }
        JsonNode readers = metrics().path("grouped").path("phases").get(0).path("reader_results");
        assertThat(readers).hasSize(3);
        for (JsonNode reader : readers) {
            int[] c = counts.get(reader.path("reader_id").asText());
            JsonNode metrics = null;
            for (JsonNode m : reader.path("per_class")) {
                if (m.path("code").asText().equals("malignant")) {
                    metrics = m;
                }
            }
            assertThat(metrics).isNotNull();
            assertThat(metrics.path("sensitivity").asDouble())
                    .isCloseTo((double) c[0] / (c[0] + c[1]), within(1e-12));
            assertThat(metrics.path("specificity").asDouble())
                    .isCloseTo((double) c[2] / (c[2] + c[3]), within(1e-12));
        }
    }

    private Map<String, Boolean> truthByCase() {
        Map<String, Boolean> malignant = new HashMap<>();
        List<String> cases = text("cases.csv").lines().toList();
        for (String row : cases.subList(1, cases.size())) {
            String[] cells = row.split(",");
            malignant.put(cells[0], MALIGNANT.contains(cells[1]));
        }
        return malignant;
    }

    private JsonNode metrics() throws IOException {
        return JSON.readTree(files.get("metrics.json"));
    }

    private String text(String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static double[] rscript(Path dir, String script) throws Exception {
        Path file = dir.resolve("check.R");
        Files.writeString(file, script);
        Process process = new ProcessBuilder("Rscript", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        String[] parts = out.strip().split("\\s+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].toUpperCase(Locale.ROOT));
        }
        return values;
    }
}
