package org.dermread.reading;

import java.time.Instant;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.PhaseOrderAllocation;
import org.dermread.studies.ReaderProfile;
import org.springframework.stereotype.Component;

/**
 * Starting a participation, the same on the reading page and for recorded readings: the reader's profile is kept
 * with it, and in a study with an AI-assisted phase the phase order is fixed (drawn, balanced within the reader's
 * experience group, when the study randomises it).
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
        repository.markStarted(participation.id(), profile, at, order, group, rank);
        return repository.participation(participation.id()).orElseThrow();
    }
}
