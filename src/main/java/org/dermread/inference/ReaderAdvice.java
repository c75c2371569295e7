package org.dermread.inference;

import java.util.Optional;
import org.dermread.reading.AiAdvice;
import org.dermread.reading.AiAdviceSource;
import org.springframework.stereotype.Component;

/**
 * What the reader's AI-assisted phase shows: the forms of help of the reader's arm (in a study without arms the
 * study model's probabilities over the label set and its saliency map), through the services' reader checks (the
 * reader takes part, the study has the phase, it is open to the reader, the arm shows that form).
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
        return inference.aidedPhaseAdvice(studyId, caseId).map(advice -> new AiAdvice(advice.codes(),
                advice.probabilities(), advice.top1(), advice.malignancy(), advice.similarCases(),
                saliency.aidedPhaseShowsSaliency(studyId, caseId)
                        ? saliency.aidedPhaseSaliencyPng(studyId, caseId) : null));
    }

    @Override
    public boolean isReferenceCase(long studyId, long caseId) {
        return inference.isReferenceCase(studyId, caseId);
    }
}
