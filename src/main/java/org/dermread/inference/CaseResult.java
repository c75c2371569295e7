package org.dermread.inference;

import java.util.Optional;

/** A case of a study with its ground truth and, once the model has run, the AI's prediction. */
public record CaseResult(long caseId, String externalId, String groundTruth, Optional<StudyCasePrediction> prediction) {
}
