package org.dermread.reading;

import java.time.Instant;
import java.util.List;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.ArmAllocation;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.PhaseOrderAllocation;
import org.dermread.studies.ReaderProfile;
import org.springframework.stereotype.Component;

/**
 * Starting a participation, the same on the reading page and for recorded readings: the reader's profile is kept
 * with it, and in a study with an AI-assisted phase the phase order is fixed (drawn, balanced within the reader's
 * experience group, when the study randomises it), and in a study with arms the reader's arm is drawn.
 */
@Component
class ParticipationStart {

    private final ReadingRepository repository;

    ParticipationStart(ReadingRepository repository) {
        this.repository = repository;
    }

    /** Starts the participation at {@code at} (now when null) unless it has started; returns it as it is then. */
    ParticipationRow start(ParticipationRow participation, ReaderProfile profile, Instant at) {
        PhaseOrder order = null;
        ExperienceGroup group = null;
        Integer rank = null;
        if (participation.aidedPhase()) {
            if (participation.randomisePhaseOrder()) {
                // Serialised per study, so two readers starting at once cannot take the same rank.
                repository.lockForAllocation(participation.studyId());
                group = ExperienceGroup.of(profile);
                rank = repository.lastRank(participation.studyId(), group) + 1;
                order = PhaseOrderAllocation.orderFor(participation.phaseOrderSeed(), group, rank);
            } else {
                order = PhaseOrder.UNAIDED_FIRST;
            }
        }
        if (repository.markStarted(participation.id(), profile, at, order, group, rank)) {
            drawArm(participation, profile);
        }
        return repository.participation(participation.id()).orElseThrow();
    }

    /**
     * In a study with arms, draws the reader's arm from the study's arm seed, balanced within their experience group
     * ({@link ArmAllocation}); only at the start that this call made, so a resumed participation keeps its arm.
     */
    private void drawArm(ParticipationRow participation, ReaderProfile profile) {
        List<String> arms = repository.armCodes(participation.studyId());
        if (arms.isEmpty() || participation.arm() != null) {
            return;
        }
        repository.lockForAllocation(participation.studyId());
        ExperienceGroup group = ExperienceGroup.of(profile);
        int rank = repository.lastArmRank(participation.studyId(), group) + 1;
        repository.recordArm(participation.id(), ArmAllocation.armFor(participation.armSeed(), group, rank, arms),
                group, rank);
    }
}
