package org.dermread.reading;

import java.util.Optional;

/**
 * Where the AI-assisted phase gets the model's output. Implemented by the inference feature; while no
 * implementation is present, or its predictions for a study are incomplete, the phase cannot be opened.
 */
public interface AiAdviceSource {

    /** True when every case of the study has a stored prediction of the study's model. */
    boolean readyFor(long studyId);

    Optional<AiAdvice> adviceFor(long studyId, long caseId);
}
