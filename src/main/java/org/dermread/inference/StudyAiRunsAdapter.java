package org.dermread.inference;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dermread.studies.StudyAiRuns;
import org.dermread.studies.StudyService;
import org.springframework.stereotype.Component;

/** The studies feature's view of the AI: completeness of the study's run, the models that fit it, starting a run. */
@Component
class StudyAiRunsAdapter implements StudyAiRuns {

    private final InferenceService inference;
    private final ModelRegistry registry;
    private final StudyService studies;

    StudyAiRunsAdapter(InferenceService inference, ModelRegistry registry, StudyService studies) {
        this.inference = inference;
        this.registry = registry;
        this.studies = studies;
    }

    @Override
    public boolean aiReadEveryCase(long studyId) {
        return inference.hasCompletePredictions(studyId);
    }

    @Override
    public List<ModelChoice> suitableModels(long studyId) {
        List<String> labels = studies.findStudy(studyId).labels();
        Optional<String> own = inference.studyModel(studyId);
        return registry.models().stream()
                .filter(model -> model.classes().containsAll(labels))
                .sorted(Comparator.comparing((RegisteredModel model) -> !own.orElse("").equals(model.sha256()))
                        .thenComparing(RegisteredModel::registeredAt, Comparator.reverseOrder()))
                .map(model -> new ModelChoice(model.sha256(), model.label()))
                .toList();
    }

    @Override
    public long startRun(long studyId, String modelSha256) {
        return inference.startRun(studyId, modelSha256);
    }
}
