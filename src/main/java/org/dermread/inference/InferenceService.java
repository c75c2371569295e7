package org.dermread.inference;

import jakarta.annotation.PreDestroy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditLog;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.common.UserFacingException;
import org.dermread.inference.internal.JobRepository;
import org.dermread.inference.internal.ModelRepository;
import org.dermread.inference.internal.PredictionRepository;
import org.dermread.inference.internal.StudyCasesRepository;
import org.dermread.inference.internal.StudyCasesRepository.StudyRow;
import org.dermread.reading.AiAdvice;
import org.dermread.studies.MalignantLabels;
import org.dermread.studies.StudyArm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AI predictions for studies: runs of a model over a study's cases (queued in PostgreSQL, worked off by
 * {@link InferenceWorker} on this or another instance), their progress, and the stored predictions, each restricted
 * to the study's label set and renormalised.
 *
 * <p>The model of a study is the study's own {@code model_sha256} when set, otherwise the model most recently run
 * to the end over it.
 */
@Service
public class InferenceService {

    private static final Logger log = LoggerFactory.getLogger(InferenceService.class);
    private static final long PROGRESS_INTERVAL_MS = 500;

    private final InferenceAccess access;
    private final StudyCasesRepository studies;
    private final ModelRepository models;
    private final PredictionRepository predictions;
    private final JobRepository jobs;
    private final ModelRuntime runtime;
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "inference-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final AuditLog audit;
    private final Taxonomy taxonomy;
    private final SimilarCases similarCases;

    InferenceService(InferenceAccess access, StudyCasesRepository studies, ModelRepository models,
            PredictionRepository predictions, JobRepository jobs, ModelRuntime runtime, AuditLog audit,
            Taxonomy taxonomy, SimilarCases similarCases) {
        this.taxonomy = taxonomy;
        this.similarCases = similarCases;
        this.audit = audit;
        this.access = access;
        this.studies = studies;
        this.models = models;
        this.predictions = predictions;
        this.jobs = jobs;
        this.runtime = runtime;
    }

