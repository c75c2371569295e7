package org.dermread.reading;

import java.util.List;
import java.util.Optional;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What makes an answer acceptable and a phase readable, the same for answers given on the reading page and for
 * recorded readings brought in whole ({@link RecordedReadings}).
 */
@Component
class AnswerRules {

    private final ReadingRepository repository;
    private final ObjectProvider<AiAdviceSource> advice;

    AnswerRules(ReadingRepository repository, ObjectProvider<AiAdviceSource> advice) {
        this.repository = repository;
        this.advice = advice;
    }

    /** The study is open, and the AI-assisted phase only once it may be opened. */
    void requireReadable(ParticipationRow participation, Phase phase) {
        if (!"OPEN".equals(participation.status())) {
            throw new ReadingException("reading.error.study-not-open");
        }
        if (phase == Phase.AIDED) {
            aidedBlocker(participation).ifPresent(key -> {
                throw new ReadingException(key);
            });
        }
    }

    /** Why the AI-assisted phase cannot be opened yet, or empty when it can. */
    Optional<String> aidedBlocker(ParticipationRow participation) {
        if (!participation.aidedPhase()) {
            return Optional.of("reading.error.no-aided-phase");
        }
        if (participation.unaidedFinishedAt() == null) {
            return Optional.of("reading.error.finish-unaided-first");
        }
        AiAdviceSource source = advice.getIfAvailable();
        if (source == null || !source.readyFor(participation.studyId())) {
            return Optional.of("reading.error.ai-not-ready");
        }
        return Optional.empty();
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
