package org.dermread.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dermread.analysis.figures.ClassNames;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.analysis.internal.ResultsRepository;
import org.dermread.analysis.internal.StudySnapshotRepository;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotCaseRow;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotReaderRow;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotStudyRow;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.BundleWriter;
import org.dermread.bundle.MetricsJson;
import org.dermread.bundle.StudyTables;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.inference.CaseEmbedding;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.OrResult;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;
import org.dermread.stats.StudySizing;
import org.dermread.studies.StudyAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human-versus-AI comparison of open and closed studies, for statisticians (every study), the study's
 * coordinators and administrators. A study's tables are read once, in one read-only transaction
 * ({@link #snapshot}), and everything else works on that snapshot in memory ({@link #analyse}): the figures come
 * from the statistics over the very files the export bundle holds, so the page, the exported {@code metrics.json}
 * and a colleague's re-analysis agree.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
public class StudyResultsService {

    /**
     * The analysis settings written to {@code analysis.json}: 2,000 bootstrap replicates, a fixed seed, 95% CIs,
     * experience groups &lt;3, 3-10, &gt;10 years in dermatology (after Tschandl et al., Lancet Oncol 2019).
     */
    public static final AnalysisSettings SETTINGS = new AnalysisSettings(2000, 20210101L, List.of(3.0, 10.0),
            AnalysisSettings.YEARS_DERMATOLOGY, List.of(), 0.95);

    private static final Set<String> WITH_RESULTS = Set.of("OPEN", "CLOSED");
    private static final int CACHED_ANALYSES = 32;

    private final ResultsRepository results;
    private final StudySnapshotRepository tables;
    private final StudyAccess access;
    private final InferenceService inference;
    private final ModelRegistry models;
    private final Taxonomy taxonomy;

    /** What an analysis costs to compute, by the content of its data files (a changed study is a new entry). */
    private final Map<String, Computed> computed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
                    return size() > CACHED_ANALYSES;
                }
            });

    private record Computed(StudyData study, StudyReport report, byte[] metricsJson, StudyFigures figures) {
    }

    public StudyResultsService(ResultsRepository results, StudySnapshotRepository tables, StudyAccess access,
            InferenceService inference, ModelRegistry models, Taxonomy taxonomy) {
        this.results = results;
        this.tables = tables;
        this.access = access;
        this.inference = inference;
        this.models = models;
        this.taxonomy = taxonomy;
    }

    /** The open and closed studies whose results the signed-in person may read, newest first. */
    @Transactional(readOnly = true)
    public List<StudyResultsSummary> studies() {
        return results.studies().stream().filter(s -> access.mayReadResults(s.studyId())).toList();
    }

    /** An open or closed study whose results the signed-in person may read. */
    @Transactional(readOnly = true)
    public StudyResultsSummary summary(long studyId) {
        access.requireMayReadResults(studyId);
        return results.study(studyId).orElseThrow(() -> new AccessDeniedException("no results for study " + studyId));
    }

    /**
     * Reads the study's tables, its AI predictions and embeddings in one read-only, repeatable-read transaction:
     * every statement sees the database as it was at the first one, so an answer saved meanwhile is either in all
     * of it or in none.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StudySnapshot snapshot(long studyId) {
        access.requireMayReadResults(studyId);
        SnapshotStudyRow study = tables.study(studyId).filter(s -> WITH_RESULTS.contains(s.status()))
                .orElseThrow(() -> new AccessDeniedException("no results for study " + studyId));
        List<String> labels = tables.labels(studyId);
        String taxonomyCode = tables.taxonomy(studyId);
        Map<String, Diagnosis> known = taxonomy.byCode(taxonomyCode);
        // A study's labels are codes of its case set's taxonomy; should one not be (data from before taxonomies),
        // the tables carry codes only and no grouping is formed.
        List<Diagnosis> labelDiagnoses = labels.stream().allMatch(known::containsKey)
                ? labels.stream().map(known::get).toList() : List.of();
        List<StudyTables.LabelRecord> labelNames = labelDiagnoses.stream().map(d -> new StudyTables.LabelRecord(
                d.code(), d.nameEn(), d.nameZh(), d.group() == null ? null : d.group().code())).toList();
        List<SnapshotCaseRow> cases = tables.cases(study.caseSetId());
        List<SnapshotReaderRow> readers = tables.readers(studyId);
        AnonymisedTables anonymised = new AnonymisedTables(cases, readers);
        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(studyId);
        Map<String, float[]> embeddings = new LinkedHashMap<>();
        if (!predictions.isEmpty()) {
            // A model without an embedding output (issue 17) stores empty ones: then there is no t-SNE map.
            inference.embeddings(studyId).stream().filter((CaseEmbedding e) -> e.embedding().length > 0)
                    .forEach(e -> embeddings.put(anonymised.caseId(e.caseId()), e.embedding()));
        }
        String model = predictions.values().stream().map(StudyCasePrediction::modelSha256).findFirst()
                .orElse(study.modelSha256());
        Optional<RegisteredModel> registered = model == null ? Optional.empty() : models.model(model);
        // The raw columns are the model's own classes (any taxonomy, any number), in its output order.
        List<String> modelClasses = registered.map(RegisteredModel::classes).orElseGet(() -> predictions.values()
                .stream().findFirst().map(p -> List.copyOf(p.raw().keySet())).orElse(List.of()));
        return new StudySnapshot(studyId, study.name(), study.status(), study.aidedPhase(), model,
                registered.map(RegisteredModel::name).orElse(null), registered.map(RegisteredModel::version)
                        .orElse(null),
                anonymised.tables(labels, cases, readers, tables.answers(studyId), predictions, modelClasses,
                        labelNames, tables.arms(studyId)),
                embeddings, taxonomyCode, MalignancyGrouping.of(labelDiagnoses).orElse(null));
    }

    /**
     * The analysis of a snapshot: its bundle data files, the statistics over exactly those files, metrics.json and
     * the figures. CPU only, no database; computed once per content of the files.
     */
    public StudyAnalysis analyse(StudySnapshot snapshot) {
        BundleFiles data = BundleWriter.dataFiles(snapshot.tables(), SETTINGS.withGrouping(snapshot.grouping()));
        String key = data.contentSha256() + "/" + snapshot.modelSha256();
        Computed done = computed.get(key);
        if (done == null) {
            BundleStudy study = BundleReader.read(data);
            StudyReport report = study.analyze();
            done = new Computed(study.study(), report, MetricsJson.bytes(report),
                    new StudyFigures(study.study(), report, snapshot.embeddings(),
                            ClassNames.of(BundleReader.labelNames(data))));
            computed.put(key, done);
        }
        return new StudyAnalysis(snapshot, data, done.study(), done.report(), done.metricsJson(), done.figures());
    }

    /**
     * A study sizing with this study as the pilot, as the CLI's {@code size} command computes it from the study's
     * bundle: the OR variance components of the chosen figure in the MRMC comparison of the phases (a group's figure
     * from the analysis under the study's grouping), then per reader count ({@link StudySizing#DEFAULT_READERS}) the
     * fewest cases that reach the target power (Hillis, Obuchowski &amp; Berbaum 2011). CPU only, no database; the
     * same access check as the results page.
     */
    @Transactional(readOnly = true)
    public SizingResult size(StudyAnalysis analysis, SizingRequest request) {
        access.requireMayReadResults(analysis.studyId());
        StudyReport report = analysis.report();
        StudyReport.MrmcReport mrmc = report.mrmc();
        if (request.code() != null && report.grouped() != null && report.grouped().mrmc() != null
                && report.grouped().mrmc().classes().stream().anyMatch(c -> c.code().equals(request.code()))) {
            mrmc = report.grouped().mrmc();
        }
        if (mrmc == null) {
            return SizingResult.unavailable(request, SizingResult.Unavailable.NO_COMPARISON, null);
        }
        if (mrmc.readers().size() < 2) {
            return SizingResult.unavailable(request, SizingResult.Unavailable.TOO_FEW_READERS, null);
        }
        try {
            OrResult or = StudySizing.pilotAnalysis(mrmc, request.figure(), request.code(), request.covariance());
            StudySizing.Pilot pilot = StudySizing.Pilot.of(or);
            StudySizing.Table table = StudySizing.forPower(pilot, request.effect(), request.alpha(), request.power(),
                    StudySizing.DEFAULT_READERS, StudySizing.DEFAULT_MAX_CASES);
            return new SizingResult(request, null, null, or.modalities(), or.readers().size(),
                    List.of(or.modalityFom()[0], or.modalityFom()[1]), pilot, table.designs());
        } catch (IllegalArgumentException e) {
            return SizingResult.unavailable(request, SizingResult.Unavailable.NOT_ESTIMATED, e.getMessage());
        }
    }

    /**
     * Whether the signed-in person may run a model over the study (its coordinators and administrators), so the
     * results page can offer the way to AI predictions.
     */
    @Transactional(readOnly = true)
    public boolean mayRunModel(long studyId) {
        return access.mayManage(studyId);
    }
}
