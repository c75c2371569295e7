package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.dermread.Application;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.analysis.StudyResultsService;
import org.dermread.inference.DemoStudies.DemoStudy;
import org.dermread.inference.InferenceJob.Status;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.reading.SaveOutcome;
import org.dermread.studies.StudyService;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestDatabase;
import org.dermread.testing.TestStudies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The README's promise that several DermRead instances can share one database (issue 12): two application
 * contexts, each with its own web server, connection pool and beans, on one PostgreSQL database: a web instance with
 * the inference worker off, and a worker instance. A run submitted on the web instance is computed by the worker; a
 * reader answering on the web instance and a coordinator on the worker instance see the same state; a worker
 * instance shut down mid-run hands the run back, and the next worker instance finishes it without computing a case
 * twice. (A worker killed outright keeps its run until the lease runs out; {@link BatchRunTest} covers that.)
 */
class TwoInstancesTest {

    private static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Test
    void a_web_instance_and_a_worker_instance_share_runs_answers_and_study_state() throws Exception {
        String database = TestDatabase.newDatabase("two");
        try (ConfigurableApplicationContext web = start(database, "web", false)) {
            ConfigurableApplicationContext worker = start(database, "worker", true);
            ConfigurableApplicationContext nextWorker = null;
            try {
                TestAccounts accounts = web.getBean(TestAccounts.class);
                Account coordinator = accounts.create("two-coord", Role.COORDINATOR);
                Account reader = accounts.create("two-reader", Role.READER);

                // a reader answers on the web instance; the coordinator on the worker instance sees the answers
                TestStudies studies = web.getBean(TestStudies.class);
                TestStudies.TestStudy reading = studies.openStudy(coordinator, 6, LABELS,
                        TestStudies.Options.defaults());
                studies.giveProfile(reader, 3);
                long participation = studies.invite(reading, reader, 1);
                ReadingService quiz = web.getBean(ReadingService.class);
                as(web, reader, () -> quiz.open(participation, Phase.UNAIDED));
                List<Long> answered = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long caseId = as(web, reader, () -> quiz.next(participation, Phase.UNAIDED)).orElseThrow()
                            .caseId();
                    answered.add(caseId);
                    assertThat(as(web, reader, () -> quiz.answer(participation, Phase.UNAIDED, caseId, "MN", null)))
                            .isEqualTo(SaveOutcome.SAVED);
                }
                assertThat(as(worker, coordinator, () -> worker.getBean(StudyResultsService.class)
                        .summary(reading.studyId()).answers())).isEqualTo(3);
                // the coordinator closes the study on the worker instance; the reader on the web instance is refused
                as(worker, coordinator, () -> {
                    worker.getBean(StudyService.class).close(reading.studyId());
                    return null;
                });
                long fourth = reading.caseIds().stream().filter(id -> !answered.contains(id)).findFirst()
                        .orElseThrow();
                assertThatThrownBy(() -> as(web, reader,
                        () -> quiz.answer(participation, Phase.UNAIDED, fourth, "MN", null)))
                        .hasMessageContaining("reading.error.study-not-open");
                assertThat(as(worker, coordinator, () -> worker.getBean(StudyResultsService.class)
                        .summary(reading.studyId()).answers())).isEqualTo(3);

                // a run submitted on the web instance (worker off) is computed by the worker instance
                ExportedModels.Exported tiny = ExportedModels.tiny();
                RegisteredModel model = as(web, coordinator, () -> {
                    try {
                        return web.getBean(ModelRegistry.class).register(Files.newInputStream(tiny.pt()),
                                tiny.manifest());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                DemoStudy small = web.getBean(DemoStudies.class).create(coordinator, LABELS, 6, false);
                InferenceService webInference = web.getBean(InferenceService.class);
                long first = as(web, coordinator, () -> webInference.startRun(small.studyId(), model.sha256()));
                waitUntil(() -> as(web, coordinator, () -> webInference.run(first)).status() == Status.DONE,
                        Duration.ofSeconds(120));
                InferenceJob done = as(web, coordinator, () -> webInference.run(first));
                assertThat(done.computedCases()).isEqualTo(6);
                assertThat(done.worker()).as("claimed by a worker thread").isNotBlank();
                assertThat(as(web, coordinator, () -> webInference.hasCompletePredictions(small.studyId())))
                        .isTrue();

                // the worker instance shuts down mid-run: the run goes back to the queue
                DemoStudy large = web.getBean(DemoStudies.class).create(coordinator, LABELS, 80, false);
                long second = as(web, coordinator, () -> webInference.startRun(large.studyId(), model.sha256()));
                waitUntil(() -> as(web, coordinator, () -> webInference.run(second)).doneCases() >= 5,
                        Duration.ofSeconds(120));
                worker.close();
                InferenceJob handedBack = as(web, coordinator, () -> webInference.run(second));
                System.out.printf("two instances: worker shut down with %d of %d cases done, run %s%n",
                        handedBack.doneCases(), handedBack.totalCases(), handedBack.status());
                assertThat(handedBack.status()).isIn(Status.QUEUED, Status.DONE);
                if (handedBack.status() == Status.QUEUED) {
                    assertThat(handedBack.doneCases()).isBetween(5, 79);
                    Thread.sleep(2_000);
                    assertThat(as(web, coordinator, () -> webInference.run(second)).status())
                            .as("the web instance, its worker off, does not take the run").isEqualTo(Status.QUEUED);
                }

                nextWorker = start(database, "worker-2", true);
                waitUntil(() -> as(web, coordinator, () -> webInference.run(second)).status() == Status.DONE,
                        Duration.ofSeconds(180));
                InferenceJob finished = as(web, coordinator, () -> webInference.run(second));
                assertThat(finished.doneCases()).isEqualTo(80);
                assertThat(finished.computedCases()).as("no case computed twice").isEqualTo(80);
                assertThat(web.getBean(JdbcClient.class).sql(
                        "select count(*) from study_case_prediction where study_id = :s")
                        .param("s", large.studyId()).query(Long.class).single()).isEqualTo(80);
            } finally {
                worker.close();
                if (nextWorker != null) {
                    nextWorker.close();
                }
            }
        } finally {
            SignIn.out();
        }
    }

    private static ConfigurableApplicationContext start(String database, String name, boolean worker) {
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--server.port=0", "--dermread.demo.mode=off", "--spring.main.banner-mode=off",
                "--logging.file.name=target/test-logs/two-instances-" + name + ".log",
                "--dermread.bootstrap.admin-password=Initial-Admin-Password-1",
                "--dermread.inference.register-demo-model=false",
                "--dermread.inference.worker.enabled=" + worker, "--dermread.inference.worker.poll=PT0.2S");
    }

    /**
     * Runs {@code work} signed in as {@code account} on {@code instance}: each context installs its own security
     * strategy as the global one, so the holder is pointed at the instance's own before signing in.
     */
    private static <T> T as(ConfigurableApplicationContext instance, Account account, Supplier<T> work) {
        SecurityContextHolder.setContextHolderStrategy(instance.getBean(SecurityContextHolderStrategy.class));
        SignIn.as(account);
        try {
            return work.get();
        } finally {
            SignIn.out();
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", limit).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
