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
    /** Aided phase done first (crossover); the unaided phase may be started. */
    AIDED_FINISHED,
    /** First phase done; the second opens only after the study's washout period. */
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
     * The status of one participation. A reader reads their first phase, then (in a study with an AI-assisted phase)
     * the other one, which opens at {@code secondPhaseOpensAt} (the end of the washout, recorded when the first
     * phase was finished). Readers drawn to start with the AI-assisted phase (a crossover design) pass through the
     * same states in their own order.
     *
     * @param aiAssisted         whether the study has an AI-assisted phase
     * @param order              the reader's phase order, null until drawn (then unaided first)
     * @param secondPhaseOpensAt when the reader's second phase opens, or null (at once)
     * @param now                the time the status is for
     */
    public static ReaderStatus of(boolean hasProfile, Instant startedAt, int answeredUnaided,
            Instant unaidedFinishedAt, int answeredAided, Instant aidedFinishedAt, boolean aiAssisted,
            PhaseOrder order, Instant secondPhaseOpensAt, Instant now) {
        boolean aidedFirst = aiAssisted && order == PhaseOrder.AIDED_FIRST;
        Instant firstFinished = aidedFirst ? aidedFinishedAt : unaidedFinishedAt;
        Instant secondFinished = aidedFirst ? unaidedFinishedAt : aidedFinishedAt;
        if (firstFinished != null) {
            if (!aiAssisted || secondFinished != null) {
                return FINISHED;
            }
            if ((aidedFirst ? answeredUnaided : answeredAided) > 0) {
                return aidedFirst ? READING_UNAIDED : READING_AIDED;
            }
            if (secondPhaseOpensAt != null && secondPhaseOpensAt.isAfter(now)) {
                return WAITING_FOR_WASHOUT;
            }
            return aidedFirst ? AIDED_FINISHED : UNAIDED_FINISHED;
        }
        if (startedAt != null || answeredUnaided > 0 || answeredAided > 0) {
            return aidedFirst ? READING_AIDED : READING_UNAIDED;
        }
        return hasProfile ? PROFILE_DONE : INVITED;
    }
}
