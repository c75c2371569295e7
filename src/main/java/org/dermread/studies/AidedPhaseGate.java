package org.dermread.studies;

import java.time.Instant;
import java.util.Optional;

/**
 * Hook for a washout between a reader's unaided and AI-assisted phases: the feature that defines the washout
 * (reading) implements this, and the monitoring page then shows "waiting for washout" until the phase opens.
 * Without an implementation the AI-assisted phase counts as open as soon as the unaided phase is finished.
 */
public interface AidedPhaseGate {

    /** When the AI-assisted phase opens for a reader who finished the unaided phase at the given time. */
    Optional<Instant> aidedPhaseOpensAt(long studyId, Instant unaidedFinishedAt);
}
