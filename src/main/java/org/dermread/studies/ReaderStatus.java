package org.dermread.studies;

import java.time.Instant;

/** Where an invited reader stands in a study, in the order a reader passes through the states. */
public enum ReaderStatus {
    /** Invited; no experience profile yet. */
    INVITED,
    /** Profile entered, no case read yet. */
    PROFILE_DONE,
    READING_UNAIDED,
    /** Unaided phase done; the AI-assisted phase may be started (or is not ready: no complete model run). */
    UNAIDED_FINISHED,
    /** Unaided phase done; the AI-assisted phase opens only after the study's washout period. */
    WAITING_FOR_WASHOUT,
    READING_AIDED,
    FINISHED;

    /** The three groups counted at the top of the monitoring page. */
    public enum Group { NOT_STARTED, IN_PROGRESS, FINISHED }

    public Group group() {
        return switch (this) {
            case INVITED, PROFILE_DONE -> Group.NOT_STARTED;
            case FINISHED -> Group.FINISHED;
            default -> Group.IN_PROGRESS;
        };
    }

    /**
     * The status of one participation.
     *
     * @param aiAssisted      whether the study has an AI-assisted phase
     * @param aidedOpensAt    when the AI-assisted phase opens for this reader after a washout, or null when there is
     *                        no washout (see {@link AidedPhaseGate})
     * @param now             the time the status is for
     */
    public static ReaderStatus of(boolean hasProfile, Instant startedAt, int answeredUnaided,
            Instant unaidedFinishedAt, int answeredAided, Instant aidedFinishedAt, boolean aiAssisted,
            Instant aidedOpensAt, Instant now) {
        if (unaidedFinishedAt != null) {
            if (!aiAssisted || aidedFinishedAt != null) {
                return FINISHED;
            }
            if (answeredAided > 0) {
                return READING_AIDED;
            }
            return aidedOpensAt != null && aidedOpensAt.isAfter(now) ? WAITING_FOR_WASHOUT : UNAIDED_FINISHED;
        }
        if (startedAt != null || answeredUnaided > 0) {
            return READING_UNAIDED;
        }
        return hasProfile ? PROFILE_DONE : INVITED;
    }
}
