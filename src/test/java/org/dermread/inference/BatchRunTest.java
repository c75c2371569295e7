package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.DemoStudies.DemoStudy;
import org.dermread.inference.InferenceJob.Status;
import org.dermread.inference.djl.DjlClassifier;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Batch runs over a study of demo cases, through the real job queue, worker, DJL model and PostgreSQL. The
 * background worker is paused so each test drives the worker step by step ({@link InferenceWorker#workOnce}),
 * including a worker that dies half-way.
 */
@DermReadTest
class BatchRunTest {

    /** This context's own strategy (see {@link #useThisContextsSecurity()}). */
    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    /**
     * Each Spring test context installs its own Vaadin-aware security strategy (with its own thread-local) as the
     * global one; after another context has started, signing in through {@code SecurityContextHolder} would land
     * in that context's strategy and this context's method security would see nobody. Point the global holder back
     * at this context's strategy.
     */
    void useThisContextsSecurity() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    /** The ten classes of the synthetic demo set. */
    static final List<String> DEMO_LABELS = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK", "MN", "BCC");

    @Autowired
    InferenceService inference;
    @Autowired
    SaliencyService saliency;
    @Autowired
    ModelRegistry registry;
    @Autowired
    InferenceWorker worker;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private Account coordinator;
    private RegisteredModel model;

    @BeforeEach
    void pauseTheBackgroundWorkerAndRegisterAModel() throws IOException {
        useThisContextsSecurity();
        worker.stop();
        // Runs other tests left behind must not be claimed here.
        jdbc.sql("update inference_job set status = 'CANCELLED' where status in ('QUEUED', 'RUNNING')").update();
        coordinator = accounts.create("coord", Role.COORDINATOR);
        signIn(coordinator);
        ExportedModels.Exported tiny = ExportedModels.tiny();
        model = registry.register(Files.newInputStream(tiny.pt()), tiny.manifest());
    }

    @AfterEach
    void resumeTheBackgroundWorker() {
        SecurityContextHolder.clearContext();
        worker.start();
    }

    private static void signIn(Account account) {
        ModelRegistrationTest.signIn(account);
    }

    @Test
    void a_run_survives_a_worker_that_dies_half_way_and_a_second_run_recomputes_nothing() {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 12, false);
        long job = inference.startRun(study.studyId(), model.sha256());
        assertThat(inference.run(job).status()).isEqualTo(Status.QUEUED);

        // A worker claims the run, predicts 5 cases and dies: no release, its lease still runs.
        assertThat(worker.workOnce("worker-that-dies", 5)).isTrue();
        InferenceJob halfWay = inference.run(job);
        assertThat(halfWay.status()).isEqualTo(Status.RUNNING);
        assertThat(halfWay.doneCases()).isEqualTo(5);
        assertThat(predictionRows(study)).isEqualTo(5);
        Map<Long, Instant> firstPredictions = predictedAt(study);

        // While the lease runs, nobody else takes the run over.
        assertThat(worker.workOnce("second-worker", Integer.MAX_VALUE)).isFalse();

        // The lease runs out (time passes): the next worker takes the run over and finishes it.
        expireLease(job);
        assertThat(worker.workOnce("second-worker", Integer.MAX_VALUE)).isTrue();
        InferenceJob finished = inference.run(job);
        assertThat(finished.status()).isEqualTo(Status.DONE);
        assertThat(finished.attempts()).isEqualTo(2);
        assertThat(finished.doneCases()).isEqualTo(12);
        assertThat(finished.computedCases()).isEqualTo(12);
        assertThat(predictionRows(study)).isEqualTo(12);
        Map<Long, Instant> allPredictions = predictedAt(study);
        assertThat(allPredictions).containsAllEntriesOf(firstPredictions);

        // A second run over the same study computes nothing and changes no stored prediction.
        long again = inference.startRun(study.studyId(), model.sha256());
        assertThat(again).isNotEqualTo(job);
        assertThat(worker.workOnce("third-worker", Integer.MAX_VALUE)).isTrue();
        InferenceJob second = inference.run(again);
        assertThat(second.status()).isEqualTo(Status.DONE);
        assertThat(second.doneCases()).isEqualTo(12);
        assertThat(second.computedCases()).isZero();
        assertThat(predictedAt(study)).isEqualTo(allPredictions);
        assertThat(inference.hasCompletePredictions(study.studyId())).isTrue();
    }

    @Test
    void a_worker_stopped_gracefully_hands_its_run_back_and_a_restart_finishes_it() throws InterruptedException {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 120, false);
        long job = inference.startRun(study.studyId(), model.sha256());

        worker.start();
        waitUntil(() -> inference.run(job).doneCases() >= 10, Duration.ofSeconds(60));
        worker.stop();

        InferenceJob stopped = inference.run(job);
        int rowsAtStop = predictionRows(study);
        assertThat(stopped.status()).isIn(Status.QUEUED, Status.DONE);
        if (stopped.status() == Status.QUEUED) {
            assertThat(rowsAtStop).isBetween(10, 119);
        }

        worker.start();
        waitUntil(() -> inference.run(job).status() == Status.DONE, Duration.ofSeconds(120));
        assertThat(predictionRows(study)).isEqualTo(120);
        assertThat(inference.run(job).computedCases()).isEqualTo(120);
    }

    @Test
    void predictions_are_restricted_to_the_study_labels_and_renormalised_with_the_raw_14_kept() {
        List<String> labels = List.of("BCC", "MN", "SK", "DF", "LP", "Rosa", "EAD", "AV");
        DemoStudy study = demoStudies.create(coordinator, labels, 8, false);
        assertThat(inference.hasCompletePredictions(study.studyId())).isFalse();
        assertThat(inference.predictionsForStudy(study.studyId())).isEmpty();

        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);

        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(study.studyId());
        assertThat(predictions.keySet()).containsExactlyInAnyOrderElementsOf(study.caseIds());
        for (StudyCasePrediction prediction : predictions.values()) {
            assertThat(prediction.modelSha256()).isEqualTo(model.sha256());
            assertThat(prediction.labels()).containsExactlyElementsOf(labels);
            assertThat(prediction.raw()).hasSize(14);
            assertThat(prediction.raw().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1, within(1e-9));
            assertThat(prediction.probabilities().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1, within(1e-9));
            double labelMass = labels.stream().mapToDouble(prediction.raw()::get).sum();
            for (String label : labels) {
                assertThat(prediction.probabilityOf(label))
                        .isCloseTo(prediction.raw().get(label) / labelMass, within(1e-9));
            }
        }
        assertThat(inference.hasCompletePredictions(study.studyId())).isTrue();
        assertThat(inference.embeddings(study.studyId())).hasSize(8)
                .allSatisfy(embedding -> assertThat(embedding.embedding()).hasSize(192));
    }

    @Test
    void the_stored_probabilities_are_what_the_classifier_computes_from_the_jpeg_bytes() throws IOException {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 3, false);
        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);

        ExportedModels.Exported tiny = ExportedModels.tiny();
        ModelManifest manifest = ModelManifest.parse(tiny.manifest(), Set.copyOf(ModelManifestTest.CODES));
        try (var classifier = DjlClassifier.load(tiny.pt(), "direct", manifest, Device.cpu(), 1)) {
            for (long caseId : study.caseIds()) {
                ClassifierOutput direct =
                        classifier.classify(Pixels.decode(DemoStudies.read(study.images().get(caseId))));
                Map<String, Double> stored = inference.predictionsForStudy(study.studyId()).get(caseId).raw();
                for (int i = 0; i < 14; i++) {
                    assertThat(stored.get(manifest.classes().get(i))).isCloseTo(direct.probabilities()[i],
                            within(1e-6));
                }
            }
        }
    }

    @Test
    void a_cancelled_run_stops_and_a_queued_one_never_starts() {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 10, false);
        long queued = inference.startRun(study.studyId(), model.sha256());
        inference.cancelRun(queued);
        assertThat(inference.run(queued).status()).isEqualTo(Status.CANCELLED);
        assertThat(worker.workOnce("worker", Integer.MAX_VALUE)).isFalse();

        long running = inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker-that-dies", 2);
        inference.cancelRun(running);
        expireLease(running);
        worker.workOnce("worker", Integer.MAX_VALUE);

        InferenceJob cancelled = inference.run(running);
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.doneCases()).isEqualTo(3);
        assertThat(predictionRows(study)).isEqualTo(3);
    }

    @Test
    void only_the_study_coordinators_and_admins_run_models_and_statisticians_read_the_predictions() {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 4, false);
        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);

        signIn(accounts.create("other-coord", Role.COORDINATOR));
        assertThatThrownBy(() -> inference.startRun(study.studyId(), model.sha256()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inference.predictionsForStudy(study.studyId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> saliency.saliencyPng(model.sha256(), study.caseIds().get(0)))
                .isInstanceOf(AccessDeniedException.class);

        signIn(accounts.create("stat", Role.STATISTICIAN));
        assertThat(inference.predictionsForStudy(study.studyId())).hasSize(4);
        assertThatThrownBy(() -> inference.startRun(study.studyId(), model.sha256()))
                .isInstanceOf(AccessDeniedException.class);

        signIn(accounts.create("admin", Role.ADMIN));
        assertThat(inference.predictionsForStudy(study.studyId())).hasSize(4);
    }

    @Test
    void readers_see_the_ai_only_in_the_aided_phase_of_their_study_after_the_unaided_phase() {
        DemoStudy withAi = demoStudies.create(coordinator, DEMO_LABELS, 3, true);
        DemoStudy withoutAi = demoStudies.create(coordinator, DEMO_LABELS, 3, false);
        inference.startRun(withAi.studyId(), model.sha256());
        inference.startRun(withoutAi.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);
        worker.workOnce("worker", Integer.MAX_VALUE);
        Account reader = accounts.create("reader", Role.READER);
        Account outsider = accounts.create("outsider", Role.READER);
        demoStudies.addReader(withAi.studyId(), reader, false);
        demoStudies.addReader(withoutAi.studyId(), reader, true);
        long caseId = withAi.caseIds().get(0);

        signIn(reader);
        assertThatThrownBy(() -> inference.predictionsForStudy(withAi.studyId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> saliency.saliencyPng(model.sha256(), caseId))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inference.aidedPhasePrediction(withAi.studyId(), caseId))
                .as("unaided phase not finished").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inference.aidedPhasePrediction(withoutAi.studyId(), withoutAi.caseIds().get(0)))
                .as("study without an AI-assisted phase").isInstanceOf(AccessDeniedException.class);
        assertThat(inference.hasCompletePredictions(withAi.studyId())).isTrue();

        demoStudies.finishUnaided(withAi.studyId(), reader);
        StudyCasePrediction advice = inference.aidedPhasePrediction(withAi.studyId(), caseId).orElseThrow();
        assertThat(advice.labels()).containsExactlyElementsOf(DEMO_LABELS);
        assertThat(advice.raw()).isEmpty();
        assertThat(saliency.aidedPhaseSaliencyPng(withAi.studyId(), caseId)).isNotEmpty();
        assertThatThrownBy(() -> inference.aidedPhasePrediction(withAi.studyId(), withoutAi.caseIds().get(0)))
                .as("a case of another study").isInstanceOf(AccessDeniedException.class);

        signIn(outsider);
        assertThatThrownBy(() -> inference.aidedPhasePrediction(withAi.studyId(), caseId))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inference.hasCompletePredictions(withAi.studyId()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_saliency_map_is_a_png_of_the_case_image_computed_once() throws IOException {
        DemoStudy study = demoStudies.create(coordinator, DEMO_LABELS, 1, false);
        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("worker", Integer.MAX_VALUE);
        long caseId = study.caseIds().get(0);

        byte[] png = saliency.saliencyPng(model.sha256(), caseId);
        byte[] again = saliency.saliencyPng(model.sha256(), caseId);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(again).isEqualTo(png);
        assertThat(jdbc.sql("select count(*) from case_saliency where case_id = :c").param("c", caseId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private void expireLease(long job) {
        jdbc.sql("update inference_job set lease_until = now() - interval '1 second' where id = :id")
                .param("id", job).update();
    }

    private int predictionRows(DemoStudy study) {
        return jdbc.sql("select count(*) from case_prediction where model_sha256 = :m and case_id in (:ids)")
                .param("m", model.sha256()).param("ids", study.caseIds()).query(Integer.class).single();
    }

    private Map<Long, Instant> predictedAt(DemoStudy study) {
        return jdbc.sql("select case_id, predicted_at from case_prediction"
                        + " where model_sha256 = :m and case_id in (:ids)")
                .param("m", model.sha256()).param("ids", study.caseIds())
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant())).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
