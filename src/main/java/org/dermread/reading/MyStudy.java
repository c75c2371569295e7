package org.dermread.reading;

import java.time.Instant;
import org.dermread.studies.PhaseOrder;

/**
 * A study on a reader's dashboard with their progress.
 *
 * @param started            whether the reader has started (their profile and phase order are then fixed)
 * @param phaseOrder         the reader's phase order, null until they start or when the study has one phase
 * @param secondPhaseOpensAt when the second phase opens (set when the first is finished; after the washout)
 */
public record MyStudy(long participationId, long studyId, String name, String description, String status,
        int total, int answeredUnaided, int answeredAided, boolean aidedPhase, boolean unaidedFinished,
        boolean aidedFinished, boolean feedback, boolean started, PhaseOrder phaseOrder, Instant secondPhaseOpensAt) {

    public boolean finished() {
        return unaidedFinished && (!aidedPhase || aidedFinished);
    }

    /** The phase the reader reads first. */
    public Phase firstPhase() {
        return phaseOrder == PhaseOrder.AIDED_FIRST ? Phase.AIDED : Phase.UNAIDED;
    }

    /** The phase read second, if the study has two. */
    public Phase secondPhase() {
        return firstPhase() == Phase.AIDED ? Phase.UNAIDED : Phase.AIDED;
    }

    public boolean finished(Phase phase) {
        return phase == Phase.UNAIDED ? unaidedFinished : aidedFinished;
    }

    public int answered(Phase phase) {
        return phase == Phase.UNAIDED ? answeredUnaided : answeredAided;
    }
}
