package org.dermread.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.accounts.RunAs;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode's finished study, so a statistician has results to look at on a fresh installation: the demo case set
 * read by 12 SIMULATED readers (synthetic accounts that cannot sign in) unaided and then AI-assisted, with the demo
 * model's real predictions. The readers' answers are drawn with a fixed seed from a simple model: the chance of a
 * correct diagnosis grows with experience, and with the AI a reader more often takes the AI's answer. Nothing here
 * is real reader data; the study's description says so. Runs in the background after start-up, once.
 */
@Component
@Order(40)
class SimulatedReaders implements ApplicationRunner {

    static final String STUDY_NAME = "Demo study with 12 simulated readers (synthetic, finished)";
    private static final Logger log = LoggerFactory.getLogger(SimulatedReaders.class);
    private static final int READERS = 12;
    private static final long SEED = 2021L;

    private final JdbcClient jdbc;
    private final AccountBootstrap bootstrap;
    private final DemoProperties properties;
    private final InferenceService inference;
    private final ModelRegistry models;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwordEncoder;

    SimulatedReaders(JdbcClient jdbc, AccountBootstrap bootstrap, DemoProperties properties,
            InferenceService inference, ModelRegistry models, TransactionTemplate transaction,
            PasswordEncoder passwordEncoder) {
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.bootstrap = bootstrap;
        this.properties = properties;
        this.inference = inference;
        this.models = models;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.mode() == DemoProperties.Mode.OFF || !bootstrap.demoAccountsExist() || studyExists()) {
            return;
        }
        Optional<Long> caseSet = jdbc.sql("select id from case_set where name = 'Demo case set: 8 classes x 10'")
                .query(Long.class).optional();
        Optional<Long> coordinator = jdbc.sql("select id from account where username = 'demo-coordinator'")
                .query(Long.class).optional();
        if (caseSet.isEmpty() || coordinator.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                build(caseSet.get(), coordinator.get());
            } catch (RuntimeException e) {
                log.error("Demo mode: the simulated-readers study could not be built", e);
            }
        }, "demo-simulated-readers");
        worker.setDaemon(true);
        worker.start();
    }

    private boolean studyExists() {
        return jdbc.sql("select exists (select 1 from study where name = :n)").param("n", STUDY_NAME)
                .query(Boolean.class).single();
    }

    private void build(long caseSetId, long coordinatorId) {
        long studyId = transaction.execute(status -> createStudy(caseSetId, coordinatorId));
        RunAs.run("demo-coordinator", List.of(Role.COORDINATOR), () -> predictAndSimulate(studyId, caseSetId));
    }

    private void predictAndSimulate(long studyId, long caseSetId) {
        Optional<RegisteredModel> model = models.models().stream().filter(m -> m.name().equals("demo-skin-cnn"))
                .findFirst();
        if (model.isEmpty()) {
            log.warn("Demo mode: no demo model registered; the simulated study has no AI");
            return;
        }
        inference.startRun(studyId, model.get().sha256());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!inference.hasCompletePredictions(studyId) && System.nanoTime() < deadline) {
            sleep();
        }
        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(studyId);
        transaction.executeWithoutResult(status -> simulate(studyId, caseSetId, predictions));
        log.info("Demo mode: '{}' is ready ({} simulated readers, AI predictions for {} cases)", STUDY_NAME,
                READERS, predictions.size());
    }

    private long createStudy(long caseSetId, long coordinatorId) {
        long studyId = jdbc.sql("""
                        insert into study (name, description, case_set_id, status, shuffle, allow_back,
                                           confidence_scale, feedback, ai_assisted_phase, created_by, opened_at)
                        values (:name, :description, :set, 'OPEN', true, false, 'ONE_TO_FIVE', true, true, :by,
                                now())
                        returning id
                        """)
                .param("name", STUDY_NAME)
                .param("description", "SYNTHETIC DEMO DATA: the readers are simulated by DermRead's demo mode, not "
                        + "people; the images are drawn by a program. For trying the results pages and exports.")
                .param("set", caseSetId)
                .param("by", coordinatorId)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into study_label (study_id, position, diagnosis)
                        select :study, position, diagnosis from case_set_label where case_set_id = :set
                        """)
                .param("study", studyId).param("set", caseSetId).update();
        jdbc.sql("insert into study_coordinator (study_id, account_id) values (:s, :a)")
                .param("s", studyId).param("a", coordinatorId).update();
        return studyId;
    }

    private void simulate(long studyId, long caseSetId, Map<Long, StudyCasePrediction> predictions) {
        List<String> labels = jdbc.sql("select diagnosis from study_label where study_id = :s order by position")
                .param("s", studyId).query(String.class).list();
        Map<Long, String> truth = new java.util.HashMap<>();
        jdbc.sql("""
                        select c.id, c.diagnosis from case_set_member m join clinical_case c on c.id = m.case_id
                         where m.case_set_id = :set order by c.id
                        """)
                .param("set", caseSetId)
                .query((rs, row) -> truth.put(rs.getLong(1), rs.getString(2)))
                .list();
        List<Long> caseIds = truth.keySet().stream().sorted().toList();
        Random random = new Random(SEED);
        String[] titles = {"RESIDENT", "RESIDENT", "ATTENDING", "ATTENDING", "ATTENDING", "ASSOCIATE_CHIEF",
            "RESIDENT", "ATTENDING", "ASSOCIATE_CHIEF", "CHIEF", "ATTENDING", "CHIEF"};
        int[] years = {1, 2, 4, 6, 8, 12, 2, 5, 15, 22, 9, 18};
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
        for (int r = 0; r < READERS; r++) {
            String username = String.format("demo-sim-%02d", r + 1);
            long accountId = jdbc.sql("""
                            insert into account (username, display_name, password_hash, must_change_password,
                                                 enabled, demo)
                            values (:u, :n, :hash, false, false, true) returning id
                            """)
                    .param("u", username)
                    .param("n", String.format("Simulated reader %02d (synthetic)", r + 1))
                    .param("hash", passwordEncoder.encode(PasswordPolicy.generate()))
                    .query(Long.class).single();
            jdbc.sql("insert into account_role (account_id, role) values (:a, 'READER')").param("a", accountId)
                    .update();
            int dermoscopy = Math.max(0, years[r] - 1 - random.nextInt(2));
            String level = r % 3 == 0 ? "SECONDARY" : "TERTIARY_A";
            jdbc.sql("""
                            insert into reader_profile (account_id, years_dermatology, years_dermoscopy,
                                                        board_certified, title, hospital_level)
                            values (:a, :y, :d, :b, :t, :h)
                            """)
                    .param("a", accountId).param("y", years[r]).param("d", dermoscopy).param("b", years[r] >= 3)
                    .param("t", titles[r]).param("h", level).update();
            long seed = random.nextLong();
            Instant readerStart = start.plus(Duration.ofHours(r * 3L));
            long participation = jdbc.sql("""
                            insert into participation (study_id, reader_id, order_seed, invited_at, started_at,
                                                       years_dermatology, years_dermoscopy, board_certified, title,
                                                       hospital_level)
                            values (:s, :a, :seed, :at, :at, :y, :d, :b, :t, :h) returning id
                            """)
                    .param("s", studyId).param("a", accountId).param("seed", seed)
                    .param("at", java.sql.Timestamp.from(readerStart)).param("y", years[r]).param("d", dermoscopy)
                    .param("b", years[r] >= 3).param("t", titles[r]).param("h", level)
                    .query(Long.class).single();
            // Chance of a correct unaided diagnosis: 0.55 for a beginner up to about 0.85 for an expert.
            double skill = 0.55 + 0.30 * Math.min(1.0, years[r] / 20.0);
            Instant clock = readerStart;
            for (Phase phase : Phase.values()) {
                for (long caseId : ReadingOrder.of(caseIds, seed, phase, true)) {
                    String answer;
                    StudyCasePrediction ai = predictions.get(caseId);
                    if (phase == Phase.AIDED && ai != null && random.nextDouble() < 0.45) {
                        answer = ai.predictedLabel();
                    } else {
                        answer = random.nextDouble() < skill ? truth.get(caseId) : confusedWith(truth.get(caseId), labels, random);
                    }
                    boolean correct = answer.equals(truth.get(caseId));
                    int confidence = Math.max(1, Math.min(5, (correct ? 4 : 2) + random.nextInt(3) - 1));
                    Instant shown = clock;
                    Instant answered = shown.plusMillis(4000 + random.nextInt(26000));
                    clock = answered.plusMillis(300);
                    jdbc.sql("""
                                    insert into case_presentation (participation_id, case_id, phase, shown_at)
                                    values (:p, :c, :ph, :shown)
                                    """)
                            .param("p", participation).param("c", caseId).param("ph", phase.name())
                            .param("shown", java.sql.Timestamp.from(shown)).update();
                    jdbc.sql("""
                                    insert into answer (participation_id, case_id, phase, diagnosis, confidence,
                                                        shown_at, answered_at)
                                    values (:p, :c, :ph, :dx, :conf, :shown, :answered)
                                    """)
                            .param("p", participation).param("c", caseId).param("ph", phase.name())
                            .param("dx", answer).param("conf", confidence)
                            .param("shown", java.sql.Timestamp.from(shown))
                            .param("answered", java.sql.Timestamp.from(answered)).update();
                }
                String column = phase == Phase.UNAIDED ? "unaided_finished_at" : "aided_finished_at";
                jdbc.sql("update participation set " + column + " = :at where id = :p")
                        .param("at", java.sql.Timestamp.from(clock)).param("p", participation).update();
                clock = clock.plus(Duration.ofDays(14)); // a washout between the two readings
            }
        }
        jdbc.sql("update study set status = 'CLOSED', closed_at = now() where id = :s").param("s", studyId).update();
        jdbc.sql("update case_set set locked = true where id = :set").param("set", caseSetId).update();
    }

    /** A plausible mistake: a neighbouring class of the label set, more often than a random one. */
    private static String confusedWith(String truth, List<String> labels, Random random) {
        List<String> others = labels.stream().filter(code -> !code.equals(truth))
                .sorted(Comparator.naturalOrder()).toList();
        int anchor = Math.floorMod(truth.hashCode(), others.size());
        return random.nextDouble() < 0.6 ? others.get(anchor) : others.get(random.nextInt(others.size()));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
