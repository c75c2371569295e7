package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.inference.DemoStudies.DemoStudy;
import org.dermread.inference.djl.DjlClassifier;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A model over another taxonomy than Zhu et al.'s: seven HAM10000/ISIC classes, exported by the project's own
 * {@code export_model.py}, registered, refused for studies whose labels it misses, and run over an ISIC study.
 */
@DermReadTest
class AnyTaxonomyModelTest {

    @Autowired
    SecurityContextHolderStrategy securityStrategy;
    @Autowired
    ModelRegistry registry;
    @Autowired
    InferenceService inference;
    @Autowired
    InferenceWorker worker;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final ExportedModels.Exported isic7 = ExportedModels.tinyIsic();
    private Account coordinator;

    @BeforeEach
    void signInAndPauseTheWorker() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
        worker.stop();
        jdbc.sql("update inference_job set status = 'CANCELLED' where status in ('QUEUED', 'RUNNING')").update();
        coordinator = accounts.create("isic-coord", Role.COORDINATOR);
        ModelRegistrationTest.signIn(coordinator);
    }

    @AfterEach
    void resume() {
        SecurityContextHolder.clearContext();
        worker.start();
    }

    @Test
    void a_seven_class_isic_model_registers_with_its_taxonomy_and_classes() throws IOException {
        RegisteredModel model = registry.register(Files.newInputStream(isic7.pt()), isic7.manifest());

        assertThat(model.taxonomy()).isEqualTo("isic");
        assertThat(model.classes()).containsExactlyElementsOf(ExportedModels.ISIC_SEVEN);
        assertThat(jdbc.sql("select taxonomy from inference_model where sha256 = :s").param("s", model.sha256())
                .query(String.class).single()).isEqualTo("isic");
    }

    @Test
    void a_model_naming_codes_its_taxonomy_lacks_or_a_taxonomy_that_does_not_exist_is_refused() {
        String zhuCodes = isic7.manifest().replace("\"MEL\"", "\"MN\"");
        String noTaxonomy = isic7.manifest().replace("\"taxonomy\": \"isic\"", "\"taxonomy\": \"ham99\"");
        assertThat(noTaxonomy).isNotEqualTo(isic7.manifest());
        // other tests may have registered the same file: nothing is added by the refusals
        int before = jdbc.sql("select count(*) from inference_model where name = 'test-tiny-isic7'")
                .query(Integer.class).single();

        assertThatThrownBy(() -> registry.register(Files.newInputStream(isic7.pt()), zhuCodes))
                .isInstanceOfSatisfying(ModelValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("inference.error.unknown-class");
                    assertThat(e.arguments()).containsExactly("MN", "isic");
                });
        assertThatThrownBy(() -> registry.register(Files.newInputStream(isic7.pt()), noTaxonomy))
                .isInstanceOfSatisfying(ModelValidationException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("inference.error.unknown-taxonomy"));
        assertThat(jdbc.sql("select count(*) from inference_model where name = 'test-tiny-isic7'")
                .query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void a_model_whose_only_output_is_its_logits_registers_and_runs_without_auxiliary_heads_or_embedding()
            throws IOException {
        ExportedModels.Exported logitsOnly = ExportedModels.tinyIsicLogitsOnly();
        RegisteredModel model = registry.register(Files.newInputStream(logitsOnly.pt()), logitsOnly.manifest());
        assertThat(model.embeddingDim()).isZero();
        DemoStudy study = demoStudies.createIsic(coordinator, List.of("MEL", "NV", "BKL"), 6);

        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);

        assertThat(inference.hasCompletePredictions(study.studyId())).isTrue();
        assertThat(inference.predictionsForStudy(study.studyId()).values())
                .allSatisfy(p -> assertThat(p.probabilities().stream().mapToDouble(Double::doubleValue).sum())
                        .isCloseTo(1, within(1e-9)));
        assertThat(jdbc.sql("""
                select count(*) from case_prediction
                 where model_sha256 = :m and cardinality(aux_logits) = 0 and cardinality(embedding) = 0""")
                .param("m", model.sha256()).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void a_study_whose_labels_the_model_misses_is_refused_naming_every_missing_code() throws IOException {
        RegisteredModel model = registry.register(Files.newInputStream(isic7.pt()), isic7.manifest());
        DemoStudy withScc = demoStudies.createIsic(coordinator, List.of("MEL", "NV", "BCC", "SCC"), 8);
        DemoStudy zhu = demoStudies.create(coordinator, List.of("DF", "MN", "BCC", "SK"), 8, false);
        // other tests may have run the same model over their studies: no job is added by the refusals
        int jobs = jdbc.sql("select count(*) from inference_job where model_sha256 = :s")
                .param("s", model.sha256()).query(Integer.class).single();

        assertThatThrownBy(() -> inference.startRun(withScc.studyId(), model.sha256()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("inference.error.label-not-in-model");
                    assertThat(e.arguments()).containsExactly("SCC");
                });
        assertThatThrownBy(() -> inference.startRun(zhu.studyId(), model.sha256()))
                .isInstanceOfSatisfying(UserFacingException.class, e ->
                        assertThat(e.arguments()).containsExactly("MN, SK"));
        assertThat(jdbc.sql("select count(*) from inference_job where model_sha256 = :s")
                .param("s", model.sha256()).query(Integer.class).single()).isEqualTo(jobs);
    }

    @Test
    void the_model_runs_over_an_isic_study_and_its_extra_class_is_renormalised_away() throws Exception {
        RegisteredModel model = registry.register(Files.newInputStream(isic7.pt()), isic7.manifest());
        List<String> labels = List.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF");
        DemoStudy study = demoStudies.createIsic(coordinator, labels, 12);

        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);

        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(study.studyId());
        assertThat(predictions.keySet()).containsExactlyInAnyOrderElementsOf(study.caseIds());
        ModelManifest manifest = ModelManifest.parse(isic7.manifest(), Set.copyOf(ExportedModels.ISIC_SEVEN));
        try (var classifier = DjlClassifier.load(isic7.pt(), "direct", manifest, Device.cpu(), 1)) {
            for (long caseId : study.caseIds()) {
                ClassifierOutput direct =
                        classifier.classify(Pixels.decode(DemoStudies.read(study.images().get(caseId))));
                StudyCasePrediction stored = predictions.get(caseId);
                assertThat(stored.raw()).hasSize(7);
                // Renormalised over the six labels, by hand: p(k) / (1 - p(VASC)).
                double vasc = direct.probabilities()[6];
                for (int i = 0; i < labels.size(); i++) {
                    assertThat(stored.labels().get(i)).isEqualTo(labels.get(i));
                    assertThat(stored.probabilities().get(i))
                            .isCloseTo(direct.probabilities()[i] / (1 - vasc), within(1e-6));
                }
            }
        }
    }
}
