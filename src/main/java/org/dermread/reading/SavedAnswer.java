package org.dermread.reading;

import java.util.Optional;

/** What saving an answer did, and the case to show next (empty when the phase is finished). */
public record SavedAnswer(SaveOutcome outcome, Optional<CaseToRead> next) {
}
