package org.dermread.inference;

import java.util.Optional;
import org.dermread.reading.AiAdvice;
import org.dermread.reading.AiAdviceSource;
import org.springframework.stereotype.Component;

/**
 * What the reader's AI-assisted phase shows: the study model's probabilities over the label set and its saliency
 * map, through the services' reader checks (the reader takes part, the study has the phase, the unaided phase is
 * finished).
 */
@Component
class ReaderAdvice implements AiAdviceSource {

    private final InferenceService inference;
    private final SaliencyService saliency;

    ReaderAdvice(InferenceService inference, SaliencyService saliency) {
        this.inference = inference;
        this.saliency = saliency;
    }

    @Override
    public boolean readyFor(long studyId) {
        return inference.hasCompletePredictions(studyId);
    }

    @Override
    public Optional<AiAdvice> adviceFor(long studyId, long caseId) {
        return inference.aidedPhasePrediction(studyId, caseId).map(prediction -> new AiAdvice(prediction.labels(),
                prediction.probabilities(), saliency.aidedPhaseSaliencyPng(studyId, caseId)));
    }
}
