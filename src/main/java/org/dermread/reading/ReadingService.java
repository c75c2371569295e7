package org.dermread.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dermread.accounts.AccountService;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderProfileService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader's quiz. Every method checks that the participation belongs to the signed-in reader; none returns
 * ground truth, AI output or other readers' answers, except the AI's output in an opened AI-assisted phase and the
 * reader's own results after finishing when the study allows feedback. Each answer is committed before the method
 * returns, and the database's unique key on (participation, case, phase) keeps exactly one answer per case.
 */
@Service
@PreAuthorize("hasRole('READER')")
public class ReadingService {

    private final ReadingRepository repository;
    private final AccountService accounts;
    private final ReaderProfileService profiles;
    private final AnswerRules rules;
    private final ObjectProvider<AiAdviceSource> advice;

    ReadingService(ReadingRepository repository, AccountService accounts, ReaderProfileService profiles,
            AnswerRules rules, ObjectProvider<AiAdviceSource> advice) {
        this.repository = repository;
        this.accounts = accounts;
        this.profiles = profiles;
        this.rules = rules;
        this.advice = advice;
    }

    @Transactional(readOnly = true)
    public List<MyStudy> myStudies() {
        return repository.studiesOf(me());
    }

    /**
     * Opens a phase of a participation: checks ownership, that the study is open and the phase may be read, and
     * at the first opening keeps the reader's profile with the participation.
     */
    @Transactional
    public ReadingSession open(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        if (participation.startedAt() == null) {
            ReaderProfile profile = profiles.myProfile()
                    .orElseThrow(() -> new ReadingException("reading.error.profile-missing"));
            repository.markStarted(participationId, profile, null);
        }
        return session(participation, phase);
    }

    /** The first case of the reader's order not yet answered in this phase, or empty when all are answered. */
    @Transactional
    public Optional<CaseToRead> next(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        List<Long> order = order(participation, phase);
        Set<Long> answered = repository.answeredCaseIds(participationId, phase);
        for (int index = 0; index < order.size(); index++) {
            if (!answered.contains(order.get(index))) {
                return Optional.of(show(participation, phase, order, index));
            }
        }
        return Optional.empty();
    }

