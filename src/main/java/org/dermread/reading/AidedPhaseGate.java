package org.dermread.reading;

import java.util.Optional;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a reader may see the AI's advice in a study now: they take part, the study has an AI-assisted phase,
 * and by the reader's phase order and the study's washout that phase is open (or done); in a study that randomises
 * the order, only once the reader has started (the order is drawn then). The one
 * answer to the question for the reading page and for whoever serves the advice (the inference feature's reader
 * checks): a reader who starts with the AI-assisted phase gets advice at once, one who starts unaided only after
 * finishing that phase and the washout.
 */
@Component
public class AidedPhaseGate {

    private final ReadingRepository repository;
    private final AnswerRules rules;

    private final StudyService studies;

    AidedPhaseGate(ReadingRepository repository, AnswerRules rules, StudyService studies) {
        this.repository = repository;
        this.rules = rules;
        this.studies = studies;
    }

    /**
     * The forms of AI help the reader sees in the study's aided phase: their arm's in a study with arms,
     * {@link StudyArm#DEFAULT} in one without. Empty when the reader does not take part, or has no arm yet in a
     * study with arms (it is drawn when they start).
     */
    @Transactional(readOnly = true)
    public Optional<StudyArm> helpFor(long studyId, long readerId) {
        return repository.participationOf(studyId, readerId).flatMap(participation -> {
            var arms = studies.findStudy(studyId).arms();
            if (arms.isEmpty()) {
                return Optional.of(StudyArm.DEFAULT);
            }
            return arms.stream().filter(arm -> arm.code().equals(participation.arm())).findFirst();
        });
    }

    @Transactional(readOnly = true)
    public boolean isOpenFor(long studyId, long readerId) {
        return repository.participationOf(studyId, readerId)
                .filter(participation -> participation.aidedPhase())
                .filter(participation -> rules.orderBlocker(participation, Phase.AIDED, rules.now()).isEmpty())
                .isPresent();
    }
}
