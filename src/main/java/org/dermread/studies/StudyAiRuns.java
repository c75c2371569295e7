package org.dermread.studies;

import java.util.List;

/**
 * What the study editor needs to know of the AI before opening an AI-assisted study: whether the AI has read every
 * case, and a way to start that run. Inference implements it (it depends on studies, not the other way round).
 */
public interface StudyAiRuns {

    /** A model that knows every label of the study. */
    record ModelChoice(String sha256, String label) {
    }

    /** Whether every case of the study has a prediction of the study's model. */
    boolean aiReadEveryCase(long studyId);

    /** The registered models that know every label of the study; the study's own model first when it has one. */
    List<ModelChoice> suitableModels(long studyId);

    /** Queues a run of the model over the study's cases; returns the run's id. */
    long startRun(long studyId, String modelSha256);
}