    /** An earlier case, to look at again or change, when the study lets readers go back. */
    @Transactional
    public CaseToRead caseAt(long participationId, Phase phase, int index) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        if (!participation.allowBack()) {
            throw new ReadingException("reading.error.no-going-back");
        }
        List<Long> order = order(participation, phase);
        if (index < 0 || index >= order.size()
                || repository.answer(participationId, order.get(index), phase).isEmpty()) {
            throw new ReadingException("reading.error.not-answered-yet");
        }
        return show(participation, phase, order, index);
    }

    /** Stores the answer to a case shown to the reader; a repeated or concurrent submission stores nothing more. */
    @Transactional
    public SaveOutcome answer(long participationId, Phase phase, long caseId, String diagnosis, Integer confidence) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        List<Long> caseIds = repository.caseIds(participation.caseSetId());
        rules.validate(participation, caseIds, caseId, diagnosis, confidence);
        SaveOutcome outcome = repository.insertAnswer(participationId, caseId, phase, diagnosis, confidence, null, null)
                ? SaveOutcome.SAVED : SaveOutcome.ALREADY_SAVED;
        if (repository.answeredCount(participationId, phase) >= caseIds.size()) {
            repository.markFinished(participationId, phase, null);
        }
        return outcome;
    }

    /** Changes an earlier answer (only where the study allows going back); the old one goes to the audit trail. */
    @Transactional
    public SaveOutcome revise(long participationId, Phase phase, long caseId, String diagnosis, Integer confidence) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        if (!participation.allowBack()) {
            throw new ReadingException("reading.error.no-going-back");
        }
        rules.validate(participation, repository.caseIds(participation.caseSetId()), caseId, diagnosis, confidence);
        repository.lock(participationId);
        Optional<GivenAnswer> earlier = repository.answer(participationId, caseId, phase);
        if (earlier.isEmpty()) {
            return answer(participationId, phase, caseId, diagnosis, confidence);
        }
        if (earlier.get().diagnosis().equals(diagnosis) && Objects.equals(earlier.get().confidence(), confidence)) {
            return SaveOutcome.ALREADY_SAVED;
        }
        repository.reviseAnswer(participationId, caseId, phase, diagnosis, confidence);
        return SaveOutcome.REVISED;
    }

    /** The image of a case of the reader's own study, bytes unchanged. */
    @Transactional(readOnly = true)
    public ImageToRead image(long participationId, long caseId) {
        ParticipationRow participation = own(participationId);
        if (!repository.caseIds(participation.caseSetId()).contains(caseId)) {
            throw new AccessDeniedException("case not in this study");
        }
        return repository.image(caseId);
    }

    /** The reader's own results for a finished phase, if the study gives feedback. */
    @Transactional(readOnly = true)
    public Optional<Feedback> feedback(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        boolean finished = phase == Phase.UNAIDED ? participation.unaidedFinishedAt() != null
                : participation.aidedFinishedAt() != null;
        if (!participation.feedback() || !finished) {
            return Optional.empty();
        }
        Map<String, int[]> perClass = new LinkedHashMap<>();
        List<AnswerOption> options = repository.options(participation.studyId());
        options.forEach(option -> perClass.put(option.code(), new int[2]));
        int correct = 0;
        List<String[]> answers = repository.answersWithTruth(participationId, phase);
        for (String[] answer : answers) {
            int[] counts = perClass.computeIfAbsent(answer[1], code -> new int[2]);
            counts[0]++;
            if (answer[0].equals(answer[1])) {
                counts[1]++;
                correct++;
            }
        }
        List<Feedback.ClassResult> results = new ArrayList<>();
        for (AnswerOption option : options) {
            int[] counts = perClass.get(option.code());
            results.add(new Feedback.ClassResult(option, counts[0], counts[1]));
        }
        return Optional.of(new Feedback(phase, answers.size(), correct, results));
    }

    /** Why the AI-assisted phase cannot be opened yet, or empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> aidedPhaseBlocker(long participationId) {
        ParticipationRow participation = own(participationId);
        return rules.aidedBlocker(participation);
    }

    private ReadingSession session(ParticipationRow participation, Phase phase) {
        return new ReadingSession(participation.id(), participation.studyId(), participation.studyName(), phase,
                repository.options(participation.studyId()), participation.allowBack(), participation.confidence(),
                participation.showClinical(), participation.batchSize(),
                repository.caseIds(participation.caseSetId()).size(),
                repository.answeredCount(participation.id(), phase));
    }

    private CaseToRead show(ParticipationRow participation, Phase phase, List<Long> order, int index) {
        long caseId = order.get(index);
        repository.recordShown(participation.id(), caseId, phase, null);
        Integer age = null;
        String sex = null;
        String bodySite = null;
        if (participation.showClinical()) {
            Map<String, Object> fields = repository.clinicalFields(caseId);
            age = (Integer) fields.get("age");
            sex = (String) fields.get("sex");
            bodySite = (String) fields.get("body_site");
        }
        Optional<AiAdvice> aiAdvice = phase == Phase.AIDED
                ? advice.getObject().adviceFor(participation.studyId(), caseId) : Optional.empty();
        return new CaseToRead(caseId, index, order.size(), age, sex, bodySite,
                repository.answer(participation.id(), caseId, phase), aiAdvice);
    }

    private List<Long> order(ParticipationRow participation, Phase phase) {
        return ReadingOrder.of(repository.caseIds(participation.caseSetId()), participation.orderSeed(), phase,
                participation.shuffle());
    }

    /** The participation, if it is the signed-in reader's; the same refusal whether it exists or not. */
    private ParticipationRow own(long participationId) {
        return repository.participation(participationId)
                .filter(participation -> participation.readerId() == me())
                .orElseThrow(() -> new AccessDeniedException("not your participation"));
    }

    private long me() {
        return accounts.currentAccount().id().value();
    }
}