    /**
     * Queues a run of a model over a study's cases; returns the run already queued or running for them if there
     * is one. Cases that already have a prediction are not computed again.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long startRun(long studyId, String modelSha256) {
        StudyRow study = access.requireMayRun(studyId);
        RegisteredModel model = models.find(modelSha256)
                .orElseThrow(() -> new UserFacingException("inference.error.unknown-model", modelSha256));
        List<String> labels = studies.labels(studyId);
        if (labels.isEmpty()) {
            throw new UserFacingException("inference.error.no-labels", study.name());
        }
        requireCovers(model, labels);
        if (model.embeddingDim() == 0 && studies.showsSimilarCases(studyId)) {
            throw new UserFacingException("inference.error.similar-cases-need-embedding", model.label());
        }
        if (study.caseCount() == 0) {
            throw new UserFacingException("inference.error.no-cases", study.name());
        }
        long id = jobs.enqueue(studyId, modelSha256, study.caseCount(), access.currentAccountId());
        audit.record("model.run", "study " + studyId, "run " + id + " of " + model.label() + " (" + modelSha256 + ")");
        log.info("Run {} of model {} over study {} queued by {}", id, model.label(), studyId,
                CurrentUser.username().orElse("?"));
        return id;
    }

    /** Cancels a run: a queued one at once, a running one after the batch it is on. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void cancelRun(long jobId) {
        InferenceJob job = jobs.find(jobId).orElseThrow(() -> new UserFacingException("inference.error.unknown-run",
                jobId));
        access.requireMayRun(job.studyId());
        jobs.requestCancel(jobId);
        log.info("Run {} cancelled by {}", jobId, CurrentUser.username().orElse("?"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public InferenceJob run(long jobId) {
        InferenceJob job = jobs.find(jobId).orElseThrow(() -> new UserFacingException("inference.error.unknown-run",
                jobId));
        access.requireMayRead(job.studyId());
        return job;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<InferenceJob> runs(long studyId) {
        access.requireMayRead(studyId);
        return jobs.forStudy(studyId);
    }

    /**
     * Reports a run's state to {@code listener} from a background thread, every half second while it changes,
     * until it has finished or the subscription is cancelled. The listener must hand UI work to the UI itself
     * (Vaadin: {@code ui.access}); the run may be worked on by another instance, so progress is read from the
     * database.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public RunSubscription followRun(long jobId, Consumer<InferenceJob> listener) {
        run(jobId);
        AtomicReference<InferenceJob> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> future = new AtomicReference<>();
        future.set(progress.scheduleWithFixedDelay(() -> {
            try {
                InferenceJob now = jobs.find(jobId).orElse(null);
                if (now == null) {
                    future.get().cancel(false);
                    return;
                }
                if (!now.equals(last.getAndSet(now))) {
                    listener.accept(now);
                }
                if (now.status().finished()) {
                    future.get().cancel(false);
                }
            } catch (RuntimeException e) {
                log.warn("Progress of run {} could not be reported", jobId, e);
            }
        }, 0, PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS));
        return () -> future.get().cancel(false);
    }

    /** The studies the signed-in user may see here, with their latest run. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<StudyOverview> studies() {
        boolean all = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.STATISTICIAN);
        List<StudyRow> rows = all ? studies.allStudies() : studies.studiesCoordinatedBy(access.currentAccountId());
        return rows.stream().map(row -> new StudyOverview(row.id(), row.name(), row.status(), row.caseCount(),
                access.mayRun(row.id()), jobs.latestForStudy(row.id()))).toList();
    }

    /** A study's name and cases with their ground truth and the AI's prediction where there is one. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<CaseResult> caseResults(long studyId) {
        access.requireMayRead(studyId);
        Map<Long, StudyCasePrediction> byCase = predictionsForStudy(studyId);
        return studies.cases(studyId).stream().map(row -> new CaseResult(row.id(), row.externalId(),
                row.diagnosis(), Optional.ofNullable(byCase.get(row.id())))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public StudyOverview study(long studyId) {
        StudyRow row = access.requireMayRead(studyId);
        return new StudyOverview(row.id(), row.name(), row.status(), row.caseCount(), access.mayRun(studyId),
                jobs.latestForStudy(studyId));
    }

    /** The model whose predictions count for the study: its own choice, else the last model run over it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<String> studyModel(long studyId) {
        access.requireMaySeeCompleteness(studyId);
        return modelOf(access.study(studyId));
    }

    /**
     * The AI's predictions for a study's cases, by case id: the study's label set, the probabilities restricted to
     * it and renormalised, the model's 14 raw probabilities and the model's SHA-256. Cases without a prediction are
     * absent. For the study's coordinators, statisticians and admins; never for readers (see
     * {@link #aidedPhasePrediction(long, long)}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public Map<Long, StudyCasePrediction> predictionsForStudy(long studyId) {
        StudyRow study = access.requireMayRead(studyId);
        return modelOf(study).map(sha -> load(studyId, sha)).orElse(Map.of());
    }

    /** As {@link #predictionsForStudy(long)}, for a given model. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public Map<Long, StudyCasePrediction> predictionsForStudy(long studyId, String modelSha256) {
        access.requireMayRead(studyId);
        return load(studyId, modelSha256);
    }

    /** Whether every case of the study has a prediction of the study's model (and the study has cases). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean hasCompletePredictions(long studyId) {
        access.requireMaySeeCompleteness(studyId);
        StudyRow study = access.study(studyId);
        return study.caseCount() > 0 && modelOf(study)
                .map(sha -> predictions.mappedCount(studyId, sha) == study.caseCount()
                        && (!studies.showsSimilarCases(studyId)
                                || studies.referenceCasesWithoutPrediction(studyId, sha).isEmpty()))
                .orElse(false);
    }

    /**
     * The AI's advice on one case for a reader in the study's AI-assisted phase: only if the reader takes part in
     * the study, the study has that phase and the reader has finished the unaided phase. The probabilities are
     * those of the study's label set; the model's other classes are left out.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('READER')")
    public Optional<StudyCasePrediction> aidedPhasePrediction(long studyId, long caseId) {
        StudyRow study = access.requireAidedReader(studyId, caseId);
        if (!access.requireAidedHelp(studyId, caseId).probabilities()) {
            throw new AccessDeniedException("this reader's arm does not show the AI's probabilities");
        }
        return prediction(study, caseId);
    }

    private Optional<StudyCasePrediction> prediction(StudyRow study, long caseId) {
        return modelOf(study).flatMap(sha -> predictions.forStudyCase(study.id(), sha, caseId))
                .map(row -> toPrediction(row, classesOf(row.modelSha256())).withoutRaw());
    }

    /**
     * The AI's advice on one case for a reader in the study's AI-assisted phase (same checks as
     * {@link #aidedPhasePrediction}), holding only the forms of help of the reader's arm: the probabilities, or the
     * AI's diagnosis alone, the malignancy score, the similar library cases. Saliency comes from
     * {@link SaliencyService#aidedPhaseSaliencyPng}; {@code saliencyPng} is null here.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('READER')")
    public Optional<AiAdvice> aidedPhaseAdvice(long studyId, long caseId) {
        StudyRow study = access.requireAidedReader(studyId, caseId);
        StudyArm help = access.requireAidedHelp(studyId, caseId);
        Optional<StudyCasePrediction> prediction = prediction(study, caseId);
        if (prediction.isEmpty()) {
            return Optional.empty();
        }
        StudyCasePrediction p = prediction.get();
        String top1 = help.top1() ? p.predictedLabel() : null;
        Double malignancy = null;
        if (help.malignancy()) {
            Map<String, Diagnosis> known = taxonomy.byCode(studies.taxonomy(studyId));
            Set<String> malignant = MalignantLabels.of(p.labels().stream().map(known::get).toList())
                    .orElseThrow(() -> new UserFacingException("inference.error.no-malignancy-grouping"));
            malignancy = MalignantLabels.score(malignant, p.labels(), p.probabilities());
        }
        List<AiAdvice.SimilarCase> similar = help.similarCases()
                ? similarCases.nearest(studyId, p.modelSha256(), caseId, help.similarK()).stream()
                        .map(m -> new AiAdvice.SimilarCase(m.caseId(), m.diagnosis(), m.similarity())).toList()
                : List.of();
        return Optional.of(new AiAdvice(help.probabilities() ? p.labels() : List.of(),
                help.probabilities() ? p.probabilities() : List.of(), top1, malignancy, similar, null));
    }

    /**
     * Whether a case belongs to the study's reference library for similar cases, for a reader of the study (the
     * reading feature checks the reader's arm and phase before serving its image).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('READER')")
    public boolean isReferenceCase(long studyId, long caseId) {
        access.requireMaySeeCompleteness(studyId);
        return studies.isReferenceCase(studyId, caseId);
    }

    /** Embeddings of the study's predicted cases with their ground truth, for a t-SNE view. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<CaseEmbedding> embeddings(long studyId) {
        StudyRow study = access.requireMayRead(studyId);
        return modelOf(study).map(sha -> predictions.embeddings(studyId, sha).stream()
                .map(row -> new CaseEmbedding(row.caseId(), row.diagnosis(), row.embedding())).toList())
                .orElse(List.of());
    }

    /** Engine, version, device and threads of this instance, in parts. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public EngineSummary runtimeSummary() {
        return runtime.summary();
    }

    /** Engine, version, device and threads of this instance. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public String runtimeDescription() {
        return runtime.description();
    }

    private Optional<String> modelOf(StudyRow study) {
        if (study.modelSha256() != null) {
            return Optional.of(study.modelSha256().strip());
        }
        return predictions.latestCompletedModel(study.id());
    }

    private Map<Long, StudyCasePrediction> load(long studyId, String sha) {
        Map<Long, StudyCasePrediction> result = new LinkedHashMap<>();
        List<PredictionRepository.StudyRow> rows = predictions.forStudy(studyId, sha);
        if (!rows.isEmpty()) {
            List<String> classes = classesOf(sha);
            rows.forEach(row -> result.put(row.caseId(), toPrediction(row, classes)));
        }
        return result;
    }

    private List<String> classesOf(String sha) {
        return models.find(sha).map(RegisteredModel::classes)
                .orElseThrow(() -> new IllegalStateException("predictions of an unregistered model " + sha));
    }

    private static StudyCasePrediction toPrediction(PredictionRepository.StudyRow row, List<String> classes) {
        Map<String, Double> raw = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            raw.put(classes.get(i), row.raw()[i]);
        }
        return new StudyCasePrediction(row.caseId(), row.modelSha256(), row.labels(),
                Arrays.stream(row.probabilities()).boxed().toList(), raw);
    }

    @PreDestroy
    void close() {
        progress.shutdownNow();
    }

    /**
     * Refuses a model that misses one of the study's labels, naming every missing code; a model with more classes
     * than the study's labels is fine (the extra classes are renormalised away, {@link LabelSetMapping}).
     */
    static void requireCovers(RegisteredModel model, List<String> labels) {
        List<String> missing = labels.stream().filter(label -> !model.classes().contains(label)).toList();
        if (!missing.isEmpty()) {
            throw new UserFacingException("inference.error.label-not-in-model", String.join(", ", missing));
        }
    }
}
