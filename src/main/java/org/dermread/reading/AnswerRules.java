package org.dermread.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.PhaseOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What makes an answer acceptable and a phase readable, the same for answers given on the reading page, for
 * recorded readings brought in whole ({@link RecordedReadings}) and for the AI's advice ({@link AidedPhaseGate}).
 */
@Component
class AnswerRules {

    private final ReadingRepository repository;
    private final ObjectProvider<AiAdviceSource> advice;
    private final Clock clock;

    AnswerRules(ReadingRepository repository, ObjectProvider<AiAdviceSource> advice, Clock clock) {
        this.repository = repository;
        this.advice = advice;
        this.clock = clock;
    }

    /** The study is open and the phase may be read now. */
    void requireReadable(ParticipationRow participation, Phase phase) {
        if (!"OPEN".equals(participation.status())) {
            throw new ReadingException("reading.error.study-not-open");
        }
        phaseBlocker(participation, phase).ifPresent(blocker -> {
            throw blocker;
        });
    }

    /** Why the phase cannot be read now, the study's status aside, or empty when it can. */
    Optional<ReadingException> phaseBlocker(ParticipationRow participation, Phase phase) {
        if (phase == Phase.AIDED && !participation.aidedPhase()) {
            return Optional.of(new ReadingException("reading.error.no-aided-phase"));
        }
        Optional<ReadingException> order = orderBlocker(participation, phase, clock.instant());
        if (order.isPresent()) {
            return order;
        }
        if (phase == Phase.AIDED) {
            AiAdviceSource source = advice.getIfAvailable();
            if (source == null || !source.readyFor(participation.studyId())) {
                return Optional.of(new ReadingException("reading.error.ai-not-ready"));
            }
        }
        return Optional.empty();
    }

    /**
     * The reader's second phase opens only after the first is finished and the study's washout is over; the first
     * is open from the start. In a study that randomises the order, nothing is open before the reader has started
     * (the order is drawn then).
     */
    Optional<ReadingException> orderBlocker(ParticipationRow participation, Phase phase, Instant now) {
        if (!participation.aidedPhase()) {
            return Optional.empty();
        }
        PhaseOrder order = participation.phaseOrder();
        if (order == null) {
            if (participation.randomisePhaseOrder()) {
                return Optional.of(new ReadingException("reading.error.not-started"));
            }
            order = PhaseOrder.UNAIDED_FIRST;
        }
        Phase first = PhaseOrders.first(order);
        if (phase == first) {
            return Optional.empty();
        }
        if (participation.finishedAt(first) == null) {
            return Optional.of(new ReadingException(first == Phase.UNAIDED ? "reading.error.finish-unaided-first"
                    : "reading.error.finish-aided-first"));
        }
        Instant opens = participation.secondPhaseOpensAt();
        if (opens != null && now.isBefore(opens)) {
            return Optional.of(new ReadingException(phase == Phase.AIDED ? "reading.error.washout-aided"
                    : "reading.error.washout-unaided", Date.from(opens)));
        }
        return Optional.empty();
    }

    Instant now() {
        return clock.instant();
    }

    /** A case of the study, a diagnosis of its label set, and a confidence exactly when the study asks for one. */
    void validate(ParticipationRow participation, List<Long> caseIds, long caseId, String diagnosis,
            Integer confidence) {
        if (!caseIds.contains(caseId)) {
            throw new AccessDeniedException("case not in this study");
        }
        if (repository.options(participation.studyId()).stream().noneMatch(o -> o.code().equals(diagnosis))) {
            throw new ReadingException("reading.error.unknown-diagnosis", String.valueOf(diagnosis));
        }
        if (participation.confidence() && (confidence == null || confidence < 1 || confidence > 5)) {
            throw new ReadingException("reading.error.confidence-required");
        }
        if (!participation.confidence() && confidence != null) {
            throw new ReadingException("reading.error.no-confidence");
        }
    }
}
