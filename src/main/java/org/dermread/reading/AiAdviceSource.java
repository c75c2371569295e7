package org.dermread.reading;

import java.util.Optional;

/**
 * Where the AI-assisted phase gets the model's output. Implemented by the inference feature; while no
 * implementation is present, or its predictions for a study are incomplete, the phase cannot be opened.
 */
public interface AiAdviceSource {

    /** True when every case of the study has a stored prediction of the study's model. */
    boolean readyFor(long studyId);

    /** The advice on a case for the signed-in reader: only the forms of help of their arm. */
    Optional<AiAdvice> adviceFor(long studyId, long caseId);

    /**
     * Whether the case is one of the study's reference library for similar cases (a case of the study's sources
     * outside its case set and outside its lesions): the only cases whose image a similar-cases reader may fetch.
     */
    boolean isReferenceCase(long studyId, long caseId);
}
