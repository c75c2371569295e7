package org.dermread.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.accounts.RunAs;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.LibraryCase;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingOrder;
import org.dermread.reading.RecordedAnswer;
import org.dermread.reading.RecordedReadings;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.CreatedReader;
import org.dermread.studies.DemoStudy;
import org.dermread.studies.HospitalLevel;
import org.dermread.studies.NewReader;
import org.dermread.studies.Participant;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderTitle;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode's finished study, so a statistician has results to look at on a fresh installation: the demo case set
 * read by 12 SIMULATED readers (accounts that cannot sign in) unaided and then AI-assisted, with the demo model's
 * real predictions. The readers' answers are drawn with a fixed seed from a simple model of a reader study (see
 * {@link #draw}): readers range from novice to expert around the demo model's accuracy, some cases are harder than
 * others for readers and AI alike, confidence follows correctness, and with the AI a reader adopts its differing
 * answer the more often the less experienced the reader and the more confident the AI (as Tschandl et al., Nat Med
 * 2020 observed: the least experienced gain most, and wrong advice misleads). Nothing here is real reader data; the
 * study's description says so. Runs in the background after start-up, once.
 *
 * <p>Everything goes through the features' own services, as the people would: the coordinator creates the study,
 * its readers (with their profiles) and opens it, and runs the model; an administrator disables the simulated
 * accounts; the answers, with their simulated times, come in through {@link RecordedReadings}, which only the
 * system importer may call.
 */
@Component
@Order(40)
class SimulatedReaders implements ApplicationRunner {

    static final String STUDY_NAME = "Demo study with 12 simulated readers (synthetic, finished)";
    /** The two-arm human-AI collaboration study (issue 18), read by 12 other simulated readers. */
    static final String COLLABORATION_NAME = "Demo collaboration study: two arms, 12 simulated readers (synthetic,"
            + " finished)";
    static final List<StudyArm> ARMS = List.of(
            new StudyArm("A", "Probabilities and saliency map", false, true, false, false, null, true),
            new StudyArm("B", "AI diagnosis only", true, false, false, false, null, false));
    /**
     * How convincing the AI's diagnosis is where the reader does not see how sure it is (arm B): a simulation
     * setting, not a figure from the literature.
     */
    private static final double TOP1_CONVINCING = 0.6;
    static final String MODEL_NAME = "demo-skin-cnn";
    private static final Logger log = LoggerFactory.getLogger(SimulatedReaders.class);
    private static final String COORDINATOR = "demo-coordinator";
    private static final String SETUP = "demo-setup";
    private static final long SEED = 2021L;
    private static final ReaderTitle[] TITLES = {ReaderTitle.RESIDENT, ReaderTitle.RESIDENT,
        ReaderTitle.ATTENDING, ReaderTitle.ATTENDING, ReaderTitle.ATTENDING, ReaderTitle.ASSOCIATE_CHIEF,
        ReaderTitle.RESIDENT, ReaderTitle.ATTENDING, ReaderTitle.ASSOCIATE_CHIEF, ReaderTitle.CHIEF,
        ReaderTitle.ATTENDING, ReaderTitle.CHIEF};
    private static final int[] YEARS = {1, 2, 4, 6, 8, 12, 2, 5, 15, 22, 9, 18};
    static final int READERS = YEARS.length;

    private final AccountBootstrap bootstrap;
    private final DemoMode mode;
    private final AccountService accounts;
    private final CaseSetService caseSets;
    private final CaseLibraryService library;
    private final StudyService studies;
    private final InferenceService inference;
    private final ModelRegistry models;
    private final RecordedReadings recorded;
    private final TransactionTemplate transaction;

    SimulatedReaders(AccountBootstrap bootstrap, DemoMode mode, AccountService accounts,
            CaseSetService caseSets, CaseLibraryService library, StudyService studies, InferenceService inference,
            ModelRegistry models, RecordedReadings recorded, TransactionTemplate transaction) {
        this.bootstrap = bootstrap;
        this.mode = mode;
        this.accounts = accounts;
        this.caseSets = caseSets;
        this.library = library;
        this.studies = studies;
        this.inference = inference;
        this.models = models;
        this.recorded = recorded;
        this.transaction = transaction;
    }

    /** Where the study comes from: the demo coordinator, the demo case set and the demo model. */
    record Plan(Account coordinator, CaseSet caseSet, RegisteredModel model) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.on() || !bootstrap.demoAccountsExist()) {
            return;
        }
        Optional<Plan> plan = plan();
        if (plan.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                build(plan.get());
            } catch (RuntimeException e) {
                log.error("Demo mode: the simulated-readers study could not be built", e);
            }
        }, "demo-simulated-readers");
        worker.setDaemon(true);
        worker.start();
    }

    /** What the study needs, or empty when the study exists already or something it needs is missing. */
    Optional<Plan> plan() {
        return asAdmin(() -> {
            List<String> names = studies.listStudies().stream().map(StudySummary::name).toList();
            if (names.contains(STUDY_NAME) && names.contains(COLLABORATION_NAME)) {
                return Optional.empty();
            }
            Optional<Account> coordinator = accounts.list().stream()
                    .filter(account -> account.username().equals(COORDINATOR)).findFirst();
            Optional<CaseSet> caseSet = caseSets.list().stream()
                    .filter(set -> set.name().equals(DemoStudy.CASE_SET_NAME)).findFirst();
            Optional<RegisteredModel> model = models.models().stream()
                    .filter(registered -> registered.name().equals(MODEL_NAME)).findFirst();
            if (coordinator.isEmpty() || caseSet.isEmpty()) {
                return Optional.empty();
            }
            if (model.isEmpty()) {
                log.warn("Demo mode: no demo model registered; no simulated-readers study");
                return Optional.empty();
            }
            return Optional.of(new Plan(coordinator.get(), caseSet.get(), model.get()));
        });
    }

    /**
     * Builds the studies not built yet: the simulated-readers study and the two-arm collaboration study, each opened,
     * the model run over it, the simulated readings imported, closed. Returns the simulated-readers study's id (or
     * -1 when it existed already).
     */
    long build(Plan plan) {
        List<String> names = asAdmin(() -> studies.listStudies().stream().map(StudySummary::name).toList());
        long studyId = names.contains(STUDY_NAME) ? -1 : build(plan, STUDY_NAME, "SYNTHETIC DEMO DATA: the readers"
                + " are simulated by DermRead's demo mode, not people; the images are drawn by a program. For trying"
                + " the results pages and exports.", List.of(), "demo-sim-%02d", "Simulated reader %02d (synthetic)",
                SEED);
        if (!names.contains(COLLABORATION_NAME)) {
            build(plan, COLLABORATION_NAME, "SYNTHETIC DEMO DATA: a human-AI collaboration study with two arms (A:"
                    + " the AI's probabilities and saliency map; B: its diagnosis alone);"
                    + " the readers are simulated by DermRead's demo mode, not people.", ARMS, "demo-collab-%02d",
                    "Simulated collaboration reader %02d (synthetic)", SEED + 18);
        }
        return studyId;
    }

    private long build(Plan plan, String name, String description, List<StudyArm> arms, String login,
            String displayName, long seed) {
        long start = System.nanoTime();
        long studyId = asCoordinator(plan, () -> {
            long id = studies.create(new StudyForm(name, description, plan.caseSet().id(), plan.caseSet().labels(),
                    new StudyOptions(true, false, ConfidenceScale.ONE_TO_FIVE, true, true, false, null), arms));
            studies.open(id);
            inference.startRun(id, plan.model().sha256());
            return id;
        });
        long openedAt = System.nanoTime();
        Map<Long, StudyCasePrediction> predictions = asCoordinator(plan, () -> awaitPredictions(studyId));
        long predictedAt = System.nanoTime();
        transaction.executeWithoutResult(status -> simulate(plan, studyId, predictions, login, displayName, seed));
        long simulatedAt = System.nanoTime();
        log.info("Demo mode: '{}' is ready ({} simulated readers, AI predictions for {} cases) in {} ms: study opened"
                + " and run queued {} ms, AI run {} ms, simulated readings {} ms", name, READERS,
                predictions.size(), (simulatedAt - start) / 1_000_000, (openedAt - start) / 1_000_000,
                (predictedAt - openedAt) / 1_000_000, (simulatedAt - predictedAt) / 1_000_000);
        return studyId;
    }

    private Map<Long, StudyCasePrediction> awaitPredictions(long studyId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!inference.hasCompletePredictions(studyId) && System.nanoTime() < deadline) {
            sleep();
        }
        return inference.predictionsForStudy(studyId);
    }

    /** One transaction: the readers, their readings and the study's end stand or fall together. */
    private void simulate(Plan plan, long studyId, Map<Long, StudyCasePrediction> predictions, String login,
            String displayName, long seed) {
        Random random = new Random(seed);
        List<NewReader> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int dermoscopy = Math.max(0, YEARS[r] - 1 - random.nextInt(2));
            readers.add(new NewReader(String.format(displayName, r + 1),
                    String.format(login, r + 1), new ReaderProfile(YEARS[r], dermoscopy, YEARS[r] >= 3,
                            TITLES[r], r % 3 == 0 ? HospitalLevel.SECONDARY : HospitalLevel.TERTIARY_A)));
        }
        List<CreatedReader> created = asCoordinator(plan, () -> studies.createReaders(studyId, readers));
        asAdmin(() -> {
            created.forEach(reader -> accounts.setEnabled(reader.id(), false));
            return null;
        });
        Map<String, Participant> participants = asCoordinator(plan, () -> studies.participants(studyId)).stream()
                .collect(Collectors.toMap(Participant::username, Function.identity()));
        Map<Long, String> truth = asCoordinator(plan, () -> library.cases(studies.caseIds(studyId))).stream()
                .collect(Collectors.toMap(LibraryCase::id, LibraryCase::diagnosis));
        List<Long> caseIds = truth.keySet().stream().sorted().toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30)).plus(Duration.ofHours(1));
        Map<Long, Double> ease = new HashMap<>();
        for (long caseId : caseIds) {
            StudyCasePrediction ai = predictions.get(caseId);
            // How easy a case is: half its own draw, half how sure the AI is of the truth (hard for both).
            double aiOnTruth = ai == null ? 0.5 : ai.probabilityOf(truth.get(caseId));
            ease.put(caseId, 0.5 * random.nextDouble() + 0.5 * aiOnTruth);
        }
        for (int r = 0; r < READERS; r++) {
            Participant participant = participants.get(created.get(r).username());
            Instant clock = start.plus(Duration.ofHours(r * 3L));
            Skill skill = Skill.of(YEARS[r]);
            for (Phase phase : Phase.values()) {
                // The arm is drawn when the reader starts (with the unaided phase); arm B sees no probabilities.
                boolean certaintyShown = phase == Phase.UNAIDED || !"B".equals(armOf(plan, studyId,
                        participant.participationId()));
                Map<Long, Drawn> drawn = new HashMap<>();
                for (long caseId : caseIds) {
                    drawn.put(caseId, draw(random, phase, skill, ease.get(caseId), truth.get(caseId),
                            predictions.get(caseId), plan.caseSet().labels(), certaintyShown));
                }
                List<RecordedAnswer> answers = new ArrayList<>();
                for (long caseId : ReadingOrder.of(caseIds, participant.orderSeed(), phase, true)) {
                    Drawn answer = drawn.get(caseId);
                    Instant answered = clock.plusMillis(answer.millis());
                    answers.add(new RecordedAnswer(caseId, answer.diagnosis(), answer.confidence(), clock, answered));
                    clock = answered.plusMillis(300);
                }
                RecordedReadings.asImporter(() -> recorded.importPhase(participant.participationId(), phase,
                        answers));
                clock = clock.plus(Duration.ofDays(14)); // a washout between the two readings
            }
        }
        asCoordinator(plan, () -> {
            studies.close(studyId);
            return null;
        });
    }

    private String armOf(Plan plan, long studyId, long participationId) {
        return asCoordinator(plan, () -> studies.participants(studyId)).stream()
                .filter(p -> p.participationId() == participationId).findFirst().map(Participant::arm).orElse(null);
    }

    /** A simulated answer: the diagnosis, a confidence from 1 to 5, and how long the reader took. */
    record Drawn(String diagnosis, int confidence, int millis) {
    }

    /**
     * A simulated reader's ability: the chance of a correct unaided diagnosis on a case of average difficulty
     * (0.55 after a year in dermatology, rising to about 0.88 after 20; the demo model reaches about 0.8), and how
     * readily the reader adopts a differing AI answer (0.75 for a beginner down to 0.25 for an expert).
     */
    record Skill(double accuracy, double trust) {

        static Skill of(int years) {
            double experience = Math.pow(Math.min(1.0, years / 20.0), 0.7);
            return new Skill(0.50 + 0.38 * experience, 0.75 - 0.50 * experience);
        }
    }

    /**
     * One answer. Unaided: correct with the reader's accuracy shifted by the case's ease (-0.2 to +0.2), else a
     * plausible mistake; confidence higher when right than when wrong. Aided: the reader first forms an opinion the
     * same way, then, where the AI's most probable label differs, takes it with probability trust x the AI's
     * probability of that label.
     */
    static Drawn draw(Random random, Phase phase, Skill skill, double ease, String truth, StudyCasePrediction ai,
            List<String> labels) {
        return draw(random, phase, skill, ease, truth, ai, labels, true);
    }

    /**
     * As above; where the reader does not see how sure the AI is ({@code certaintyShown} false: the AI's diagnosis
     * alone), a differing AI answer is taken with probability trust x {@link #TOP1_CONVINCING}.
     */
    static Drawn draw(Random random, Phase phase, Skill skill, double ease, String truth, StudyCasePrediction ai,
            List<String> labels, boolean certaintyShown) {
        double chance = Math.max(0.05, Math.min(0.98, skill.accuracy() + 0.4 * (ease - 0.5)));
        String answer = random.nextDouble() < chance ? truth : confusedWith(truth, labels, random);
        boolean adopted = false;
        if (phase == Phase.AIDED && ai != null && !ai.predictedLabel().equals(answer)
                && random.nextDouble() < skill.trust() * (certaintyShown ? ai.probabilityOf(ai.predictedLabel())
                        : TOP1_CONVINCING)) {
            answer = ai.predictedLabel();
            adopted = true;
        }
        int base = answer.equals(truth) ? 4 : 2;
        int confidence = Math.max(1, Math.min(5, base + (adopted ? 0 : random.nextInt(3) - 1)));
        return new Drawn(answer, confidence, 4000 + random.nextInt(26000));
    }

    /** A plausible mistake: a neighbouring class of the label set, more often than a random one. */
    private static String confusedWith(String truth, List<String> labels, Random random) {
        List<String> others = labels.stream().filter(code -> !code.equals(truth))
                .sorted(Comparator.naturalOrder()).toList();
        int anchor = Math.floorMod(truth.hashCode(), others.size());
        return random.nextDouble() < 0.6 ? others.get(anchor) : others.get(random.nextInt(others.size()));
    }

    private static <T> T asCoordinator(Plan plan, Supplier<T> work) {
        return RunAs.run(plan.coordinator().username(), List.copyOf(plan.coordinator().roles()), work);
    }

    private static <T> T asAdmin(Supplier<T> work) {
        return RunAs.run(SETUP, List.of(Role.ADMIN), work);
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
